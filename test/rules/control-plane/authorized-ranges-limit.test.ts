import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { publicCluster, vnetIntegrated } from './_fixtures.js';

const ID = 'control-plane/authorized-ranges-limit';
const ranges = (n: number) => Array.from({ length: n }, (_, i) => `203.0.${Math.floor(i / 256)}.${i % 256}/32`);

describe(ID, () => {
  it('reports 201 ranges on a public API server', async () => {
    const f = await runRule(ID, publicCluster(ranges(201)).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('API server of aks-test lists 201 authorized IP ranges; AKS allows at most 200');
    expect(f[0]!.path).toBe('clusters[0].apiServer.authorizedIpRanges');
  });

  it('allows up to 2,000 with VNet integration', async () => {
    const b = vnetIntegrated(false);
    (b.aks.apiServer as { authorizedIpRanges?: string[] }).authorizedIpRanges = ranges(500);
    expect(await runRule(ID, b.arch)).toEqual([]);
    expect(await runRule(ID, publicCluster(ranges(200)).arch)).toEqual([]);
  });
});
