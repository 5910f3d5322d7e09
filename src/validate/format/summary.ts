/** Counts shared by the output formats. */
import type { Severity } from '../../../dsl/types.js';
import type { FileResult } from '../finding.js';

export interface Counts {
  error: number;
  warning: number;
  info: number;
  suppressed: number;
  expired: number;
  files: number;
}

export function count(results: FileResult[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0, suppressed: 0, expired: 0, files: results.length };
  for (const r of results) {
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
