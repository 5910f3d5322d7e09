/**
 * `validate` runs the rules over a design once and parses its source only when a finding needs a
 * position: a design without findings never loads the TypeScript parser, and its unverified checks
 * stay at 1:1 (as they did when a first pass decided whether to parse).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('validateModel with locateUnverifiedAlone: false', () => {
  const { model, issues } = normalize(baseline().arch);

  it('locates nothing when there is no finding, and leaves unverified checks at 1:1', async () => {
    const calls = { n: 0 };
    const locator = countingLocator();
    const r = await validateModel(model, issues, {
      file: 'd.ts',
      asOf: '2026-11-23',
      rules: [probe(false, calls)],
      locator,
      locateUnverifiedAlone: false,
    });
    expect(calls.n).toBe(1);
    expect(locator.calls).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.unverified!.map((u) => [u.file, u.line, u.column])).toEqual([['d.ts', 1, 1]]);
  });

  it('locates findings and unverified checks when there is a finding, running the rule once', async () => {
    const calls = { n: 0 };
    const locator = countingLocator();
    const r = await validateModel(model, issues, {
      file: 'd.ts',
      asOf: '2026-11-23',
      rules: [probe(true, calls)],
      locator,
      locateUnverifiedAlone: false,
    });
    expect(calls.n).toBe(1);
    expect(r.findings.map((f) => [f.line, f.column])).toEqual([[9, 4]]);
    expect(r.unverified!.map((u) => [u.line, u.column])).toEqual([[9, 4]]);
  });

  it('by default locates unverified checks even without a finding', async () => {
    const locator = countingLocator();
    const r = await validateModel(model, issues, { file: 'd.ts', asOf: '2026-11-23', rules: [probe(false, { n: 0 })], locator });
    expect(locator.calls.length).toBe(1);
    expect(r.unverified!.map((u) => [u.line, u.column])).toEqual([[9, 4]]);
  });
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
