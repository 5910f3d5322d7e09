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
});
