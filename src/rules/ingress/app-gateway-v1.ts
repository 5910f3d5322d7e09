import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/app-gateway-v1',
    title: 'Application Gateway uses the v2 SKU',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'performance-efficiency', 'operational-excellence'],
    waf: ['RE:05', 'PE:05', 'OE:05'],
    rationale:
      'The v1 SKUs (Standard, WAF) lack autoscaling, zone redundancy, static VIPs, Key Vault certificates and AGIC support, and Microsoft asks customers to migrate them to v2.',
    fix: "Deploy Standard_v2 or WAF_v2 (a new gateway in its own subnet; v1 and v2 cannot share one) and move the listeners over.",
    example: "applicationGateway({ name: 'agw', sku: 'WAF_v2', subnet: appGwSubnet, frontend: 'public', management: 'standalone', zones: [1, 2, 3], minCapacity: 2 });",
    references: [
      { title: 'What is Azure Application Gateway v2?', url: 'https://learn.microsoft.com/azure/application-gateway/overview-v2' },
    ],
  },
  check(ctx) {
    for (const g of ctx.q.all('applicationGateway')) {
      if (g.sku !== 'Standard' && g.sku !== 'WAF') continue;
      ctx.report({
        message: `Application Gateway ${g.name} uses the v1 SKU ${g.sku}; use ${g.sku === 'WAF' ? 'WAF_v2' : 'Standard_v2'}`,
        element: g.id,
        property: 'sku',
        evidence: { gateway: g.name, sku: g.sku },
      });
    }
  },
});
