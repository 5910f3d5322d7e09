import { RETIREMENTS } from '../../model/data/retirements.js';
import { defineDatedRule } from '../lifecycle/_lifecycle.js';

const V1 = RETIREMENTS.appGatewayV1;

export default defineDatedRule({
  retirement: V1,
  meta: {
    id: 'ingress/app-gateway-v1',
    title: 'Application Gateway v1 SKUs retire 2026-04-28',
    pillars: ['reliability', 'security', 'operational-excellence'],
    waf: ['RE:05', 'SE:01', 'OE:05'],
    rationale:
      'Microsoft retires the v1 SKUs (Standard and WAF) on 28 April 2026 and does not support v1 gateways after that ' +
      'date; they are not upgraded automatically. v2 is also the only SKU with autoscaling, zone redundancy, a static ' +
      'VIP, Key Vault certificates and AGIC support.',
    fix:
      'Deploy a Standard_v2 or WAF_v2 gateway (in its own subnet: v1 and v2 cannot share one), migrate the ' +
      'configuration with the migration script, then move client traffic.',
    example:
      "applicationGateway({ name: 'agw', sku: 'WAF_v2', subnet: appGwSubnet, frontend: 'public', management: 'standalone', " +
      'zones: [1, 2, 3], minCapacity: 2 });',
    references: [
      { title: V1.source.title, url: V1.source.url },
      { title: 'What is Azure Application Gateway v2?', url: 'https://learn.microsoft.com/azure/application-gateway/overview-v2' },
    ],
    messages: {
      v1Sku:
        'Application Gateway {{gateway}} uses the v1 SKU {{sku}}: Application Gateway v1 {{retires}} {{date}} ({{when}}) and gets ' +
        'no support after it; migrate to {{target}}',
    },
  },
  check(ctx) {
    for (const g of ctx.q.all('applicationGateway')) {
      if (g.sku !== 'Standard' && g.sku !== 'WAF') continue;
      ctx.report({
        messageId: 'v1Sku',
        data: { gateway: g.name, sku: g.sku, target: g.sku === 'WAF' ? 'WAF_v2' : 'Standard_v2' },
        element: g.id,
        reads: ['name', 'sku'],
        property: 'sku',
        evidence: { gateway: g.name, sku: g.sku },
      });
    }
  },
});
