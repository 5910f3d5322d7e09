import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'structure/max-surge-range',
    title: 'A percentage max surge is at most 100 % of the pool',
    severity: 'warning',
    kind: 'structure',
    pillars: ['operational-excellence'],
    waf: ['OE:05'],
    rationale:
      'A percentage max surge is a share of the node pool size at upgrade time; AKS rounds fractional nodes up. More than 100 % asks for more extra nodes than the pool has, which is almost always a typo, and the subnet capacity aksnet reserves for the surge grows with it.',
    fix: "Write the share of the pool to add during upgrades, e.g. `maxSurge: '33%'`, or a node count such as `maxSurge: 3`.",
    references: [{ title: 'Configure rolling upgrades for AKS node pools', url: 'https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling' }],
    messages: {
      overHundredPercent:
        'node pool {{pool}} has maxSurge "{{maxSurge}}", more than the whole pool ({{surgeNodes}} surge nodes)',
    },
  },
  check(ctx) {
    for (const p of ctx.q.all('nodePool')) {
      if (!p.maxSurge.endsWith('%')) continue;
      const pct = parseFloat(p.maxSurge);
      if (pct > 100) {
        const data = { pool: p.name, maxSurge: p.maxSurge, surgeNodes: p.surgeNodes };
        ctx.report({ messageId: 'overHundredPercent', data, element: p.id, reads: ['maxSurge', 'count', 'minCount', 'maxCount'], property: 'maxSurge' });
      }
    }
  },
});
