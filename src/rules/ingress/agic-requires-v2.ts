import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/agic-requires-v2',
    title: 'AGIC manages only v2 Application Gateways',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['operational-excellence'],
    waf: ['OE:05'],
    rationale: 'The Application Gateway Ingress Controller (add-on or Helm) supports only the Standard_v2 and WAF_v2 SKUs; it cannot configure a v1 gateway.',
    fix: "Use sku 'WAF_v2' (or 'Standard_v2') for a gateway managed by AGIC.",
    example: "applicationGateway({ name: 'agw', sku: 'WAF_v2', subnet: appGwSubnet, frontend: 'public', management: 'agic-addon' });",
    references: [
      { title: 'What is Application Gateway Ingress Controller?', url: 'https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview' },
      { title: 'What is Azure Application Gateway v2?', url: 'https://learn.microsoft.com/azure/application-gateway/overview-v2' },
    ],
    messages: {
      v1Sku:
        'Application Gateway {{gateway}} is managed by AGIC ({{management}}) but uses the v1 SKU {{sku}}; AGIC ' +
        'supports only Standard_v2 and WAF_v2',
    },
  },
  check(ctx) {
    for (const g of ctx.q.all('applicationGateway')) {
      if (g.management === 'standalone' || (g.sku !== 'Standard' && g.sku !== 'WAF')) continue;
      ctx.report({
        messageId: 'v1Sku',
        data: { gateway: g.name, management: g.management, sku: g.sku },
        element: g.id,
        reads: ['name', 'management', 'sku'],
        property: 'sku',
        evidence: { gateway: g.name, sku: g.sku, management: g.management },
      });
    }
  },
});
