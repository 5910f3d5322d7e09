/** The date arithmetic and the factory every dated rule shares. */
import { describe, expect, it } from 'vitest';
import { defineDatedRule, due } from '../../../src/rules/lifecycle/_lifecycle.js';
import type { RuleReport } from '../../../src/validate/rule.js';

describe('due()', () => {
  it('is a warning up to and including the date, an error after it', () => {
    expect(due('2026-04-28', '2026-04-27')).toEqual({ past: false, relative: 'in 1 day as of 2026-04-27', severity: 'warning' });
    expect(due('2026-04-28', '2026-04-28')).toEqual({ past: false, relative: 'today, 2026-04-28', severity: 'warning' });
    expect(due('2026-04-28', '2026-04-29')).toEqual({ past: true, relative: '1 day ago as of 2026-04-29', severity: 'error' });
  });

  it('counts whole months, and days under a month', () => {
    expect(due('2026-09-30', '2026-06-15').relative).toBe('in 3 months as of 2026-06-15');
    expect(due('2026-03-20', '2026-02-20').relative).toBe('in 1 month as of 2026-02-20');
    expect(due('2026-03-19', '2026-02-20').relative).toBe('in 27 days as of 2026-02-20');
    expect(due('2026-03-01', '2026-02-27').relative).toBe('in 2 days as of 2026-02-27');
    expect(due('2025-09-30', '2026-11-23').relative).toBe('13 months ago as of 2026-11-23');
    expect(due('2025-11-23', '2026-11-23').relative).toBe('12 months ago as of 2026-11-23');
  });

  it('says "as of" when a date cannot be read, and still grades by string order', () => {
    expect(due('2026-04-28', 'soon').relative).toBe('as of soon');
    expect(due('April 2026', '2026-04-29').relative).toBe('as of 2026-04-29');
    expect(due('2026-04-28x', '2026-04-29').relative).toBe('as of 2026-04-29');
    expect(due('x2026-04-28', '2026-04-29').relative).toBe('as of 2026-04-29');
  });
});

describe('defineDatedRule()', () => {
  const retirement = { what: 'the thing', date: '2026-04-28', source: { title: 't', url: 'https://learn.microsoft.com/x' } };
  const meta = {
    id: 'lifecycle/example',
    title: 'x',
    pillars: ['security' as const],
    waf: ['SE:08'],
    rationale: 'r',
    fix: 'f',
    references: [],
    messages: { m: 'the thing {{retires}} {{date}} ({{when}})' },
  };

  function run(severity: 'error' | undefined, asOf: string): RuleReport[] {
    const rule = defineDatedRule({ retirement, meta: { ...meta, ...(severity ? { severity } : {}) }, check: (ctx) => ctx.report({ messageId: 'm' }) });
    const reports: RuleReport[] = [];
    rule.check({ model: {} as never, q: {} as never, asOf, issues: [], report: (r) => reports.push(r), unverified: () => undefined });
    return reports;
  }

  it('makes a warning → error rule with the date as errorAfter', () => {
    const rule = defineDatedRule({ retirement, meta, check: () => {} });
    expect(rule.meta).toMatchObject({ severity: 'warning', kind: 'lifecycle', errorAfter: '2026-04-28' });
    expect(run(undefined, '2026-04-28')[0]).toMatchObject({
      severity: 'warning',
      data: { date: '2026-04-28', when: 'today, 2026-04-28', retires: 'retires', ends: 'ends' },
      evidence: { date: '2026-04-28', asOf: '2026-04-28' },
    });
    expect(run(undefined, '2026-04-29')[0]).toMatchObject({ severity: 'error', data: { retires: 'retired', ends: 'ended' } });
  });

  it("with severity 'error' every finding is an error and no errorAfter is shown", () => {
    const rule = defineDatedRule({ retirement, meta: { ...meta, severity: 'error' }, check: () => {} });
    expect(rule.meta.severity).toBe('error');
    expect(rule.meta.errorAfter).toBeUndefined();
    expect(run('error', '2026-04-01')[0]).toMatchObject({ severity: 'error', data: { retires: 'retires' } });
  });
});
