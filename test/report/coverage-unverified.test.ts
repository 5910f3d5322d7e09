/**
 * Checks that could not run (open questions) are neither passed nor failed anywhere the pack counts rules: the rule
 * coverage has a bucket of their own, the pillar table counts them, and the executive summary never says every rule
 * passed while some could not run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateFile } from '../../src/validate/run-files.js';
import { loadRules } from '../../src/validate/registry.js';
import { buildViewModel, type ReportInput } from '../../src/report/view-model.js';
import { ruleOutcomes } from '../../src/report/scoring.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { CoverageRow, ReportViewModel } from '../../src/report/types.js';
import type { RuleMeta } from '../../src/validate/rule.js';
import type { Finding, FileResult } from '../../src/validate/finding.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
let rules: RuleMeta[];
const inputs: Record<string, ReportInput> = {};

async function load(file: string): Promise<ReportInput> {
  const v = await validateFile(join(examples, file), { asOf: '2026-11-23', config: false });
  return { model: v.arch.model, file: v.arch.file, result: v.result, sha256: '00'.repeat(32), diagrams: [] };
}

const vmOf = (...list: ReportInput[]): ReportViewModel => buildViewModel(list, { version: '0.0.0-test', rules });

const finding = (ruleId: string, status: Finding['status']): Finding =>
  ({ ruleId, severity: 'warning', status, pillars: ['security'], waf: [], message: 'm', title: 't', path: '', file: 'x.ts', line: 1, column: 1, kind: 'best-practice', fix: '', helpUri: '', references: [] }) as unknown as Finding;

function sums(c: CoverageRow): void {
  expect(c.passed + c.failed + c.suppressed + c.unverified, c.name).toBe(c.run);
}

beforeAll(async () => {
  rules = (await loadRules()).map((r) => r.meta);
  inputs.a = await load('a-hub-spoke-baseline.ts');
  inputs.b = await load('b-front-door-private-link.ts');
}, 60_000);

describe('rule outcomes', () => {
  it('ranks failed over could-not-run over accepted over passed, one outcome per rule', () => {
    const run = ['r/pass', 'r/open', 'r/open-unverified', 'r/accepted', 'r/accepted-unverified', 'r/unverified', 'r/expired'];
    const findings = [
      finding('r/open', 'open'),
      finding('r/open-unverified', 'open'),
      finding('r/accepted', 'suppressed'),
      finding('r/accepted-unverified', 'suppressed'),
      finding('r/expired', 'expired'),
    ];
    const o = ruleOutcomes(run, findings, new Set(['r/open-unverified', 'r/accepted-unverified', 'r/unverified']));
    expect(Object.fromEntries(o)).toEqual({
      'r/pass': 'passed',
      'r/open': 'failed',
      'r/open-unverified': 'failed',
      'r/accepted': 'suppressed',
      // An accepted risk on one element does not settle the element the rule could not check.
      'r/accepted-unverified': 'unverified',
      'r/unverified': 'unverified',
      'r/expired': 'failed',
    });
  });
});

describe('rule coverage with checks that could not run', () => {
  it('does not count the rules of example a\'s open questions as passed', () => {
    const a = vmOf(inputs.a!).architectures[0]!;
    // The WAF's rule sets, and the VM administrators open through Bastion (asked by two rules).
    const open = [...new Set(a.openQuestions.map((q) => q.ruleId))].sort();
    expect(open).toEqual(['control-plane/access-path-dns', 'control-plane/private-access-unreachable', 'ingress/waf-managed-rule-sets']);
    const t = a.coverageTotal;
    expect(t.unverified).toBe(3);
    expect(t.failed).toBe(0);
    expect(t.passed).toBe(t.run - 3);
    expect(t.passRate).toBe(Math.round(((t.run - 3) / t.run) * 100));
    expect(t.passRate).toBeLessThan(100);
    for (const c of [...a.coverage, t]) sums(c);
    // Each pillar counts the open rules that serve it, and the pillar table counts them the same way.
    const pillarsOf = new Map(rules.map((r) => [r.id, r.pillars]));
    for (const c of a.coverage) {
      const want = open.filter((id) => pillarsOf.get(id)?.includes(c.pillar!)).length;
      expect(c.unverified, c.name).toBe(want);
      const score = a.scores.find((s) => s.pillar === c.pillar)!;
      expect(score.rulesUnverified, c.name).toBe(want);
      expect(score.rulesFailed, c.name).toBe(0);
    }
    expect(a.coverage.find((c) => c.pillar === 'security')!.unverified).toBeGreaterThan(0);
    expect(a.scores.find((s) => s.pillar === 'cost-optimization')!.rulesUnverified).toBe(0);
  });

  it("adds up every pillar of example b (failed, accepted and could-not-run rules together)", () => {
    const vm = vmOf(inputs.b!);
    const b = vm.architectures[0]!;
    const rulesUnverified = new Set(b.openQuestions.map((q) => q.ruleId));
    expect(b.openQuestions.length).toBeGreaterThanOrEqual(2);
    for (const c of [...b.coverage, b.coverageTotal]) sums(c);
    const failed = new Set(inputs.b!.result.findings.filter((f) => f.status !== 'suppressed').map((f) => f.ruleId));
    expect(b.coverageTotal.unverified).toBe([...rulesUnverified].filter((r) => !failed.has(r)).length);
    for (const p of b.coverage) {
      const s = b.scores.find((x) => x.pillar === p.pillar)!;
      expect([s.rulesRun, s.rulesFailed, s.rulesUnverified], p.name).toEqual([p.run, p.failed, p.unverified]);
      // Pack level (one design): the same counts.
      const packed = vm.summary.scores.find((x) => x.pillar === p.pillar)!;
      expect(packed.rulesUnverified, p.name).toBe(p.unverified);
    }
  });

  it('counts a rule that passed on one element and could not run on another as could not run, not passed', () => {
    const a = inputs.a!;
    const q = a.result.unverified![0]!;
    // The same rule's question asked again of another element: still one rule, not passed.
    const result: FileResult = { ...a.result, unverified: [q, { ...q, element: 'another' as typeof q.element, elementName: 'another element' }] };
    const view = vmOf({ ...a, result }).architectures[0]!;
    expect(view.coverageTotal.unverified).toBe(1);
    expect(view.coverageTotal.passed).toBe(view.coverageTotal.run - 1);
    // With no open question, the rule passes.
    const clean = vmOf({ ...a, result: { ...a.result, unverified: [] } }).architectures[0]!;
    expect(clean.coverageTotal.unverified).toBe(0);
    expect(clean.coverageTotal.passed).toBe(clean.coverageTotal.run);
    expect(clean.coverageTotal.passRate).toBe(100);
  });
});

describe('the executive summary when checks could not run', () => {
  it('says how many could not run and points at Open questions instead of "every rule passed"', () => {
    const vm = vmOf(inputs.a!);
    expect(vm.summary.unverifiedChecks).toBe(3);
    expect(vm.summary.verdict).toContain('3 checks could not run: see Open questions.');
    expect(vm.summary.verdict).not.toContain('meets the rule catalogue');
    const html = renderHtml(vm);
    expect(html).not.toContain('every rule passed');
    expect(html).not.toContain('every rule that ran passed');
    expect(html).toContain('3 checks could not run');
    expect(html).toMatch(/<th class="num">Could not run<\/th>/);
    const md = renderMarkdown(vm).markdown;
    expect(md).toContain('| Pillar | Run | Passed | Failed | Suppressed | Could not run | Pass rate |');
    expect(md).toContain('see Open questions');
    expect(md).not.toContain('_Nothing to recommend._');
  });

  it('counts the checks of every design in a pack, in agreement ("4 checks … they need")', () => {
    const vm = vmOf(inputs.a!, inputs.b!);
    const n = inputs.a!.result.unverified!.length + inputs.b!.result.unverified!.length;
    expect(vm.summary.unverifiedChecks).toBe(n);
    expect(vm.summary.verdict).toContain(`${n} checks could not run: see Open questions.`);
  });

  it('still says every rule passed when every check could run', () => {
    const a = inputs.a!;
    const vm = vmOf({ ...a, result: { ...a.result, unverified: [] } });
    expect(vm.summary.unverifiedChecks).toBe(0);
    expect(vm.summary.unverifiedNote).toBe('');
    expect(vm.summary.verdict).toContain('meets the rule catalogue with no open error');
    expect(vm.summary.verdict).not.toContain('could not run');
    expect(renderHtml(vm)).toContain('Nothing to recommend: every rule passed or its risk is accepted.');
  });
});
