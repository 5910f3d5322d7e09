import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'cni/max-pods-headroom';

describe(ID, () => {
  it('warns about the flat CNI default of 30', async () => {
    const b = baseline();
    b.aks.network = { cni: 'azure-nodesubnet', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => x.path).sort()).toEqual(['clusters[0].nodePools[0].maxPods', 'clusters[0].nodePools[1].maxPods']);
    expect(f.find((x) => x.path.endsWith('nodePools[0].maxPods'))!.message).toBe('node pool system of aks-test allows 30 pods per node; at least 50 leaves room for DaemonSets and bin-packing');
    expect(f[0]!.severity).toBe('warning');
  });

  it('passes the overlay default of 250 and an explicit 50', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
    const b = baseline();
    for (const p of b.aks.nodePools) p.maxPods = 50;
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
