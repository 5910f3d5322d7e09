import { RETIREMENTS } from '../../model/data/retirements.js';
import { defineDatedRule } from '../lifecycle/_lifecycle.js';

const TLS = RETIREMENTS.appGatewayTls10And11;

export default defineDatedRule({
  retirement: TLS,
  meta: {
    id: 'ingress/app-gateway-tls-version',
    title: 'Application Gateway no longer supports TLS 1.0 and 1.1 (since 2025-08-31)',
    pillars: ['security'],
    waf: ['SE:07'],
    rationale:
      'Since 31 August 2025 every client and backend talking to Application Gateway must use TLS 1.2 or later: ' +
      'support for TLS 1.0 and 1.1 is discontinued. A policy that still names them describes a configuration the ' +
      'service no longer offers, and clients that need them will fail the handshake.',
    fix:
      "Use the predefined policy AppGwSslPolicy20220101 (TLS 1.2 and 1.3) or AppGwSslPolicy20220101S (stricter " +
      "ciphers), or a CustomV2 policy with minimum TLS 1.2: minTlsVersion: '1.2'.",
    example: "applicationGateway({ /* … */ minTlsVersion: '1.2' });",
    references: [
      { title: TLS.source.title, url: TLS.source.url },
      {
        title: 'Configure TLS policy versions and cipher suites on Application Gateway',
        url: 'https://learn.microsoft.com/azure/application-gateway/application-gateway-configure-ssl-policy-powershell',
      },
    ],
    messages: {
      oldTls:
        'Application Gateway {{gateway}} accepts TLS {{version}}: TLS 1.0 and 1.1 support {{ends}} {{date}} ({{when}}); ' +
        'use AppGwSslPolicy20220101 or 20220101S (minimum TLS 1.2)',
    },
  },
  check(ctx) {
    for (const g of ctx.q.all('applicationGateway')) {
      if (g.minTlsVersion !== '1.0' && g.minTlsVersion !== '1.1') continue;
      ctx.report({
        messageId: 'oldTls',
        data: { gateway: g.name, version: g.minTlsVersion },
        element: g.id,
        reads: ['name', 'minTlsVersion'],
        property: 'minTlsVersion',
        evidence: { gateway: g.name, minTlsVersion: g.minTlsVersion },
      });
    }
  },
});
