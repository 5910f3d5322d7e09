import { defineRule } from '../../validate/rule.js';
import { clusterDemand } from '../../model/capacity.js';

/** Routes a route table (UDR) holds; kubenet writes one per node into the cluster's table. */
const LIMIT = 400;

export default defineRule({
  meta: {
    id: 'cni/kubenet-node-limit',
    title: 'kubenet clusters stay within the 400-route table (400 nodes minus the routes you add)',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'kubenet routes each node’s pod range through a user-defined route in the cluster route table, and a route ' +
      'table holds at most 400 routes. Routes you add to that table yourself (a default route to a firewall, ' +
      'on-premises prefixes) share the 400, so the node limit is 400 minus them. Nodes beyond it, including surge ' +
      'nodes during an upgrade, get no pod route and their pods are unreachable.',
    fix: 'Keep peak nodes (maximum plus surge) at or below 400 minus the declared routes, or migrate to Azure CNI Overlay, which has no route-table limit.',
    example: `network: { cni: 'azure-overlay', podCidr: '192.168.0.0/16' }`,
    references: [
      { title: 'Configure kubenet networking: limitations', url: 'https://learn.microsoft.com/azure/aks/configure-kubenet' },
      { title: 'Azure CNI Overlay compared with kubenet', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay' },
    ],
    messages: {
      routeLimit:
        'kubenet cluster {{cluster}} reaches {{nodes}} nodes + {{surge}} surge = {{peak}} at max scale; its route table ' +
        '{{table}} holds 400 routes, {{declared}} of them declared, leaving {{limit}} for nodes (one route per node)',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.cni !== 'kubenet') continue;
      const { nodes, surge } = clusterDemand(ctx.q, c);
      const table = ctx.q.getAs(c.network.routeTable, 'routeTable');
      const declared = table?.routes.length ?? 0;
      const limit = LIMIT - declared;
      if (nodes + surge <= limit) continue;
      ctx.report({
        messageId: 'routeLimit',
        data: { cluster: c.name, nodes, surge, peak: nodes + surge, table: table?.name ?? '(AKS-managed)', declared, limit },
        element: c.id,
        property: 'nodePools',
        // The CNI, the route table and pool list; every pool's node counts and surge; the table's declared routes.
        reads: ['network.cni', 'network.routeTable', 'nodePools'],
        dependsOn: [
          ...ctx.q.pools(c.id).map((p) => ({ element: p.id, reads: ['count', 'minCount', 'maxCount', 'maxSurge'] })),
          ...(table ? [{ element: table.id, reads: ['routes'] }] : []),
        ],
        evidence: { nodes, surge, limit, declaredRoutes: declared, routeTableLimit: LIMIT },
      });
    }
  },
});
