/** Human-readable findings: grouped by file, then severity; colour only when asked. */
import type { Severity } from '../../../dsl/types.js';
import { isActive, type FileResult, type Finding } from '../finding.js';
import type { FormatContext } from './formatter.js';
import { count, plural, unverifiedSentence } from './summary.js';
import { terminalSafe as t } from '../../shared/text-safety.js';

const ORDER: Severity[] = ['error', 'warning', 'info'];

export function formatText(results: FileResult[], { colors: c }: Pick<FormatContext, 'colors'>): string {
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
        const sev =
          label === 'error' ? c.red('error') : label === 'warning' ? c.yellow('warning') : label === 'info' ? c.blue('info') : c.dim('suppressed');
        const expired = f.status === 'expired' ? c.red(` [accepted risk expired ${t(f.acceptance?.expires ?? '')}]`) : '';
        const accepted =
          f.status === 'suppressed' && f.acceptance
            ? c.dim(` [accepted by ${t(f.acceptance.owner)} until ${t(f.acceptance.expires)}: ${t(f.acceptance.justification)}]`)
            : '';
        // Pad by the visible width of the label: the colour codes must not count.
        const pad = ' '.repeat(Math.max(0, 'suppressed'.length - label.length));
        // A finding about a part built in a helper module points into that module, not the design file.
        const where = f.file && f.file !== r.file ? `${t(f.file)}:${f.line}:${f.column}` : `${f.line}:${f.column}`;
        lines.push(`  ${c.dim(where.padEnd(8))} ${sev}${pad}  ${t(f.message)}${expired}${accepted}  ${c.dim(t(f.ruleId))}`);
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
  if (open) lines.push(c.blue(open));
  return lines.join('\n') + '\n';
}
