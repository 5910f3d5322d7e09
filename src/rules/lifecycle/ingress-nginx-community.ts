import { RETIREMENTS } from '../../model/data/retirements.js';
import { defineDatedRule } from './_lifecycle.js';

/** Kept for callers that name the date. */
export const INGRESS_NGINX_END = RETIREMENTS.ingressNginxCommunity.date;

export default defineDatedRule({
  retirement: RETIREMENTS.ingressNginxCommunity,
  meta: {
    id: 'lifecycle/ingress-nginx-community',
    title: 'Community ingress-nginx is retired upstream (March 2026)',
    pillars: ['security'],
    waf: ['SE:08'],
    rationale:
      'The Kubernetes community ingress-nginx controller stopped receiving maintenance and security fixes at the end of March 2026. A self-managed installation keeps running but accumulates unpatched vulnerabilities in the component that faces every request.',
    fix: 'Migrate to a Gateway API implementation: application routing with Gateway API, Application Gateway for Containers, Istio ingress gateway, or another maintained controller.',
    example: "ingressController({ name: 'gw', type: 'app-routing-gateway-api', cluster: aks, replicas: 3, zoneSpread: true });",
    references: [
      { title: 'Managed NGINX ingress with the application routing add-on (ingress-nginx retirement)', url: 'https://learn.microsoft.com/azure/aks/app-routing' },
    ],
    messages: {
      communityNginx:
        'ingress controller {{controller}} in cluster {{cluster}} is self-managed community ingress-nginx: upstream maintenance {{ends}} {{date}} ({{when}}); migrate to a Gateway API controller',
    },
  },
  check(ctx) {
    for (const ic of ctx.q.all('ingressController')) {
      if (ic.type !== 'nginx') continue;
      ctx.report({
        messageId: 'communityNginx',
        data: { controller: ic.name, cluster: ctx.q.name(ic.cluster) },
        element: ic.id,
        reads: ['type'],
        property: 'type',
        evidence: { controller: ic.name },
      });
    }
  },
});
