import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'structure/cluster-node-pools',
    title: 'Every cluster has a system node pool',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'operational-excellence'],
    waf: ['RE:04', 'OE:05'],
    rationale:
      'An AKS cluster must always contain at least one system node pool: it hosts CoreDNS, metrics-server and the other critical system pods, and AKS refuses to delete the last one. A cluster declared without node pools, or with user pools only, cannot be created as written, and every capacity check on it would count no nodes.',
    fix: "Add a node pool with `mode: 'system'` (at least three nodes across zones for production).",
    example: "nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', count: 3, zones: [1, 2, 3], subnet: nodes })",
    references: [{ title: 'Manage system node pools in AKS', url: 'https://learn.microsoft.com/azure/aks/use-system-pools' }],
    messages: {
      noPools: 'cluster {{cluster}} has no node pools; AKS needs at least one system node pool',
      noSystemPool:
        'cluster {{cluster}} has only user node pools ({{pools}}); AKS needs at least one system node pool',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const pools = ctx.q.pools(c.id);
      if (pools.length === 0) ctx.report({ messageId: 'noPools', data: { cluster: c.name }, element: c.id, property: 'nodePools' });
      else if (!pools.some((p) => p.mode === 'system')) {
        const pnames = pools.map((p) => p.name).join(', ');
        ctx.report({ messageId: 'noSystemPool', data: { cluster: c.name, pools: pnames }, element: c.id, property: 'nodePools' });
      }
    }
  },
});
