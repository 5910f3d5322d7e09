import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/max-pods-headroom',
    title: 'Node pools allow at least 50 pods per node',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['performance-efficiency', 'cost-optimization'],
    waf: ['PE:02', 'CO:07'],
    rationale:
      'DaemonSets for monitoring, security, CSI drivers and the mesh take several pod slots on every node. With the flat Azure CNI default of 30, nodes often run out of pod slots before CPU or memory, so the cluster scales out and pays for idle capacity.',
    fix: 'Set maxPods to 50 or more (size the subnet accordingly, or use Azure CNI Overlay where pods do not consume VNet addresses).',
    example: `nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', maxPods: 110, subnet: nodes })`,
    references: [
      { title: 'AKS: IP address planning (maximum pods per node)', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' },
      { title: 'Configure Azure CNI networking: maximum pods per node', url: 'https://learn.microsoft.com/azure/aks/configure-azure-cni' },
    ],
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      for (const p of ctx.q.pools(c.id)) {
        if (p.maxPods < 10 || p.maxPods >= 50) continue;
        ctx.report({
          message: `node pool ${p.name} of ${c.name} allows ${p.maxPods} pods per node; at least 50 leaves room for DaemonSets and bin-packing`,
          element: p.id,
          property: 'maxPods',
          evidence: { pool: p.name, maxPods: p.maxPods, recommended: 50 },
        });
      }
    }
  },
});
