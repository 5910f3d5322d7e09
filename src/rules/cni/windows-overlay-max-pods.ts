import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'cni/windows-overlay-max-pods',
    title: 'Windows pools on Azure CNI Overlay keep maxPods at 110 or below',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['performance-efficiency', 'reliability'],
    waf: ['PE:02', 'RE:06'],
    rationale: 'Windows nodes on Overlay are recommended to run at most 110 pods; the overlay default of 250 overloads the Windows networking stack and slows pod start-up.',
    fix: 'Set maxPods to 110 or less on Windows pools.',
    example: `nodePool({ name: 'win', mode: 'user', os: 'Windows', vmSize: 'Standard_D8ds_v5', maxPods: 110, subnet: nodes })`,
    references: [{ title: 'Azure CNI Overlay: Windows support and maximum pods', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay' }],
    messages: {
      aboveRecommended:
        'Windows node pool {{pool}} of overlay cluster {{cluster}} allows {{maxPods}} pods per node; at most 110 ' +
        'is recommended',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.cni !== 'azure-overlay') continue;
      for (const p of ctx.q.pools(c.id)) {
        if (p.os !== 'Windows' || !(p.maxPods > 110)) continue;
        ctx.report({
          messageId: 'aboveRecommended',
          data: { pool: p.name, cluster: c.name, maxPods: p.maxPods },
          element: p.id,
          property: 'maxPods',
          reads: ['maxPods', 'os'],
          dependsOn: [{ element: c.id, reads: ['network.cni'] }],
          evidence: { pool: p.name, maxPods: p.maxPods, recommended: 110 },
        });
      }
    }
  },
});
