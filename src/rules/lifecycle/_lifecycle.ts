/** Date arithmetic for the lifecycle rules (not a rule: the file name starts with `_`). */
import { defineRule, type Rule, type RuleContext, type RuleMeta, type RuleReport, type Severity } from '../../validate/rule.js';
import type { Retirement } from '../../model/data/retirements.js';

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

/** What a dated rule's check learns about its date, besides the context. */
export interface DatedCheck extends Due {
  /** The retirement date (YYYY-MM-DD). */
  date: string;
}

export interface DatedRuleSpec {
  /** The retirement the rule is about (from `src/model/data/retirements.ts`). */
  retirement: Retirement;
  /**
   * Everything but kind and date, which the retirement fixes. Severity defaults to the dated
   * warning → error; `'error'` makes every finding an error (the thing can no longer be adopted).
   */
  meta: Omit<RuleMeta, 'severity' | 'kind' | 'errorAfter'> & { messages: Record<string, string>; severity?: 'error' };
  check(ctx: RuleContext, when: DatedCheck): void;
}

/**
 * A rule about a dated retirement: a warning up to and including the date, an error after it. Every
 * report gets the date, the date relative to the evaluation date and the right tense as message data
 * (`{{date}}`, `{{when}}`, `{{retires}}` = retires/retired, `{{ends}}` = ends/ended) and as evidence,
 * so every dated rule phrases and grades its date the same way. A report may still set its own
 * severity (e.g. an error that does not depend on the date).
 */
export function defineDatedRule(spec: DatedRuleSpec): Rule {
  const { date } = spec.retirement;
  const always = spec.meta.severity === 'error';
  return defineRule({
    meta: always
      ? { ...spec.meta, severity: 'error', kind: 'lifecycle' }
      : { ...spec.meta, severity: 'warning', kind: 'lifecycle', errorAfter: date },
    check(ctx) {
      const due0 = due(date, ctx.asOf);
      const d: Due = always ? { ...due0, severity: 'error' } : due0;
      const dateData = { date, when: d.relative, retires: d.past ? 'retired' : 'retires', ends: d.past ? 'ended' : 'ends' };
      const report = (r: RuleReport): void =>
        ctx.report({
          ...r,
          severity: r.severity ?? d.severity,
          data: { ...dateData, ...r.data },
          evidence: { ...r.evidence, date, asOf: ctx.asOf },
        } as RuleReport);
      const unverified: RuleContext['unverified'] = (u) => {
        ctx.unverified(u);
      };
      spec.check({ model: ctx.model, q: ctx.q, asOf: ctx.asOf, issues: ctx.issues, report, unverified }, { ...d, date });
    },
  });
}
