import { cluster, frontDoor } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

/** Clusters in westeurope and northeurope; Front Door before the paths listed in `fronted` (by index). */
function twoRegions(fronted: number[]) {
  return () => {
    const b = baseline();
    const ne = cluster({ ...b.aks, name: 'aks-ne', region: 'northeurope', nodePools: b.aks.nodePools.map((p) => ({ ...p })) });
    mutable(b.arch.clusters).push(ne);
    mutable(b.arch.ingress!).push({ ...b.path, name: 'web-ne', to: { ...b.path.to!, cluster: ne } });
    const fd = frontDoor({ name: 'afd-global', sku: 'Premium', waf: { mode: 'Prevention' } });
    b.arch.ingress!.forEach((p, i) => {
      if (fronted.includes(i)) p.hops = [{ via: fd, protocol: 'https', port: 443, tls: 'reencrypt' }, ...p.hops];
    });
    return b.arch;
  };
}

const noGlobal = (fronted: number, plural: string) => ({
  messageId: 'noGlobalLb',
  path: 'clusters[0].region',
  severity: 'warning' as const,
  message: `clusters run in 2 regions (northeurope, westeurope) but no Front Door or Traffic Manager fronts more than one of them (${fronted} region${plural} behind Front Door); failover between regions is manual`,
  evidence: { regions: 2, frontedRegions: fronted },
});

testRule('reliability/multi-region-global-lb', {
  valid: [
    { name: 'a single region', arch: () => baseline().arch },
    { name: 'two regions behind Front Door', arch: twoRegions([0, 1]) },
  ],
  invalid: [
    { name: 'two regions with separate entry points', arch: twoRegions([]), findings: [noGlobal(0, 's')] },
    { name: 'only one of two regions behind Front Door', arch: twoRegions([1]), findings: [noGlobal(1, '')] },
  ],
});
