import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'reliability/app-gateway-min-capacity',
    title: 'Application Gateway keeps at least two instances',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['RE:05', 'PE:05'],
    rationale:
      'With a minimum of 0 or 1 instances the gateway may run on a single instance: maintenance, an instance failure or a sudden burst (new instances take minutes) interrupts every ingress path until autoscaling catches up.',
    fix: 'Set minCapacity to 2 or more (one per zone for a zone-redundant gateway is a common choice).',
    example: "applicationGateway({ /* … */ zones: [1, 2, 3], minCapacity: 2, maxCapacity: 10 });",
    references: [
      { title: 'Application Gateway v2 autoscaling', url: 'https://learn.microsoft.com/azure/application-gateway/application-gateway-autoscaling-zone-redundant' },
      { title: 'What is Azure Application Gateway v2? (autoscaling)', url: 'https://learn.microsoft.com/azure/application-gateway/overview-v2' },
    ],
  },
  check(ctx) {
    for (const g of ctx.q.all('applicationGateway')) {
      const min = g.minCapacity;
      if (min === undefined) {
        if (g.sku === 'Standard_v2' || g.sku === 'WAF_v2') {
          ctx.unverified({ element: g.id, property: 'minCapacity', check: `Application Gateway ${g.name} keeps at least 2 instances` });
        }
        continue;
      }
      if (min >= 2) continue;
      ctx.report({
        message: `Application Gateway ${g.name} has a minimum capacity of ${min} instance${min === 1 ? '' : 's'}; keep at least 2`,
        element: g.id,
        property: 'minCapacity',
        evidence: { gateway: g.name, minCapacity: min },
      });
    }
  },
});
