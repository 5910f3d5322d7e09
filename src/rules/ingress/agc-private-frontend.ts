import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/agc-private-frontend',
    title: 'App Gateway for Containers frontends are public',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['security'],
    waf: ['SE:06'],
    rationale: 'Application Gateway for Containers frontends currently get public addresses only; private frontend IP addresses are not supported, so an internal-only AGC entry cannot be built.',
    fix: 'For private ingress use an internal load balancer with an in-cluster controller (or app routing), or an Application Gateway v2 with a private frontend.',
    example: "appGatewayForContainers({ name: 'agc', deployment: 'managed', api: 'gateway-api', subnet: agcSubnet, frontend: 'public', waf: { mode: 'Prevention' } });",
    references: [
      { title: 'Application Gateway for Containers components (frontends)', url: 'https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components' },
    ],
    messages: {
      privateFrontend:
        'App Gateway for Containers {{agc}} declares a private frontend; AGC supports only public frontends',
    },
  },
  check(ctx) {
    for (const a of ctx.q.all('agc')) {
      if (a.frontend !== 'private') continue;
      ctx.report({
        messageId: 'privateFrontend',
        data: { agc: a.name },
        element: a.id,
        reads: ['name', 'frontend'],
        property: 'frontend',
        evidence: { agc: a.name, frontend: a.frontend },
      });
    }
  },
});
