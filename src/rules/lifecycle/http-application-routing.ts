import { defineRule } from '../../validate/rule.js';
import { due } from './_lifecycle.js';

export const HTTP_APP_ROUTING_END = '2025-03-03';

export default defineRule({
  meta: {
    id: 'lifecycle/http-application-routing',
    title: 'HTTP application routing add-on is retired (2025-03-03)',
    severity: 'warning',
    kind: 'lifecycle',
    pillars: ['security', 'reliability'],
    waf: ['SE:08', 'RE:01'],
    rationale:
      'The HTTP application routing add-on was a development-only feature with public DNS zones and no production support; it was retired on 3 March 2025 and is no longer available or patched.',
    fix: 'Use the application routing add-on (Gateway API), Application Gateway for Containers, or another maintained ingress.',
    example: "ingressController({ name: 'gw', type: 'app-routing-gateway-api', cluster: aks, replicas: 3, zoneSpread: true });",
    references: [
      { title: 'HTTP application routing add-on for AKS (retired)', url: 'https://learn.microsoft.com/azure/aks/http-application-routing' },
      { title: 'Managed NGINX ingress with the application routing add-on', url: 'https://learn.microsoft.com/azure/aks/app-routing' },
    ],
  },
  check(ctx) {
    const d = due(HTTP_APP_ROUTING_END, ctx.asOf);
    for (const ic of ctx.q.all('ingressController')) {
      if (ic.type !== 'http-application-routing') continue;
      ctx.report({
        message: `ingress controller ${ic.name} in cluster ${ctx.q.name(ic.cluster)} uses the HTTP application routing add-on, ${d.past ? 'retired' : 'retiring'} ${HTTP_APP_ROUTING_END} (${d.relative})`,
        element: ic.id,
        property: 'type',
        severity: d.severity,
        evidence: { controller: ic.name, date: HTTP_APP_ROUTING_END, asOf: ctx.asOf },
      });
    }
    // The add-on stated on the cluster, when no controller of that type stands for it.
    for (const c of ctx.q.all('cluster')) {
      if (!c.addons.httpApplicationRouting) continue;
      if (ctx.q.all('ingressController').some((ic) => ic.cluster === c.id && ic.type === 'http-application-routing')) continue;
      ctx.report({
        message: `cluster ${c.name} enables the HTTP application routing add-on, ${d.past ? 'retired' : 'retiring'} ${HTTP_APP_ROUTING_END} (${d.relative})`,
        element: c.id,
        property: 'addons.httpApplicationRouting',
        severity: d.severity,
        evidence: { cluster: c.name, date: HTTP_APP_ROUTING_END, asOf: ctx.asOf },
      });
    }
  },
});
