/**
 * Findings about parts built in a function, a loop or a helper module point at the line that built
 * them (the builder's recorded call site), not at the nearest ancestor the syntax walk can reach.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../src/validate/run-files.js';

const dir = mkdtempSync(join(tmpdir(), 'aksnet-locate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, 'stamps.ts'),
  `import { cluster, nodePool, type Subnet } from 'aksnet';

export function stampCluster(name: string, nodes: Subnet) {
  return cluster({
    name,
    region: 'westeurope',
    network: { cni: 'azure-overlay', dataplane: 'cilium' },
    nodePools: [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', count: 3, zones: [1, 2, 3], subnet: nodes })],
  });
}
`,
);
writeFileSync(
  join(dir, 'design.ts'),
  `import { defineArchitecture, subnet, vnet, cluster, nodePool } from 'aksnet';
import { stampCluster } from './stamps.js';

const subnets = ['10.1.0.0/22', '10.1.4.0/22'].map((cidr, i) => subnet({ name: \`snet-nodes-\${i}\`, cidr, purpose: 'aks-nodes' }));
const spoke = vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets });

const looped = [0, 1].map((i) =>
  cluster({
    name: \`aks-loop-\${i}\`,
    region: 'westeurope',
    network: { cni: 'azure-overlay', networkPolicy: 'calico', defaultDeny: false },
    nodePools: [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', count: 3, zones: [1, 2, 3], subnet: subnets[i]! })],
  }),
);

export default defineArchitecture({
  metadata: { title: 'Locate fixture' },
  network: { vnets: [spoke] },
  clusters: [stampCluster('aks-helper', subnets[0]!), ...looped],
});
`,
);

writeFileSync(
  join(dir, 'spokes.ts'),
  `import { subnet, vnet } from 'aksnet';

export function spoke(name: string, cidr: string) {
  return vnet({
    name: \`vnet-\${name}\`,
    region: 'westeurope',
    addressSpace: [cidr],
    subnets: [subnet({ name: 'snet-nodes', cidr })],
  });
}

export const spokePair = (name: string) => [spoke(name, '10.8.0.0/16')];
`,
);
writeFileSync(
  join(dir, 'dup-design.ts'),
  `import { defineArchitecture } from 'aksnet';
import { spoke, spokePair } from './spokes.js';

const payments = spoke('payments', '10.1.0.0/16');
const billing = spoke('billing', '10.2.0.0/16');
const again = spoke('payments', '10.3.0.0/16');

export default defineArchitecture({
  metadata: { title: 'Duplicate names made by a helper' },
  network: { vnets: [payments, billing, again, ...spokePair('billing')] },
  clusters: [],
});
`,
);

const lineOf = (file: string, needle: string): number => readFileSync(join(dir, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('call-site positions', () => {
  it('points into the helper module and into the loop body', async () => {
    const { result } = await validateFile(join(dir, 'design.ts'), { asOf: '2026-11-23', config: false });
    const policy = result.findings.filter((f) => f.ruleId === 'cni/network-policy-missing');
    expect(policy).toHaveLength(1);
    // clusters[0] comes from stampCluster() in stamps.ts: the finding names that file and line.
    expect(policy[0]!.file).toMatch(/stamps\.ts$/);
    expect(policy[0]!.line).toBe(lineOf('stamps.ts', "network: { cni: 'azure-overlay'"));
    // clusters[1..2] are built in a .map() callback: default deny is stated false on the `network` line there.
    const deny = result.findings.filter((f) => f.ruleId === 'cni/default-deny-missing' && f.path.startsWith('clusters[2]'));
    expect(deny).toHaveLength(1);
    expect(deny[0]!.file).toMatch(/design\.ts$/);
    expect(deny[0]!.line).toBe(lineOf('design.ts', "networkPolicy: 'calico'"));
  });

  it("points a duplicate name made in a helper module at the design's call, naming the helper's line too", async () => {
    const { result } = await validateFile(join(dir, 'dup-design.ts'), { asOf: '2026-11-23', config: false });
    const dup = result.findings.filter((f) => f.ruleId === 'structure/duplicate-name');
    const vnets = dup.filter((f) => f.message.includes('vnet parts'));
    expect(vnets.map((f) => f.path)).toEqual(['network.vnets[2].name', 'network.vnets[3].name']);
    for (const f of dup) expect(f.file).toMatch(/dup-design\.ts$/);
    const helperName = lineOf('spokes.ts', 'name: `vnet-');
    // Called from the design itself: the call's line.
    const third = lineOf('dup-design.ts', "spoke('payments', '10.3");
    expect(vnets[0]!.line).toBe(third);
    expect(vnets[0]!.message).toMatch(new RegExp(`\\(made at \\S*spokes\\.ts:${helperName}:\\d+, called from \\S*dup-design\\.ts:${third}:${vnets[0]!.column}\\)$`));
    // Through a second helper (spokePair calls spoke): the first frame outward that is in the design file.
    const pair = lineOf('dup-design.ts', "spokePair('billing')");
    expect(vnets[1]!.line).toBe(pair);
    expect(vnets[1]!.message).toMatch(new RegExp(`made at \\S*spokes\\.ts:${helperName}:\\d+, called from \\S*dup-design\\.ts:${pair}:`));
    // The subnets inside are duplicates within their (duplicate) VNets' scope too, located the same way.
    expect(dup.filter((f) => f.path.endsWith('subnets[0].name')).every((f) => f.line === third || f.line === pair)).toBe(true);
  });
});
