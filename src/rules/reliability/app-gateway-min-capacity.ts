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
      'A v2 gateway stays highly available even with a minimum of 0 instances, but replacing a failed instance or ' +
      'adding one for a burst takes several minutes (the documentation cites about six to seven). With a minimum of ' +
      '2, ideally across zones, one instance carries the traffic while a new one is created, so an instance failure ' +
      'or a sudden spike does not degrade every ingress path while the gateway scales.',
    fix: 'Set minCapacity to 2 or more (one per zone for a zone-redundant gateway is a common choice).',
    example: "applicationGateway({ /* … */ zones: [1, 2, 3], minCapacity: 2, maxCapacity: 10 });",
    references: [
      { title: 'Application Gateway v2 autoscaling', url: 'https://learn.microsoft.com/azure/application-gateway/application-gateway-autoscaling-zone-redundant' },
      { title: 'What is Azure Application Gateway v2? (autoscaling)', url: 'https://learn.microsoft.com/azure/application-gateway/overview-v2' },
    ],
    messages: {
      lowMinimum:
        'Application Gateway {{gateway}} has a minimum capacity of {{min}} {{instances}}; keep at least 2 so traffic ' +
        'does not wait minutes for a new instance after a failure or spike',
    },
  },
  check(ctx) {
    for (const g of ctx.q.all('applicationGateway')) {
      const min = g.minCapacity;
      if (min === undefined) {
        if (g.sku === 'Standard_v2' || g.sku === 'WAF_v2') {
          ctx.unverified({ element: g.id, property: 'minCapacity', check: `Application Gateway ${g.name} keeps at least 2 instances`, reads: ['minCapacity', 'sku'] });
        }
        continue;
      }
      if (min >= 2) continue;
      ctx.report({
        messageId: 'lowMinimum',
        data: { gateway: g.name, min, instances: min === 1 ? 'instance' : 'instances' },
        element: g.id,
        reads: ['minCapacity', 'sku'],
        property: 'minCapacity',
        evidence: { gateway: g.name, minCapacity: min },
      });
    }
  },
});
