/** Date arithmetic for the lifecycle rules (not a rule: the file name starts with `_`). */
import type { Severity } from '../../validate/rule.js';

function parse(date: string): { y: number; m: number; d: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** Whole months from `a` to `b` (a <= b), and the leftover days when under a month. */
function distance(a: { y: number; m: number; d: number }, b: { y: number; m: number; d: number }): string {
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d) months -= 1;
  if (months >= 1) return `${months} month${months === 1 ? '' : 's'}`;
  const days = Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
  return `${days} day${days === 1 ? '' : 's'}`;
}

export interface Due {
  /** Whether the date has passed (asOf is after it). */
  past: boolean;
  /** "in 16 months as of 2026-11-23" / "20 months ago as of 2026-11-23" / "today (2026-11-23)". */
  relative: string;
  /** warning before the date, error after it. */
  severity: Severity;
}

/** Where `asOf` stands relative to a retirement `date` (both YYYY-MM-DD; string order is date order). */
export function due(date: string, asOf: string): Due {
  const past = asOf > date;
  const a = parse(asOf);
  const d = parse(date);
  let relative: string;
  if (!a || !d) relative = `as of ${asOf}`;
  else if (asOf === date) relative = `today, ${asOf}`;
  else relative = past ? `${distance(d, a)} ago as of ${asOf}` : `in ${distance(a, d)} as of ${asOf}`;
  return { past, relative, severity: past ? 'error' : 'warning' };
}
