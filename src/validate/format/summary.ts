/** Counts shared by the output formats. */
import { factToState } from '../fact-phrase.js';
import type { Severity } from '../../../dsl/types.js';
import type { FileResult, UnverifiedCheck } from '../finding.js';
import { isLoadFailure } from '../load-failure.js';

export interface Counts {
  error: number;
  warning: number;
  info: number;
  suppressed: number;
  expired: number;
  /** Checks that could not run because a fact is unknown (not findings). */
  unverified: number;
  files: number;
}

export function count(results: FileResult[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0, suppressed: 0, expired: 0, unverified: 0, files: results.length };
  for (const r of results) {
    c.unverified += r.unverified?.length ?? 0;
    for (const f of r.findings) {
      if (f.status === 'suppressed') c.suppressed++;
      else c[f.severity]++;
      if (f.status === 'expired') c.expired++;
    }
  }
  return c;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export type { Severity };

/** Every unverified check, file by file. */
export function unverifiedOf(results: FileResult[]): UnverifiedCheck[] {
  return results.flatMap((r) => r.unverified ?? []);
}

/**
 * The summary sentence for unverified checks, e.g. `3 checks could not run: state the replica count
 * of nginx (replicas), …`; empty when every check ran. Lists up to `max` distinct facts.
 */
export function unverifiedSentence(results: FileResult[], max = 3): string {
  const all = unverifiedOf(results);
  if (all.length === 0) return '';
  const facts = [...new Set(all.map((u) => `${factToState(u.fact)} of ${u.elementName}`))];
  const shown = facts.slice(0, max).join('; ');
  const more = facts.length > max ? `; and ${facts.length - max} more` : '';
  return `${all.length} check${all.length === 1 ? '' : 's'} could not run: state ${shown}${more}`;
}

/** One summary line for watch mode and build: counts per severity and per outcome. */
export function summaryLine(results: FileResult[], skipped: number): string {
  const n = count(results);
  const failed = results.filter(isLoadFailure).length;
  const parts = [
    `${n.error} error${n.error === 1 ? '' : 's'}`,
    `${n.warning} warning${n.warning === 1 ? '' : 's'}`,
    `${n.info} info`,
  ];
  if (n.suppressed) parts.push(`${n.suppressed} suppressed`);
  const files = [`${results.length - failed} design${results.length - failed === 1 ? '' : 's'} validated`];
  if (failed) files.push(`${failed} failed to load`);
  if (skipped) files.push(`${skipped} skipped`);
  return `${parts.join(', ')} (${files.join(', ')})`;
}
