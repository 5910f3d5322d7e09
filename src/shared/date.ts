/** Dates as the DSL, config and CLI write them. */
import { AksnetError } from './errors.js';

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 and 2026-13-45 are not). */
export function isCalendarDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Checks a command's `--as-of` value (exit 2 unless a real calendar date): one check for every command that takes it. */
export function checkAsOf(value: string | undefined): void {
  if (value !== undefined && !isCalendarDate(value)) throw new AksnetError(`--as-of must be a date YYYY-MM-DD, got "${value}"`);
}

/** Today's date in UTC, honouring SOURCE_DATE_EPOCH so pinned builds stay reproducible. */
export function today(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const ms = epoch && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now();
  return new Date(ms).toISOString().slice(0, 10);
}
