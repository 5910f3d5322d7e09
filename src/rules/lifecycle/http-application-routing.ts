import { RETIREMENTS } from '../../model/data/retirements.js';
import { defineDatedRule } from './_lifecycle.js';

/** Kept for callers that name the date. */
export const HTTP_APP_ROUTING_END = RETIREMENTS.httpApplicationRouting.date;

export default defineDatedRule({
  retirement: RETIREMENTS.httpApplicationRouting,
  meta: {
    id: 'lifecycle/http-application-routing',
    title: 'HTTP application routing add-on is retired (2025-03-03)',
    pillars: ['security', 'reliability'],
    waf: ['SE:08', 'RE:03'],
    rationale:
      'The HTTP application routing add-on was a development-only feature with public DNS zones and no production support; it was retired on 3 March 2025 and is no longer available or patched.',
    fix: 'Use the application routing add-on (Gateway API), Application Gateway for Containers, or another maintained ingress.',
    example: "ingressController({ name: 'gw', type: 'app-routing-gateway-api', cluster: aks, replicas: 3, zoneSpread: true });",
    references: [
      { title: 'HTTP application routing add-on for AKS (retired)', url: 'https://learn.microsoft.com/azure/aks/http-application-routing' },
      { title: 'Managed NGINX ingress with the application routing add-on', url: 'https://learn.microsoft.com/azure/aks/app-routing' },
    ],
    messages: {
      addOn:
        'ingress controller {{controller}} in cluster {{cluster}} uses the HTTP application routing add-on, {{retiring}} {{date}} ({{when}})',
      clusterAddOn: 'cluster {{cluster}} enables the HTTP application routing add-on, {{retiring}} {{date}} ({{when}})',
    },
  },
  check(ctx, when) {
    for (const ic of ctx.q.all('ingressController')) {
      if (ic.type !== 'http-application-routing') continue;
      ctx.report({
        messageId: 'addOn',
        data: { controller: ic.name, cluster: ctx.q.name(ic.cluster), retiring: when.past ? 'retired' : 'retiring' },
        element: ic.id,
        reads: ['type'],
        property: 'type',
        evidence: { controller: ic.name },
      });
    }
    // The add-on stated on the cluster, when no controller of that type stands for it.
    for (const c of ctx.q.all('cluster')) {
      if (!c.addons.httpApplicationRouting) continue;
      const controllers = ctx.q.all('ingressController').filter((ic) => ic.cluster === c.id);
      if (controllers.some((ic) => ic.type === 'http-application-routing')) continue;
      ctx.report({
        messageId: 'clusterAddOn',
        data: { cluster: c.name, retiring: when.past ? 'retired' : 'retiring' },
        element: c.id,
        reads: ['addons.httpApplicationRouting'],
        // Whether a controller stands for the add-on reads the controllers' types.
        dependsOn: controllers.map((ic) => ({ element: ic.id, reads: ['type'] })),
        property: 'addons.httpApplicationRouting',
        evidence: { cluster: c.name },
      });
    }
  },
});
