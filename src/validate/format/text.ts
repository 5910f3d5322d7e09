/** Human-readable findings: grouped by file, then severity; colour only when asked. */
import type { Severity } from '../../../dsl/types.js';
import { isActive, type FileResult, type Finding } from '../finding.js';
import type { FormatContext } from './formatter.js';
import type { Colors } from '../../shared/io.js';
import { count, plural, unverifiedSentence } from './summary.js';
import { terminalSafe as t } from '../../shared/text-safety.js';

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** Column where a finding's message starts: detail lines (fix, related findings) line up under it. */
const INDENT = ' '.repeat(2 + 8 + 1 + 'suppressed'.length + 2);

export function formatText(results: FileResult[], { colors: c, compact = false }: Pick<FormatContext, 'colors' | 'compact'>): string {
  const lines: string[] = [];
  for (const r of results) {
    const unverified = r.unverified ?? [];
    if (r.findings.length === 0 && unverified.length === 0) continue;
    lines.push(c.bold(t(r.file)) + c.dim(`  ${t(r.title)}`));
    const groups: Array<[string, Finding[]]> = [
      ...ORDER.map((s) => [s, r.findings.filter((f) => isActive(f) && f.severity === s)] as [string, Finding[]]),
      ['suppressed', r.findings.filter((f) => f.status === 'suppressed')],
    ];
    for (const [label, list] of groups) {
      for (const f of list) {
        // A grouped finding is printed inside its primary's group (one problem reads as one finding).
        if (f.groupedUnder && !compact) continue;
        const sev =
          label === 'error' ? c.red('error') : label === 'warning' ? c.yellow('warning') : label === 'info' ? c.blue('info') : c.dim('suppressed');
        const expired = f.status === 'expired' ? c.red(` [accepted risk expired ${t(f.acceptance?.expires ?? '')}]`) : '';
        const accepted =
          f.status === 'suppressed' && f.acceptance
            ? c.dim(` [accepted by ${t(f.acceptance.owner)} until ${t(f.acceptance.expires)}: ${t(f.acceptance.justification)}]`)
            : '';
        const grouped = compact && f.groupedUnder ? c.dim(` [same problem as ${t(f.groupedUnder.ruleId)}]`) : '';
        // Pad by the visible width of the label: the colour codes must not count.
        const pad = ' '.repeat(Math.max(0, 'suppressed'.length - label.length));
        lines.push(`  ${c.dim(where(f, r.file).padEnd(8))} ${sev}${pad}  ${t(f.message)}${expired}${accepted}${grouped}  ${c.dim(t(f.ruleId))}`);
        if (compact) continue;
        if (f.fix) lines.push(c.dim(`${INDENT}fix: ${t(f.fix)}`));
        if (f.related?.length) {
          lines.push(c.dim(`${INDENT}same problem (${t(f.related[0]!.cause)}):`));
          for (const x of f.related) {
            lines.push(`${INDENT}  ${c.dim(where(x, r.file))} ${severityColor(c, x.severity)}  ${t(x.message)}  ${c.dim(t(x.ruleId))}`);
          }
        }
      }
    }
    // Checks that could not run come last: open questions, not defects.
    for (const u of unverified) {
      const pad = ' '.repeat('suppressed'.length - 'unverified'.length);
      lines.push(`  ${c.dim(`${u.line}:${u.column}`.padEnd(8))} ${c.blue('unverified')}${pad}  ${t(u.message)}  ${c.dim(t(u.ruleId))}`);
    }
    lines.push('');
  }
  const n = count(results);
  const total = n.error + n.warning + n.info;
  const parts = [plural(n.error, 'error'), plural(n.warning, 'warning'), `${n.info} info`];
  if (n.suppressed) parts.push(`${n.suppressed} suppressed`);
  if (n.expired) parts.push(`${n.expired} expired acceptance${n.expired === 1 ? '' : 's'}`);
  const summary = `${total === 0 ? '✓' : '✖'} ${parts.join(', ')} in ${plural(n.files, 'file')}`;
  lines.push(n.error ? c.red(c.bold(summary)) : n.warning ? c.yellow(c.bold(summary)) : c.green(c.bold(summary)));
  const open = unverifiedSentence(results);
  // The sentence names elements of the design: terminal-safe like every other user string.
  if (open) lines.push(c.blue(t(open)));
  return lines.join('\n') + '\n';
}

/** file:line:col when the position lies in a helper module, else line:col. */
function where(f: Pick<Finding, 'file' | 'line' | 'column'>, designFile: string): string {
  return f.file && f.file !== designFile ? `${t(f.file)}:${f.line}:${f.column}` : `${f.line}:${f.column}`;
}

function severityColor(c: Colors, s: Severity): string {
  return s === 'error' ? c.red(s) : s === 'warning' ? c.yellow(s) : c.blue(s);
}
