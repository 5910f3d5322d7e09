import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule, runRuleResult } from '../../helpers/run-rule.js';

const ID = 'reliability/node-pool-zones';

describe(ID, () => {
  it('passes when every pool uses zones', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('passes in a region that is not known to have zones', async () => {
    const b = baseline();
    b.aks.region = 'westcentralus';
    delete b.aks.nodePools[1]!.zones;
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('does not judge unstated zones: one unverified check names them instead', async () => {
    const b = baseline();
    delete b.aks.nodePools[1]!.zones;
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['clusters[0].nodePools[1].zones']);
  });

  it('reports a pool stated to have no zones in a zonal region', async () => {
    const b = baseline();
    b.aks.nodePools[1]!.zones = [];
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('node pool apps (user, up to 10 nodes) of cluster aks-test has no availability zones although westeurope has zones');
    expect(f[0]!.path).toBe('clusters[0].nodePools[1].zones');
  });
});
