/**
 * A table-driven rule tester in the style of ESLint's RuleTester. Each rule's test file lists
 * `valid` designs (the rule must stay silent) and `invalid` ones, each naming every finding it
 * expects by message id, DSL path and severity (and optionally the exact text or a pattern).
 * The tester also checks that every message id the rule declares is exercised by some case, so a
 * finding kind without a test fails the suite.
 *
 *   testRule('ingress/app-gateway-v1', {
 *     valid: [{ name: 'WAF_v2', arch: () => baseline().arch }],
 *     invalid: [{ name: 'v1', arch: () => { const b = baseline(); b.appGw.sku = 'WAF'; return b.arch; },
 *                 findings: [{ messageId: 'v1Sku', path: 'ingress[0].hops[0].via.sku', severity: 'warning' }] }],
 *   });
 */
import { describe, expect, it } from 'vitest';
import type { Architecture, Severity } from '../../dsl/index.js';
import { loadRules } from '../../src/validate/registry.js';
import type { Finding } from '../../src/validate/finding.js';
import { runRule } from './run-rule.js';
import { HELD_BY_ANY_FIELD } from './held-by-any-field.js';
import { unreadProbe, type ProbeResult } from './reads-probe.js';

/** The as-of date cases run at unless they name one. */
export const DEFAULT_AS_OF = '2026-11-23';

interface CaseBase {
  /** What the case shows (the test's name). */
  name: string;
  /** A fresh design per run (builders return new objects, so a case may change them freely). */
  arch: () => Architecture;
  /** Evaluation date (YYYY-MM-DD); default {@link DEFAULT_AS_OF}. */
  asOf?: string;
}

export type ValidCase = CaseBase;

export interface ExpectedFinding {
  messageId: string;
  /** The finding's DSL path, e.g. `clusters[0].network.networkPolicy`. */
  path: string;
  severity: Severity;
  /** The exact text, or a pattern it must match. */
  message?: string | RegExp;
  /** Evidence values that must be present (a subset of the finding's evidence). */
  evidence?: Record<string, string | number | boolean>;
}

export interface InvalidCase extends CaseBase {
  /** Every finding the rule must raise, in output order (line, severity, message). */
  findings: ExpectedFinding[];
}

export interface RuleTests {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

function check(actual: Finding, want: ExpectedFinding, i: number): void {
  const where = `finding ${i}`;
  expect(actual.messageId, `${where}: message id (message: ${actual.message})`).toBe(want.messageId);
  expect(actual.path, `${where}: path`).toBe(want.path);
  expect(actual.severity, `${where}: severity`).toBe(want.severity);
  if (typeof want.message === 'string') expect(actual.message, `${where}: message`).toBe(want.message);
  else if (want.message) expect(actual.message, `${where}: message`).toMatch(want.message);
  if (want.evidence) expect(actual.evidence, `${where}: evidence`).toMatchObject(want.evidence);
}

/** Registers the cases of one rule as vitest tests. */
export function testRule(ruleId: string, tests: RuleTests): void {
  describe(ruleId, () => {
    for (const c of tests.valid) {
      it(`valid: ${c.name}`, async () => {
        const found = await runRule(ruleId, c.arch(), { asOf: c.asOf ?? DEFAULT_AS_OF });
        expect(found.map((f) => `${f.severity} ${f.path}: ${f.message}`)).toEqual([]);
      });
    }
    for (const c of tests.invalid) {
      it(`invalid: ${c.name}`, async () => {
        expect(c.findings.length, 'an invalid case expects at least one finding').toBeGreaterThan(0);
        const found = await runRule(ruleId, c.arch(), { asOf: c.asOf ?? DEFAULT_AS_OF });
        expect(found.length, `findings: ${found.map((f) => `${f.severity} ${f.path}: ${f.message}`).join(' | ')}`).toBe(
          c.findings.length,
        );
        c.findings.forEach((want, i) => check(found[i]!, want, i));
      });
    }
    // Every invalid case again, with an unknown key (an invalid field no rule reads) added to each element a finding
    // names: a verdict that reads its fields (`reads`) must stand; one that is held names a rule without reads.
    const probes: ProbeResult[] = [];
    for (const c of tests.invalid) {
      it(`invalid: ${c.name}, with an invalid field the rule does not read`, async () => {
        const r = await unreadProbe(ruleId, c.arch, c.asOf ?? DEFAULT_AS_OF);
        probes.push(r);
        if (!HELD_BY_ANY_FIELD.has(ruleId)) expect(r.held, 'verdicts held by an invalid field the rule does not read (declare reads)').toEqual([]);
        expect(r.leaked, 'verdicts that stand when the field they name is invalid (reads leaves it out)').toEqual([]);
      });
    }
    if (HELD_BY_ANY_FIELD.has(ruleId) && tests.invalid.length > 0) {
      it('is still held by any invalid field of its elements (else remove it from HELD_BY_ANY_FIELD)', async () => {
        // The probes above, or again when only this test runs.
        const all = probes.length === tests.invalid.length ? probes : [];
        if (all.length === 0) for (const c of tests.invalid) all.push(await unreadProbe(ruleId, c.arch, c.asOf ?? DEFAULT_AS_OF));
        expect(all.flatMap((p) => p.held).length, 'no verdict was held: the rule reads its fields now').toBeGreaterThan(0);
      });
    }
    it('declares message ids, and every one is exercised by an invalid case', async () => {
      const rule = (await loadRules()).find((r) => r.meta.id === ruleId);
      expect(rule, `rule ${ruleId} exists`).toBeDefined();
      const declared = Object.keys(rule!.meta.messages ?? {}).sort();
      expect(declared.length, 'meta.messages is empty').toBeGreaterThan(0);
      const used = [...new Set(tests.invalid.flatMap((c) => c.findings.map((f) => f.messageId)))].sort();
      expect(used).toEqual(declared);
    });
  });
}

/** `YYYY-MM-DD` shifted by whole days, for day-before / day-of / day-after cases. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The three cases every dated rule needs: the day before and the day of `date` (warnings) and the
 * day after (an error). `findings` builds the expected findings for an evaluation date and severity.
 */
export function aroundDate(
  date: string,
  name: string,
  arch: () => Architecture,
  findings: (asOf: string, severity: Severity) => ExpectedFinding[],
): InvalidCase[] {
  const at = (days: number, label: string, severity: Severity): InvalidCase => {
    const asOf = addDays(date, days);
    return { name: `${name}, ${label} ${date}: ${severity}`, arch, asOf, findings: findings(asOf, severity) };
  };
  return [at(-1, 'the day before', 'warning'), at(0, 'on', 'warning'), at(1, 'the day after', 'error')];
}

/** A pattern matching `parts` in this order (taken literally), anything in between, from the start. */
export function inOrder(...parts: string[]): RegExp {
  return new RegExp('^' + parts.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('[^]*'));
}
