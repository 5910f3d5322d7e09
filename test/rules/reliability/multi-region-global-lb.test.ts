import { describe, expect, it } from 'vitest';
import { cluster, frontDoor } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'reliability/multi-region-global-lb';

function twoRegions(withFrontDoor: boolean) {
  const b = baseline();
  const ne = cluster({ ...b.aks, name: 'aks-ne', region: 'northeurope', nodePools: b.aks.nodePools.map((p) => ({ ...p })) });
  b.arch.clusters.push(ne);
  b.arch.ingress!.push({ ...b.path, name: 'web-ne', to: { ...b.path.to!, cluster: ne } });
  if (withFrontDoor) {
    const fd = frontDoor({ name: 'afd-global', sku: 'Premium', waf: { mode: 'Prevention' } });
    for (const p of b.arch.ingress!) p.hops = [{ via: fd, protocol: 'https', port: 443, tls: 'reencrypt' }, ...p.hops];
  }
  return b;
}

describe(ID, () => {
  it('passes for a single region and for two regions behind Front Door', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
    expect(await runRule(ID, twoRegions(true).arch)).toEqual([]);
  });

  it('reports two regions with separate entry points', async () => {
    const f = await runRule(ID, twoRegions(false).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      'clusters run in 2 regions (northeurope, westeurope) but no Front Door or Traffic Manager fronts more than one of them (0 regions behind Front Door); failover between regions is manual',
    );
    expect(f[0]!.path).toBe('clusters[0].region');
  });
});
