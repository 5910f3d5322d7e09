import { defineRule } from '../../validate/rule.js';

/** The gateway's SKU, frontend and network isolation. */
const READS = ['name', 'sku', 'frontend', 'networkIsolation'];

export default defineRule({
  meta: {
    id: 'ingress/app-gateway-private-isolation',
    title: 'An Application Gateway v2 with a private-only frontend is deployed with network isolation',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'Without network isolation an Application Gateway v2 is managed over a public frontend IP, so Azure only accepts a ' +
      'v2 gateway without a public IP when it is deployed with network isolation (the private deployment, enabled by ' +
      'the EnableApplicationGatewayNetworkIsolation feature). A private-only v2 gateway declared without it is rejected ' +
      'at deployment.',
    fix:
      'Deploy the gateway with network isolation (register EnableApplicationGatewayNetworkIsolation, then state ' +
      'networkIsolation: true), or give it a public frontend as well (frontend: \'both\').',
    example:
      "applicationGateway({ name: 'agw-internal', sku: 'WAF_v2', subnet: agwSubnet, frontend: 'private', privateIp: '10.240.4.10', management: 'standalone', networkIsolation: true });",
    references: [
      {
        title: 'Private Application Gateway deployment (network isolation)',
        url: 'https://learn.microsoft.com/azure/application-gateway/application-gateway-private-deployment',
      },
      {
        title: 'Troubleshoot the ApplicationGatewayFrontendIpCannotHavePublicIpAndSubnet error',
        url: 'https://learn.microsoft.com/troubleshoot/azure/application-gateway/error-codes/application-gateway-frontend-ip-cannot-have-public-ip-subnet-error',
      },
    ],
    messages: {
      notIsolated:
        'Application Gateway {{gateway}} ({{sku}}) has a private-only frontend but networkIsolation: false; a v2 gateway ' +
        'without a public frontend IP exists only with network isolation',
    },
  },
  check(ctx) {
    for (const g of ctx.q.all('applicationGateway')) {
      // v1 gateways have private-only (internal) frontends of their own; the requirement is a v2 one.
      if (g.sku !== 'Standard_v2' && g.sku !== 'WAF_v2') continue;
      if (g.frontend !== 'private' || g.networkIsolation === true) continue;
      if (g.networkIsolation === undefined) {
        ctx.unverified({
          element: g.id,
          reads: READS,
          property: 'networkIsolation',
          check: `Application Gateway ${g.name} (${g.sku}, private-only frontend) is deployed with network isolation, which a private-only v2 frontend needs`,
        });
        continue;
      }
      ctx.report({
        messageId: 'notIsolated',
        data: { gateway: g.name, sku: g.sku },
        element: g.id,
        reads: READS,
        property: 'networkIsolation',
        evidence: { gateway: g.name, sku: g.sku, frontend: g.frontend, networkIsolation: false },
      });
    }
  },
});
