import { RETIREMENTS } from '../../model/data/retirements.js';
import { defineDatedRule } from './_lifecycle.js';

/** Kept for callers that name the date. */
export const APP_ROUTING_NGINX_END = RETIREMENTS.appRoutingNginx.date;

export default defineDatedRule({
  retirement: RETIREMENTS.appRoutingNginx,
  meta: {
    id: 'lifecycle/app-routing-nginx',
    title: 'Application routing add-on NGINX: critical patches end November 2026',
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
    messages: {
      managedNginx:
        'ingress controller {{controller}} in cluster {{cluster}} uses the application routing add-on\'s managed NGINX: Microsoft\'s critical security patching {{ends}} {{date}} ({{when}}); move to app routing Gateway API, AGC or Istio',
    },
  },
  check(ctx) {
    for (const ic of ctx.q.all('ingressController')) {
      if (ic.type !== 'app-routing-nginx') continue;
      ctx.report({
        messageId: 'managedNginx',
        data: { controller: ic.name, cluster: ctx.q.name(ic.cluster) },
        element: ic.id,
        reads: ['type'],
        property: 'type',
        evidence: { controller: ic.name },
      });
    }
  },
});
