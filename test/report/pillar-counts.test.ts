/**
 * A pack's numbers agree with each other: a pillar's heading counts what its score counts, the rule coverage counts
 * aksnet's own checks as the scores do, and the catalogue shows the severities findings were raised at.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateFile } from '../../src/validate/run-files.js';
import { loadRules } from '../../src/validate/registry.js';
import { buildViewModel, type ReportInput } from '../../src/report/view-model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderHtml } from '../../src/report/html.js';
import { isActive } from '../../src/validate/finding.js';
import type { ReportViewModel } from '../../src/report/types.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
let inputs: ReportInput[];
let vm: ReportViewModel;

beforeAll(async () => {
  inputs = [];
  for (const f of ['b-front-door-private-link.ts', 'd-legacy-agic-kubenet.ts']) {
    const v = await validateFile(join(examples, f), { asOf: '2026-11-23', config: false });
    inputs.push({ model: v.arch.model, file: v.arch.file, result: v.result, sha256: '00'.repeat(32), diagrams: [] });
  }
  vm = buildViewModel(inputs, { version: '0.0.0-test', rules: (await loadRules()).map((r) => r.meta) });
}, 60_000);

describe('pillar counts', () => {
  it("counts in a pillar's heading every open finding that serves it, naming those listed under another pillar", () => {
    const d = vm.architectures[1]!;
    const findings = inputs[1]!.result.findings.filter(isActive);
    const re = d.findingsByPillar.find((p) => p.pillar === 'reliability')!;
    const serving = findings.filter((f) => f.pillars.includes('reliability'));
    const first = serving.filter((f) => f.pillars[0] === 'reliability');
    expect(serving.length).toBeGreaterThan(first.length);
    expect(re.count).toBe(serving.length);
    expect(re.listed).toBe(first.length);
    // The score counts the same findings.
    const score = d.scores.find((s) => s.pillar === 'reliability')!;
    expect(score.error + score.warning + score.info).toBe(re.count);
    // The ones listed elsewhere are named with their pillar and rule.
    for (const f of serving.filter((x) => x.pillars[0] !== 'reliability')) expect(re.elsewhere).toContain(f.ruleId);
    expect(re.elsewhere).toMatch(/listed under Security \(SE\)/);
    // Every open finding is listed exactly once.
    expect(d.findingsByPillar.reduce((n, p) => n + p.listed, 0)).toBe(findings.length);
    expect(renderMarkdown(vm).markdown).toContain(`_${re.elsewhere!.slice(0, 30)}`);
  });

  it("counts aksnet's own checks in the rule coverage as the scores count them", () => {
    const b = vm.architectures[0]!;
    const own = inputs[0]!.result.findings.filter((f) => f.ruleId === 'aksnet/unused-acceptance' && isActive(f));
    expect(own).toHaveLength(1);
    const oe = b.coverage.find((c) => c.pillar === 'operational-excellence')!;
    const failedOe = new Set(
      inputs[0]!.result.findings.filter((f) => isActive(f) && f.pillars.includes('operational-excellence')).map((f) => f.ruleId),
    );
    expect(oe.failed).toBe(failedOe.size);
    expect(b.scores.find((s) => s.pillar === 'operational-excellence')!.rulesFailed).toBe(failedOe.size);
  });

  it('shows in the catalogue the severities findings were raised at, and the date a dated rule turns to errors', () => {
    const basic = vm.appendix.rules.find((r) => r.id === 'lifecycle/basic-load-balancer')!;
    expect(basic.severityLabel).toBe('Warning');
    expect(basic.errorAfter).toBe('2025-09-30');
    expect(basic.raised).toBe('Error ×1');
    const own = vm.appendix.rules.find((r) => r.id === 'aksnet/unused-acceptance')!;
    expect(own).toMatchObject({ severity: 'info', raised: 'Info ×1', pillars: 'Operational Excellence' });
    // A rule that raised nothing says so.
    expect(vm.appendix.rules.some((r) => r.raised === '')).toBe(true);
    const html = renderHtml(vm, { paper: 'a4', medium: 'print' });
    expect(html).toContain('error after 2025-09-30');
    expect(html).toContain('raised: Error ×1');
    expect(renderMarkdown(vm).markdown).toMatch(/\| Warning → Error after 2025-09-30 \| Error ×1 \|/);
  });
});
