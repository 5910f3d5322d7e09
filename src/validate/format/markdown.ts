/**
 * Findings as GitHub-flavoured Markdown for pull-request comments: a summary line, one table per
 * file, and suppressed findings in a collapsed `<details>` block. Every value taken from a design
 * file is escaped, so names like `<script>` or `| x |` render as text and cannot break the table.
 */
import type { Severity } from '../../../dsl/types.js';
import type { FileResult, Finding } from '../finding.js';
import { SEVERITY_ORDER, isActive } from '../finding.js';
import { count, plural, unverifiedSentence } from './summary.js';

const LABEL: Record<Severity, string> = { error: '🔴 error', warning: '🟠 warning', info: '🔵 info' };

/** The PR comment. */
export function formatMarkdown(results: FileResult[]): string {
  const n = count(results);
  const parts = [plural(n.error, 'error'), plural(n.warning, 'warning'), `${n.info} info`];
  if (n.suppressed) parts.push(`${n.suppressed} suppressed`);
  if (n.expired) parts.push(`${n.expired} expired acceptance${n.expired === 1 ? '' : 's'}`);
  const icon = n.error ? '❌' : n.warning ? '⚠️' : '✅';
  const open = unverifiedSentence(results);
  const lines: string[] = ['## aksnet validation', '', `${icon} **${parts.join(', ')}** in ${plural(n.files, 'file')}`, ''];
  if (open) lines.push(`ℹ️ ${mdEscape(open)}`, '');
  for (const r of results) {
    const open = r.findings.filter(isActive).sort(bySeverity);
    const suppressed = r.findings.filter((f) => f.status === 'suppressed');
    lines.push(`### ${mdEscape(r.file)}${r.title ? ` — ${mdEscape(r.title)}` : ''}`, '');
    if (open.length === 0) lines.push('No open findings.', '');
    else {
      lines.push('| Severity | Rule | Location | Message |', '|---|---|---|---|');
      for (const f of open) {
        const expired = f.status === 'expired' ? ` <br>**accepted risk expired ${mdEscape(f.acceptance?.expires ?? '')}**` : '';
        // A grouped finding names its group's primary, so the table reads as one problem per cause.
        const grouped = f.groupedUnder ? ` <br>_same problem as ${mdEscape(f.groupedUnder.ruleId)}_` : '';
        lines.push(`| ${LABEL[f.severity]} | ${rule(f)} | ${location(f)} | ${mdEscape(f.message)}${expired}${grouped} |`);
      }
      lines.push('');
    }
    if (suppressed.length) {
      lines.push(
        '<details>',
        `<summary>${plural(suppressed.length, 'suppressed finding')} (accepted risks)</summary>`,
        '',
        '| Rule | Location | Message | Justification | Owner | Expires |',
        '|---|---|---|---|---|---|',
      );
      for (const f of suppressed) {
        const a = f.acceptance;
        lines.push(
          `| ${rule(f)} | ${location(f)} | ${mdEscape(f.message)} | ${mdEscape(a?.justification ?? '')} | ${mdEscape(a?.owner ?? '')} | ${mdEscape(a?.expires ?? '')} |`,
        );
      }
      lines.push('', '</details>', '');
    }
    const unverified = r.unverified ?? [];
    if (unverified.length) {
      lines.push(`#### ${plural(unverified.length, 'check')} that could not run`, '', '| Rule | Location | Fact to state | Check |', '|---|---|---|---|');
      for (const u of unverified) {
        lines.push(`| ${mdEscape(u.ruleId)} | ${mdEscape(`${u.file}:${u.line}`)} | ${mdEscape(`${u.fact} (${u.factPath})`)} | ${mdEscape(u.check)} |`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}

function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function rule(f: Finding): string {
  const id = mdEscape(f.ruleId);
  return /^https:\/\/[^\s()<>]+$/.test(f.helpUri) ? `[${id}](${f.helpUri})` : id;
}

function location(f: Finding): string {
  return mdEscape(`${f.file}:${f.line}`);
}

/**
 * Escapes text for a Markdown table cell: HTML-significant characters become entities, Markdown
 * punctuation is backslash-escaped, `@` cannot mention anyone, and line breaks become spaces.
 */
export function mdEscape(s: string): string {
  return s
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~^$]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/@/g, '&#64;');
}
