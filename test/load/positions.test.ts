/** DSL path → line:column mapping, on a fixture and on a broken copy of the baseline example. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PositionMap, parsePath } from '../../src/load/positions.js';
import { validateFile } from '../../src/validate/run-files.js';

const repo = resolve(import.meta.dirname, '../..');
const fixture = join(repo, 'test/fixtures/positions-arch.ts');
const text = readFileSync(fixture, 'utf8');
const lines = text.split('\n');

/** 1-based line and column of `needle` on the first line containing `lineNeedle` (default: the needle). */
function pos(needle: string, lineNeedle = needle): { line: number; column: number } {
  const i = lines.findIndex((l) => l.includes(lineNeedle));
  if (i < 0) throw new Error(`no line with "${lineNeedle}"`);
  const col = lines[i]!.indexOf(needle);
  if (col < 0) throw new Error(`"${needle}" not on line ${i + 1}`);
  return { line: i + 1, column: col + 1 };
}

let map: PositionMap;
beforeAll(async () => {
  map = await PositionMap.forFile(fixture);
});

describe('parsePath', () => {
  it('splits properties and indices', () => {
    expect(parsePath('network.vnets[0].subnets[12].cidr')).toEqual(['network', 'vnets', 0, 'subnets', 12, 'cidr']);
    expect(parsePath('')).toEqual([]);
  });
});

describe('PositionMap on a fixture', () => {
  it('the root is the default export', () => {
    expect(map.locate('')).toMatchObject({ ...pos('defineArchitecture({', 'export default'), exact: true });
  });

  it('exact positions for nested paths written inline (a property points at its key)', () => {
    expect(map.locate('metadata.title')).toEqual({ ...pos("title: 'Positions fixture'"), exact: true });
    expect(map.locate('network.vnets[0].subnets[1].cidr')).toEqual({ ...pos("cidr: '10.1.4.0/24'"), exact: true });
    expect(map.locate('network.vnets[0].subnets[1]')).toEqual({ ...pos("subnet({ name: 'snet-extra'"), exact: true });
    // An array element points at the element itself.
    expect(map.locate('network.vnets[0].addressSpace[0]')).toEqual({ ...pos("'10.1.0.0/16'", 'addressSpace'), exact: true });
  });

  it('follows identifiers to their const declarations', () => {
    // vnets[0] is `spoke`, subnets[0] is `nodes`: both resolved through their declarations.
    expect(map.locate('network.vnets[0].subnets[0].cidr')).toEqual({ ...pos("cidr: '10.1.0.0/22'"), exact: true });
    expect(map.locate('network.vnets[0].name')).toEqual({ ...pos("name: 'vnet-spoke'"), exact: true });
    expect(map.locate('clusters[0].nodePools[0].count')).toEqual({ ...pos('count: 3'), exact: true });
    expect(map.locate('clusters[0].network.podCidr')).toEqual({ ...pos("podCidr: '192.168.0.0/16'"), exact: true });
    // A path ending at an identifier points at the variable's declaration.
    expect(map.locate('network.vnets[0]')).toEqual({ ...pos('spoke = vnet', 'const spoke'), exact: true });
    expect(map.locate('network.vnets[0].subnets[0]')).toEqual({ ...pos('nodes = subnet', 'const nodes'), exact: true });
  });

  it('falls back to the nearest ancestor for a missing leaf', () => {
    expect(map.locate('network.vnets[0].subnets[1].nsg')).toEqual({ ...pos("subnet({ name: 'snet-extra'", 'snet-extra'), exact: false });
    // The ancestor is a variable: the position is its declaration, where the missing field belongs.
    expect(map.locate('clusters[0].apiServer.mode')).toEqual({ ...pos('aks = cluster', 'const aks'), exact: false });
    expect(map.locate('network.vnets[5].name')).toMatchObject({ exact: false, line: pos('vnets: [spoke]').line });
    // A missing property of an object reached through a reference (`subnet: nodes`) points at that
    // object's declaration, not at the reference.
    expect(map.locate('clusters[0].nodePools[0].subnet.delegation')).toEqual({ ...pos('nodes = subnet', 'const nodes'), exact: false });
  });

  it('an unreadable file maps everything to 1:1', async () => {
    const m = await PositionMap.forFile(join(repo, 'test/fixtures/does-not-exist.ts'));
    expect(m.locate('network.vnets[0]')).toEqual({ line: 1, column: 1, exact: false });
  });
});

describe('finding positions on the baseline example', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'aksnet-pos-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a broken CIDR is reported at its exact line and column', async () => {
    const src = readFileSync(join(repo, 'examples/a-hub-spoke-baseline.ts'), 'utf8');
    const good = "cidr: '10.240.4.0/24'";
    expect(src).toContain(good);
    const broken = src.replace(good, "cidr: '10.240.4.1/24'");
    const copy = join(dir, 'baseline-broken.ts');
    writeFileSync(copy, broken);
    const { result } = await validateFile(copy, { config: false, asOf: '2026-11-23' });
    const f = result.findings.find((x) => x.ruleId === 'structure/cidr-malformed');
    expect(f, JSON.stringify(result.findings.map((x) => x.ruleId))).toBeDefined();
    const lineIdx = broken.split('\n').findIndex((l) => l.includes("'10.240.4.1/24'"));
    expect(f!.line).toBe(lineIdx + 1);
    expect(f!.column).toBe(broken.split('\n')[lineIdx]!.indexOf("cidr: '10.240.4.1/24'") + 1);
  });

  it('an unchanged copy reports no structural finding', async () => {
    const copy = join(dir, 'baseline.ts');
    copyFileSync(join(repo, 'examples/a-hub-spoke-baseline.ts'), copy);
    const { result } = await validateFile(copy, { config: false, asOf: '2026-11-23' });
    expect(result.findings.filter((x) => x.ruleId.startsWith('structure/'))).toEqual([]);
  });
});
