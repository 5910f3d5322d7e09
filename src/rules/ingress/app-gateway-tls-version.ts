import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/app-gateway-tls-version',
    title: 'Application Gateway listeners require TLS 1.2 or later',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:07'],
    rationale: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated across Azure. A listener TLS policy that still accepts them lets clients negotiate weak encryption.',
    fix: "Use a predefined policy such as AppGwSslPolicy20220101 (or a custom policy) with minimum protocol TLS 1.2: minTlsVersion: '1.2'.",
    example: "applicationGateway({ /* … */ minTlsVersion: '1.2' });",
    references: [
      { title: 'Application Gateway TLS policy overview', url: 'https://learn.microsoft.com/azure/application-gateway/application-gateway-ssl-policy-overview' },
    ],
  },
  check(ctx) {
    for (const g of ctx.q.all('applicationGateway')) {
      if (g.minTlsVersion !== '1.0' && g.minTlsVersion !== '1.1') continue;
      ctx.report({
        message: `Application Gateway ${g.name} accepts TLS ${g.minTlsVersion}; the minimum should be TLS 1.2`,
        element: g.id,
        property: 'minTlsVersion',
        evidence: { gateway: g.name, minTlsVersion: g.minTlsVersion },
      });
    }
  },
});
