import { defineRule } from '../../validate/rule.js';
import { clusterDemand } from '../../model/capacity.js';

const LIMIT = 400;

export default defineRule({
  meta: {
    id: 'cni/kubenet-node-limit',
    title: 'kubenet clusters stay within 400 nodes',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'kubenet routes each node’s pod range through a user-defined route in the cluster route table, and a route table holds at most 400 routes. Nodes beyond that, including surge nodes during an upgrade, get no pod route and their pods are unreachable.',
    fix: 'Keep peak nodes (maximum plus surge) at or below 400, or migrate to Azure CNI Overlay, which has no route-table limit.',
    example: `network: { cni: 'azure-overlay', podCidr: '192.168.0.0/16' }`,
    references: [
      { title: 'Configure kubenet networking: limitations', url: 'https://learn.microsoft.com/azure/aks/configure-kubenet' },
      { title: 'Azure CNI Overlay compared with kubenet', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay' },
    ],
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.cni !== 'kubenet') continue;
      const { nodes, surge } = clusterDemand(ctx.q, c);
      if (nodes + surge <= LIMIT) continue;
      ctx.report({
        message: `kubenet cluster ${c.name} reaches ${nodes} nodes + ${surge} surge = ${nodes + surge} at max scale; kubenet supports at most ${LIMIT} (one route per node)`,
        element: c.id,
        property: 'nodePools',
        evidence: { nodes, surge, limit: LIMIT },
      });
    }
  },
});
