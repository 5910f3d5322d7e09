import { defineRule } from '../../validate/rule.js';

/**
 * A stated node count outside the autoscaler's [minCount, maxCount]: AKS rejects the pool, or the
 * autoscaler moves it back into range at once, so the count the design shows is not what runs. A
 * count aksnet filled in (from minCount) is always inside the range, so only a stated one is judged.
 */
export default defineRule({
  meta: {
    id: 'reliability/node-count-range',
    title: "An autoscaled node pool's count lies inside [minCount, maxCount]",
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'operational-excellence'],
    waf: ['RE:05', 'OE:05'],
    rationale:
      'With the cluster autoscaler on, a node pool count must lie between minCount and maxCount: AKS rejects a ' +
      'create or update whose count is outside that range. A design that shows such a count misstates the capacity ' +
      '(and the IP demand) that the pool will really have.',
    fix: 'Set count inside [minCount, maxCount], or leave count out so the pool starts at minCount.',
    example: "nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', count: 3, minCount: 3, maxCount: 10, subnet: nodes });",
    references: [
      { title: 'Use the cluster autoscaler in AKS', url: 'https://learn.microsoft.com/azure/aks/cluster-autoscaler' },
      {
        title: 'ManagedClusterAgentPoolProfile: count, minCount and maxCount',
        url: 'https://learn.microsoft.com/azure/templates/microsoft.containerservice/managedclusters',
      },
    ],
    messages: {
      belowMin:
        'node pool {{pool}} of cluster {{cluster}} has count {{count}}, below its minCount {{minCount}}: AKS rejects a ' +
        'count outside [{{minCount}}, {{maxCount}}]',
      aboveMax:
        'node pool {{pool}} of cluster {{cluster}} has count {{count}}, above its maxCount {{maxCount}}: AKS rejects a ' +
        'count outside [{{minCount}}, {{maxCount}}]',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      for (const p of ctx.q.pools(c.id)) {
        if (!p.autoscaling) continue;
        const countDefaulted = ctx.q.isDefaulted(p.id, 'count');
        if (countDefaulted) continue;
        const data = {
          pool: p.name,
          cluster: c.name,
          count: p.count,
          minCount: p.minCount ?? '?',
          maxCount: p.maxCount ?? '?',
        };
        const at = { element: p.id, property: 'count', reads: ['count', 'minCount', 'maxCount'] };
        const evidence = { pool: p.name, count: p.count, ...(p.minCount !== undefined ? { minCount: p.minCount } : {}),
          ...(p.maxCount !== undefined ? { maxCount: p.maxCount } : {}) };
        if (p.minCount !== undefined && p.count < p.minCount) ctx.report({ ...at, messageId: 'belowMin', data, evidence });
        else if (p.maxCount !== undefined && p.count > p.maxCount) ctx.report({ ...at, messageId: 'aboveMax', data, evidence });
      }
    }
  },
});
