import { defineRule } from '../../validate/rule.js';

/** The gateway subnet's route table (and name). */
const SUBNET_READS = ['name', 'routeTable'];

export default defineRule({
  meta: {
    id: 'ingress/agic-kubenet-route-table',
    title: 'With AGIC and kubenet, the cluster’s route table is associated with the Application Gateway subnet',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'AGIC points the gateway’s backend pools at pod IPs. With kubenet those addresses exist only in the route ' +
      'table AKS maintains for the node subnet (one route per node’s pod CIDR); the gateway subnet routes them only ' +
      'when that same route table is associated with it. Otherwise every backend is unreachable (502).',
    fix:
      'Associate the cluster’s kubenet route table with the Application Gateway subnet (routeTable: the same table as ' +
      'the node subnet), or move the cluster to Azure CNI Overlay.',
    example:
      "const kubenetRoutes = routeTable({ name: 'rt-aks-kubenet', routes: [] });\n" +
      "subnet({ name: 'snet-appgw', cidr: '10.10.1.0/24', purpose: 'application-gateway', routeTable: kubenetRoutes })",
    references: [
      {
        title:
          'Application Gateway infrastructure configuration: supported user-defined routes (AKS kubenet with AGIC)',
        url: 'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#supported-user-defined-routes',
      },
      {
        title: 'Enable AGIC for an existing AKS cluster (kubenet route table)',
        url: 'https://learn.microsoft.com/azure/application-gateway/tutorial-ingress-controller-add-on-existing',
      },
    ],
    messages: {
      notAssociated:
        'Application Gateway {{gateway}} serves kubenet cluster {{cluster}} through AGIC, but its subnet {{subnet}} ' +
        '{{has}} instead of the cluster’s route table {{table}}; the gateway cannot reach the pod IPs',
      managedTableMissing:
        'Application Gateway {{gateway}} serves kubenet cluster {{cluster}} through AGIC, but its subnet {{subnet}} ' +
        'has no route table; associate the route table AKS manages for the cluster’s nodes',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const g of q.all('applicationGateway')) {
      if (g.management === 'standalone') continue;
      const subnet = q.getAs(g.subnet, 'subnet');
      if (!subnet) continue;
      for (const cid of g.clusters) {
        const c = q.getAs(cid, 'cluster');
        if (!c || c.network.cni !== 'kubenet') continue;
        // The cluster's table: the one it brings, else the one its node subnets carry, else one AKS creates.
        const table =
          q.getAs(c.network.routeTable, 'routeTable') ?? q.getAs(q.nodeSubnets(c.id)[0]?.routeTable, 'routeTable');
        // The gateway's management and subnet; the cluster's CNI and route table; the pools' subnets and the first
        // node subnet's route table (where the cluster's table is found); the tables' names for the text.
        const dependsOn = [
          { element: g.id, reads: ['name', 'management', 'subnet'] },
          { element: c.id, reads: ['name', 'network.cni', 'network.routeTable', 'nodePools'] },
          ...q.pools(c.id).map((p) => ({ element: p.id, reads: ['subnet'] })),
          ...q.nodeSubnets(c.id).slice(0, 1).map((s) => ({ element: s.id, reads: ['routeTable'] })),
          ...[table?.id, subnet.routeTable].flatMap((t) => (t ? [{ element: t, reads: ['name'] }] : [])),
        ];
        if (table) {
          if (subnet.routeTable === table.id) continue;
          ctx.report({
            messageId: 'notAssociated',
            data: {
              gateway: g.name,
              cluster: c.name,
              subnet: subnet.name,
              has: subnet.routeTable ? `has route table ${q.name(subnet.routeTable)}` : 'has no route table',
              table: table.name,
            },
            element: subnet.id,
            reads: SUBNET_READS,
            dependsOn,
            property: 'routeTable',
            evidence: { gateway: g.name, table: table.name },
          });
          continue;
        }
        if (subnet.routeTable !== undefined) {
          ctx.unverified({
            element: subnet.id,
            reads: SUBNET_READS,
            property: 'routeTable',
            check: `route table ${q.name(subnet.routeTable)} of subnet ${subnet.name} is the one AKS manages for kubenet cluster ${c.name}`,
            fact: `whether route table ${q.name(subnet.routeTable)} is the kubenet route table of ${c.name} (state it as the cluster's network.routeTable)`,
          });
          continue;
        }
        ctx.report({
          messageId: 'managedTableMissing',
          data: { gateway: g.name, cluster: c.name, subnet: subnet.name },
          element: subnet.id,
          reads: SUBNET_READS,
          dependsOn,
          property: 'routeTable',
          evidence: { gateway: g.name },
        });
      }
    }
  },
});
