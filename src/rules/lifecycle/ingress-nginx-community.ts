import { defineRule } from '../../validate/rule.js';
import { due } from './_lifecycle.js';

export const INGRESS_NGINX_END = '2026-03-31';

export default defineRule({
  meta: {
    id: 'lifecycle/ingress-nginx-community',
    title: 'Community ingress-nginx is retired upstream (March 2026)',
    severity: 'warning',
    kind: 'lifecycle',
    pillars: ['security'],
    waf: ['SE:08'],
    rationale:
      'The Kubernetes community ingress-nginx controller stopped receiving maintenance and security fixes at the end of March 2026. A self-managed installation keeps running but accumulates unpatched vulnerabilities in the component that faces every request.',
    fix: 'Migrate to a Gateway API implementation: application routing with Gateway API, Application Gateway for Containers, Istio ingress gateway, or another maintained controller.',
    example: "ingressController({ name: 'gw', type: 'app-routing-gateway-api', cluster: aks, replicas: 3, zoneSpread: true });",
    references: [
      { title: 'Managed NGINX ingress with the application routing add-on (ingress-nginx retirement)', url: 'https://learn.microsoft.com/azure/aks/app-routing' },
    ],
  },
  check(ctx) {
    const d = due(INGRESS_NGINX_END, ctx.asOf);
    for (const ic of ctx.q.all('ingressController')) {
      if (ic.type !== 'nginx') continue;
      ctx.report({
        message: `ingress controller ${ic.name} in cluster ${ctx.q.name(ic.cluster)} is self-managed community ingress-nginx: upstream maintenance ${d.past ? 'ended' : 'ends'} ${INGRESS_NGINX_END} (${d.relative}); migrate to a Gateway API controller`,
        element: ic.id,
        property: 'type',
        severity: d.severity,
        evidence: { controller: ic.name, date: INGRESS_NGINX_END, asOf: ctx.asOf },
      });
    }
  },
});
