import { privateDnsZone, routeTable } from '../../../dsl/index.js';
import { testRule } from '../../helpers/rule-tester.js';
import { kubenet } from '../cni/_fixtures.js';

const ID = 'control-plane/kubenet-byo-route-table-dns';

/** The baseline on kubenet with its route table, a private cluster with the given zone mode. */
function design(opts: { zone?: 'system' | 'none' | 'own'; table?: 'cluster' | 'subnet' | 'none'; cni?: string; mode?: 'private' | 'public' } = {}) {
  return () => {
    const b = kubenet();
    const own = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: [b.hub, b.spoke] });
    b.arch.network.privateDnsZones = [own];
    const zone = opts.zone ?? 'own';
    b.aks.apiServer =
      opts.mode === 'public'
        ? { mode: 'public', authorizedIpRanges: ['203.0.113.0/24'] }
        : { mode: 'private', privateDnsZone: zone === 'own' ? own : zone, publicFqdn: false };
    const table = opts.table ?? 'cluster';
    if (table !== 'cluster') (b.aks.network as { routeTable?: unknown }).routeTable = undefined;
    if (table === 'none') b.nodes.routeTable = undefined;
    if (opts.cni) (b.aks.network as { cni: string }).cni = opts.cni;
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    { name: 'AKS manages the zone (system)', arch: design({ zone: 'system' }) },
    { name: 'no private DNS zone (none, public FQDN)', arch: design({ zone: 'none' }) },
    { name: 'no route table brought: AKS creates its own', arch: design({ table: 'none' }) },
    { name: 'a public API server', arch: design({ mode: 'public' }) },
    { name: 'Azure CNI Overlay with its own zone and table', arch: design({ cni: 'azure-overlay' }) },
  ],
  invalid: [
    {
      name: 'kubenet, the cluster names its route table, its own zone',
      arch: design(),
      findings: [
        {
          messageId: 'combined',
          severity: 'warning',
          path: 'clusters[0].apiServer.privateDnsZone',
          message:
            'private kubenet cluster aks-test brings route table rt-egress and private DNS zone privatelink.westeurope.azmk8s.io; ' +
            'this combination fails at cluster creation until the route table is associated by hand',
          evidence: { cni: 'kubenet', routeTable: 'rt-egress', privateDnsZone: 'privatelink.westeurope.azmk8s.io' },
        },
      ],
    },
    {
      name: 'kubenet, the route table only on the node subnet',
      arch: design({ table: 'subnet' }),
      findings: [{ messageId: 'combined', path: 'clusters[0].apiServer.privateDnsZone', severity: 'warning', evidence: { cni: 'kubenet', routeTable: 'rt-egress', privateDnsZone: 'privatelink.westeurope.azmk8s.io' } }],
    },
    {
      name: 'the cluster names one table: that one is reported, not the subnet\'s',
      arch: () => {
        const b = kubenet({ routeTable: routeTable({ name: 'rt-kubenet', routes: [] }) });
        const own = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: [b.hub, b.spoke] });
        b.arch.network.privateDnsZones = [own];
        b.aks.apiServer = { mode: 'private', privateDnsZone: own, publicFqdn: false };
        return b.arch;
      },
      findings: [{ messageId: 'combined', path: 'clusters[0].apiServer.privateDnsZone', severity: 'warning', evidence: { cni: 'kubenet', routeTable: 'rt-kubenet', privateDnsZone: 'privatelink.westeurope.azmk8s.io' } }],
    },
  ],
});
