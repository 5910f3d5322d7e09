import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/kubenet-route-table',
    title: 'A route table brought for kubenet is associated with every node subnet',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'kubenet writes one route per node into the route table of the node subnet; pods on different nodes can only talk through those routes. When you bring your own table (for example one that also sends 0.0.0.0/0 to a firewall) it must already be associated with every node subnet when the cluster is created, and it cannot be swapped afterwards; otherwise AKS writes into a different table than the design assumes.',
    fix: 'Associate one route table with every kubenet node subnet, reference the same table in network.routeTable, and keep it for this cluster only.',
    example: `const rt = routeTable({ name: 'rt-aks-kubenet', routes: [] });
const nodes = subnet({ name: 'snet-aks-nodes', cidr: '10.240.0.0/24', routeTable: rt });
network: { cni: 'kubenet', podCidr: '192.168.0.0/16', routeTable: rt }`,
    references: [
      { title: 'Configure kubenet networking: bring your own subnet and route table', url: 'https://learn.microsoft.com/azure/aks/configure-kubenet' },
    ],
    messages: {
      otherTable:
        'kubenet node subnet {{subnet}} of {{cluster}} is associated with {{subnetRouteTable}}, but the cluster ' +
        'declares route table {{clusterRouteTable}}',
      noTable:
        'kubenet node subnet {{subnet}} ({{cidr}}) of {{cluster}} has no route table, but the cluster declares ' +
        'route table {{clusterRouteTable}}; it must be associated before the cluster is created',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      if (c.network.cni !== 'kubenet' || c.managedVnet) continue;
      const declared = q.getAs(c.network.routeTable, 'routeTable');
      if (!declared) continue; // AKS creates and manages its own table when none is brought
      for (const s of q.nodeSubnets(c.id)) {
        if (s.routeTable === declared.id) continue;
        ctx.report({
          messageId: s.routeTable ? 'otherTable' : 'noTable',
          data: {
            subnet: s.name,
            cidr: s.cidr,
            cluster: c.name,
            subnetRouteTable: s.routeTable ? q.name(s.routeTable) : 'none',
            clusterRouteTable: declared.name,
          },
          element: s.id,
          property: 'routeTable',
          // The subnet's table (and CIDR, in the message); the cluster's CNI, table and VNet mode; the pools placing it.
          reads: ['routeTable', 'cidr'],
          dependsOn: [
            { element: c.id, reads: ['network.cni', 'network.routeTable', 'managedVnet', 'nodePools'] },
            ...q.pools(c.id).filter((p) => p.subnet === s.id).map((p) => ({ element: p.id, reads: ['subnet'] })),
          ],
          evidence: { subnet: s.name, subnetRouteTable: s.routeTable ? q.name(s.routeTable) : 'none', clusterRouteTable: declared.name },
        });
      }
    }
  },
});
