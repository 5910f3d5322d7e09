/**
 * `validate` runs the rules over a design once and parses its source only when a finding or an unverified
 * check needs a position. An unverified check points where its fact is to be stated, with or without findings
 * (it stayed at 1:1 in a design without findings until 2026-12-03).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/normalize.js';
import { validateModel, type Locator } from '../../src/validate/validate.js';
import { defineRule, type Rule } from '../../src/validate/rule.js';
import { SourceLocator } from '../../src/load/locate.js';
import { validateFile } from '../../src/validate/run-files.js';
import { baseline } from '../helpers/fixture.js';

const meta = (id: string) => ({
  id,
  title: id,
  severity: 'warning' as const,
  kind: 'best-practice' as const,
  pillars: ['security' as const],
  waf: [],
  rationale: 'test',
  fix: 'test',
  references: [{ title: 'ref', url: 'https://learn.microsoft.com/azure/aks/' }],
});

/** A rule that reports an unverified check on the first cluster, and a finding when `finding` is set. */
function probe(finding: boolean, calls: { n: number }): Rule {
  return defineRule({
    meta: meta('test/probe'),
    check(ctx) {
      calls.n++;
      const c = ctx.model.resources.find((r) => r.kind === 'cluster')!;
      ctx.unverified({ element: c.id, property: 'replicas', check: 'the test passes' });
      if (finding) ctx.report({ element: c.id, message: 'a finding' });
    },
  });
}

function countingLocator(): Locator & { calls: string[] } {
  const calls: string[] = [];
  return { calls, locate: (path) => (calls.push(path), { line: 9, column: 4 }) };
}

describe('validateModel', () => {
  const { model, issues } = normalize(baseline().arch);

  for (const finding of [false, true]) {
    it(`runs the rule once and locates its unverified check at the missing fact ${finding ? 'beside a finding' : 'without any finding'}`, async () => {
      const calls = { n: 0 };
      const locator = countingLocator();
      const r = await validateModel(model, issues, { file: 'd.ts', asOf: '2026-11-23', rules: [probe(finding, calls)], locator });
      expect(calls.n).toBe(1);
      expect(r.findings.length).toBe(finding ? 1 : 0);
      // The fact's own path (element path + property), where the user states it.
      expect(locator.calls).toContain(r.unverified![0]!.factPath);
      expect(r.unverified![0]!.factPath).toMatch(/\.replicas$/);
      expect(r.unverified!.map((u) => [u.file, u.line, u.column])).toEqual([['d.ts', 9, 4]]);
    });
  }
});

describe('SourceLocator.lazy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-lazy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses on the first look-up only, and gives what an eager locator gives', () => {
    const file = join(dir, 'design.ts');
    writeFileSync(
      file,
      `import { defineArchitecture, vnet, subnet } from 'aksnet';\n\nexport default defineArchitecture({\n` +
        `  metadata: { title: 'Lazy' },\n  network: {\n    vnets: [vnet({ name: 'v', region: 'westeurope', addressSpace: ['10.0.0.0/16'],\n` +
        `      subnets: [subnet({ name: 's', cidr: '10.0.0.0/24' })] })],\n  },\n  clusters: [],\n});\n`,
    );
    const arch = { path: file, value: {}, sites: new Map() };
    const lazy = SourceLocator.lazy(arch);
    expect(lazy.used).toBe(false);
    const eager = SourceLocator.createSync(arch);
    expect(lazy.locate('network.vnets[0].subnets[0]')).toEqual(eager.locate('network.vnets[0].subnets[0]'));
    expect(lazy.used).toBe(true);
    expect(eager.locate('network.vnets[0].subnets[0]')).toEqual({ line: 7, column: 17 });
  });

  it('a whole validate of a design with findings gives real positions', async () => {
    const file = join(dir, 'bad.ts');
    writeFileSync(
      file,
      `import { defineArchitecture, vnet, subnet } from 'aksnet';\n\nexport default defineArchitecture({\n` +
        `  metadata: { title: 'Bad' },\n  network: {\n    vnets: [vnet({ name: 'v', region: 'westeurope', addressSpace: ['10.0.0.0/16'],\n` +
        `      subnets: [subnet({ name: 's', cidr: '10.1.0.0/24' })] })],\n  },\n  clusters: [],\n});\n`,
    );
    const { result } = await validateFile(file, { asOf: '2026-11-23', config: false });
    const outside = result.findings.find((f) => f.ruleId === 'structure/subnet-outside-vnet');
    expect(outside).toMatchObject({ line: 7, column: 37 }); // its cidr
  });
});

describe('validate of a design whose only results are unverified checks', () => {
  it('points each check at the declaration of the element that lacks the fact, not at 1:1 or at a reference to it', async () => {
    // Example a has no finding and one unverified check: its gateway's WAF states no managed rule sets. The
    // gateway is declared in a const and referenced by the ingress hop (`via: appGw`).
    const file = fileURLToPath(new URL('../../examples/a-hub-spoke-baseline.ts', import.meta.url));
    const { result } = await validateFile(file, { asOf: '2026-11-23', config: false });
    expect(result.findings.map((f) => f.message)).toEqual([]);
    const check = result.unverified!.find((u) => u.ruleId === 'ingress/waf-managed-rule-sets');
    expect(check?.factPath).toBe('ingress[0].hops[0].via.waf.managedRuleSets');
    // Where managedRuleSets goes: the gateway's own `waf: {...}`, the first after its name.
    const lines = readFileSync(file, 'utf8').split('\n');
    const declared = lines.findIndex((l) => l.includes("name: 'agw-payments-weu'"));
    const waf = lines.findIndex((l, i) => i > declared && /^\s*waf: \{/.test(l));
    expect(declared).toBeGreaterThan(0);
    expect(check).toMatchObject({ line: waf + 1, column: lines[waf]!.indexOf('waf') + 1 });
  });
});
