import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'reliability/user-pool-min-nodes',
    title: 'User node pools keep at least three nodes',
    severity: 'info',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale: 'A user pool that can shrink below three nodes cannot keep a replica in every zone, and a single node drain during upgrades removes a large share of its capacity.',
    fix: 'Set count (or minCount) to at least 3 for pools that host production workloads, or mark batch/spot pools as such.',
    example: "nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 10, zones: [1, 2, 3], subnet: nodes });",
    references: [
      { title: 'Create node pools in AKS', url: 'https://learn.microsoft.com/azure/aks/create-node-pools' },
      { title: 'Availability zones in AKS', url: 'https://learn.microsoft.com/azure/aks/availability-zones' },
    ],
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      for (const p of ctx.q.pools(c.id)) {
        if (p.mode !== 'user' || p.spot) continue;
        if (p.autoscaling && p.minCount === undefined) {
          ctx.unverified({ element: p.id, property: 'minCount', check: `user node pool ${p.name} of cluster ${c.name} keeps 3 or more nodes` });
          continue;
        }
        const min = p.autoscaling ? (p.minCount ?? p.count) : p.count;
        if (!Number.isFinite(min) || min >= 3) continue;
        ctx.report({
          message: `user node pool ${p.name} of cluster ${c.name} can run with ${min} node${min === 1 ? '' : 's'} (${p.autoscaling ? 'minCount' : 'count'} ${min}); 3 or more keep one per zone`,
          element: p.id,
          property: p.autoscaling ? 'minCount' : 'count',
          evidence: { cluster: c.name, pool: p.name, minNodes: min },
        });
      }
    }
  },
});
