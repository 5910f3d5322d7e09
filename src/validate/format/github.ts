/**
 * Findings as GitHub Actions workflow commands, so they show up as annotations on the pull
 * request: `::error file=…,line=…,col=…,title=<ruleId>::message`. Errors become `error`, warnings
 * `warning`, info `notice`; suppressed findings are left out; expired acceptances are marked.
 */
import type { Severity } from '../../../dsl/types.js';
import { isActive, type FileResult } from '../finding.js';
import { count, plural, unverifiedOf, unverifiedSentence } from './summary.js';
import { terminalSafe } from '../../shared/text-safety.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** The workflow commands, one line per open finding, then a summary line. */
export function formatGithub(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      if (!isActive(f)) continue;
      const expired = f.status === 'expired' ? ` (accepted risk expired ${f.acceptance?.expires ?? ''})` : '';
      const props = [
        `file=${githubEscapeProperty(f.file.replace(/\\/g, '/'))}`,
        `line=${Math.max(1, f.line)}`,
        `col=${Math.max(1, f.column)}`,
        `title=${githubEscapeProperty(f.ruleId)}`,
      ].join(',');
      lines.push(`::${COMMAND[f.severity]} ${props}::${githubEscapeData(`${f.message}${expired}`)}`);
    }
  }
  for (const u of unverifiedOf(results)) {
    const props = [
      `file=${githubEscapeProperty(u.file.replace(/\\/g, '/'))}`,
      `line=${Math.max(1, u.line)}`,
      `col=${Math.max(1, u.column)}`,
      `title=${githubEscapeProperty(`unverified ${u.ruleId}`)}`,
    ].join(',');
    lines.push(`::notice ${props}::${githubEscapeData(u.message)}`);
  }
  const n = count(results);
  const parts = [plural(n.error, 'error'), plural(n.warning, 'warning'), `${n.info} info`];
  if (n.suppressed) parts.push(`${n.suppressed} suppressed`);
  if (n.expired) parts.push(`${n.expired} expired acceptance${n.expired === 1 ? '' : 's'}`);
  const open = unverifiedSentence(results);
  lines.push(githubEscapeData(`aksnet: ${parts.join(', ')} in ${plural(n.files, 'file')}${open ? `; ${open}` : ''}`));
  return lines.join('\n') + '\n';
}

/**
 * Escapes a command's message (GitHub's `escapeData`): `%`, CR and LF; other control characters
 * (ESC, BEL, …) would reach the log raw, so they are shown as `\uXXXX`.
 */
export function githubEscapeData(s: string): string {
  return terminalSafe(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a command property value (GitHub's `escapeProperty`): also `:` and `,`. */
export function githubEscapeProperty(s: string): string {
  return githubEscapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
