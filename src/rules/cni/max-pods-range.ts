import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/max-pods-range',
    title: 'maxPods is at least 10',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale: 'AKS strictly enforces maxPods between 10 and 250 per node; system DaemonSets alone need several pods per node, so lower values are rejected.',
    fix: 'Set maxPods to 10 or more (30 or more is the practical minimum).',
    example: `nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', maxPods: 50, subnet: nodes })`,
    references: [{ title: 'AKS: IP address planning (maximum pods per node)', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' }],
    messages: {
      belowMinimum: 'node pool {{pool}} of {{cluster}} sets maxPods {{maxPods}}; AKS accepts 10 to 250',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      for (const p of ctx.q.pools(c.id)) {
        if (!(p.maxPods < 10)) continue;
        ctx.report({
          messageId: 'belowMinimum',
          data: { pool: p.name, cluster: c.name, maxPods: p.maxPods },
          element: p.id,
          property: 'maxPods',
          evidence: { pool: p.name, maxPods: p.maxPods },
        });
      }
    }
  },
});
