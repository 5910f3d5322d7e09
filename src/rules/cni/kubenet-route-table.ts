import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/kubenet-route-table',
    title: 'kubenet node subnets carry the cluster route table before the cluster is created',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:01'],
    rationale:
      'In a bring-your-own VNet kubenet writes one route per node into a route table associated with the node subnet; pods on different nodes can only talk through those routes. The table must already be associated when the cluster is created and cannot be swapped afterwards.',
    fix: 'Associate one route table with every kubenet node subnet, reference the same table in network.routeTable, and keep it for this cluster only.',
    example: `const rt = routeTable({ name: 'rt-aks-kubenet', routes: [] });
const nodes = subnet({ name: 'snet-aks-nodes', cidr: '10.240.0.0/24', routeTable: rt });
network: { cni: 'kubenet', podCidr: '192.168.0.0/16', routeTable: rt }`,
    references: [
      { title: 'Configure kubenet networking: bring your own subnet and route table', url: 'https://learn.microsoft.com/azure/aks/configure-kubenet' },
    ],
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      if (c.network.cni !== 'kubenet' || c.managedVnet) continue;
      const declared = q.getAs(c.network.routeTable, 'routeTable');
      for (const s of q.nodeSubnets(c.id)) {
        if (!s.routeTable) {
          ctx.report({
            message: `kubenet node subnet ${s.name} (${s.cidr}) of ${c.name} has no route table; pod routes between nodes cannot be written`,
            element: s.id,
            property: 'routeTable',
            evidence: { subnet: s.name, cluster: c.name },
          });
        } else if (declared && s.routeTable !== declared.id) {
          ctx.report({
            message: `kubenet node subnet ${s.name} of ${c.name} is associated with ${q.name(s.routeTable)}, but the cluster declares route table ${declared.name}`,
            element: s.id,
            property: 'routeTable',
            evidence: { subnet: s.name, subnetRouteTable: q.name(s.routeTable), clusterRouteTable: declared.name },
          });
        }
      }
    }
  },
});
