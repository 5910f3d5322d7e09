import { defineRule } from '../../validate/rule.js';

/** The Well-Architected AKS guide's minimum for user node pools. */
export const MIN_USER_NODES = 2;

export default defineRule({
  meta: {
    id: 'reliability/user-pool-min-nodes',
    title: 'User node pools keep at least two nodes',
    severity: 'info',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale:
      'The Well-Architected AKS guide asks for at least two nodes in user node pools (and three in the system ' +
      'pool): a pool that can shrink to one node loses all its capacity when that node fails or is drained for an ' +
      'upgrade. Three or more are needed to keep a replica in every zone of a three-zone pool.',
    fix:
      'Set count (or minCount) to at least 2 for pools that host production workloads (3 to cover three zones), ' +
      'or mark batch/spot pools as such.',
    example: "nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 10, zones: [1, 2, 3], subnet: nodes });",
    references: [
      { title: 'Well-Architected: Azure Kubernetes Service (reliability)', url: 'https://learn.microsoft.com/azure/well-architected/service-guides/azure-kubernetes-service' },
      { title: 'Create node pools in AKS', url: 'https://learn.microsoft.com/azure/aks/create-node-pools' },
      { title: 'Availability zones in AKS', url: 'https://learn.microsoft.com/azure/aks/availability-zones' },
    ],
    messages: {
      singleNode:
        'user node pool {{pool}} of cluster {{cluster}} can run with {{min}} {{nodes}} ({{field}} {{min}}); keep at ' +
        'least 2 so one node failure or drain does not take the whole pool',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      for (const p of ctx.q.pools(c.id)) {
        const reads = ['mode', 'spot', 'count', 'minCount', 'maxCount'];
        if (p.mode !== 'user' || p.spot) continue;
        if (p.autoscaling && p.minCount === undefined) {
          ctx.unverified({ element: p.id, property: 'minCount', check: `user node pool ${p.name} of cluster ${c.name} keeps 3 or more nodes`, reads });
          continue;
        }
        const min = p.autoscaling ? (p.minCount ?? p.count) : p.count;
        if (!Number.isFinite(min) || min >= MIN_USER_NODES) continue;
        ctx.report({
          messageId: 'singleNode',
          data: { pool: p.name, cluster: c.name, min, nodes: min === 1 ? 'node' : 'nodes', field: p.autoscaling ? 'minCount' : 'count' },
          element: p.id,
          reads,
          property: p.autoscaling ? 'minCount' : 'count',
          evidence: { cluster: c.name, pool: p.name, minNodes: min },
        });
      }
    }
  },
});
