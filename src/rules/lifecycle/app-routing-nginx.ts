import { defineRule } from '../../validate/rule.js';
import { due } from './_lifecycle.js';

export const APP_ROUTING_NGINX_END = '2026-11-30';

export default defineRule({
  meta: {
    id: 'lifecycle/app-routing-nginx',
    title: 'Application routing add-on NGINX: critical patches end November 2026',
    severity: 'warning',
    kind: 'lifecycle',
    pillars: ['security'],
    waf: ['SE:08'],
    rationale:
      'The managed NGINX of the application routing add-on is based on the community ingress-nginx project, whose upstream maintenance ended in March 2026. Microsoft ships critical security patches for it only through November 2026; after that the ingress tier runs unpatched.',
    fix: 'Move to the Gateway API: application routing with Gateway API, Application Gateway for Containers, or the Istio ingress gateway.',
    example: "ingressController({ name: 'gw', type: 'app-routing-gateway-api', cluster: aks, replicas: 3, zoneSpread: true });",
    references: [
      { title: 'Managed NGINX ingress with the application routing add-on', url: 'https://learn.microsoft.com/azure/aks/app-routing' },
      { title: 'Application Gateway for Containers overview', url: 'https://learn.microsoft.com/azure/application-gateway/for-containers/overview' },
    ],
  },
  check(ctx) {
    const d = due(APP_ROUTING_NGINX_END, ctx.asOf);
    for (const ic of ctx.q.all('ingressController')) {
      if (ic.type !== 'app-routing-nginx') continue;
      ctx.report({
        message: `ingress controller ${ic.name} in cluster ${ctx.q.name(ic.cluster)} uses the application routing add-on's managed NGINX: Microsoft's critical security patches ${d.past ? 'ended' : 'end'} ${APP_ROUTING_NGINX_END} (${d.relative}); move to app routing Gateway API, AGC or Istio`,
        element: ic.id,
        property: 'type',
        severity: d.severity,
        evidence: { controller: ic.name, date: APP_ROUTING_NGINX_END, asOf: ctx.asOf },
      });
    }
  },
});
