import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { publicCluster, vnetIntegrated } from './_fixtures.js';

const ID = 'control-plane/public-without-authorized-ranges';

describe(ID, () => {
  it('warns about a public API server without ranges', async () => {
    const f = await runRule(ID, publicCluster().arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('API server of aks-test is public with no authorized IP ranges; anyone on the internet can reach it');
    expect(f[0]!.path).toBe('clusters[0].apiServer');
    expect(f[0]!.severity).toBe('warning');
  });

  it('treats 0.0.0.0/0 as unrestricted and flags the AKS default', async () => {
    const f = await runRule(ID, publicCluster(['0.0.0.0/0']).arch);
    expect(f[0]!.path).toBe('clusters[0].apiServer.authorizedIpRanges');
    const b = baseline();
    delete b.aks.apiServer;
    const g = await runRule(ID, b.arch);
    expect(g[0]!.message).toContain('(the AKS default)');
    expect(g[0]!.path).toBe('clusters[0]');
  });

  it('flags public VNet integration too', async () => {
    expect(await runRule(ID, vnetIntegrated(false).arch)).toHaveLength(1);
  });

  it('passes restricted public and private clusters', async () => {
    expect(await runRule(ID, publicCluster(['203.0.113.0/28']).arch)).toEqual([]);
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});
