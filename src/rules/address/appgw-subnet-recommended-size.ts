import { cidr } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'address/appgw-subnet-recommended-size',
    title: 'Application Gateway v2 subnets are a /24',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'Application Gateway v2 autoscales up to 125 instances and needs spare addresses during maintenance and SKU changes. A /24 is the recommended size; a smaller subnet caps future scale and cannot be resized while the gateway uses it.',
    fix: 'Allocate a dedicated /24 to the Application Gateway v2 subnet.',
    example: `subnet({ name: 'snet-appgw', cidr: '10.240.4.0/24', purpose: 'application-gateway' })`,
    references: [
      { title: 'Application Gateway infrastructure configuration: size of the subnet', url: 'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#size-of-the-subnet' },
    ],
    messages: {
      belowRecommended:
        '{{subnet}} {{cidr}} hosts Application Gateway v2 {{gateways}} but is a /{{prefix}} ({{size}} addresses); ' +
        'a /24 is recommended',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const s of q.all('subnet')) {
      const r = cidr(s.cidr);
      if (!r || r.prefix <= 24) continue;
      const v2 = q.all('applicationGateway').filter((g) => g.subnet === s.id && (g.sku === 'Standard_v2' || g.sku === 'WAF_v2'));
      if (v2.length === 0) continue;
      ctx.report({
        messageId: 'belowRecommended',
        data: {
          subnet: s.name,
          cidr: s.cidr,
          gateways: v2.map((g) => g.name).join(', '),
          prefix: r.prefix,
          size: r.size,
        },
        element: s.id,
        reads: ['cidr'],
        dependsOn: v2.map((g) => ({ element: g.id, reads: ['sku', 'subnet'] })),
        property: 'cidr',
        evidence: { subnet: s.name, cidr: s.cidr, prefix: r.prefix, recommended: 24 },
      });
    }
  },
});
