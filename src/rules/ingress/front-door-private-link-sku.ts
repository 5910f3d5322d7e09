import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/front-door-private-link-sku',
    title: 'Front Door with a Private Link origin is Premium',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['security'],
    waf: ['SE:06', 'SE:04'],
    rationale:
      'Only Azure Front Door Premium can reach an origin privately through a Private Link service (for example an AKS internal load balancer). Standard and classic profiles can only use public origins, so the path as designed cannot be built.',
    fix: "Use sku 'Premium' for the Front Door profile, or give the origin a public endpoint locked down to the AzureFrontDoor.Backend service tag.",
    example: "frontDoor({ name: 'afd-global', sku: 'Premium', waf: { mode: 'Prevention', managedRules: true } });",
    references: [
      { title: 'Secure your origin with Private Link in Azure Front Door Premium', url: 'https://learn.microsoft.com/azure/frontdoor/private-link' },
    ],
    messages: {
      privateLinkNeedsPremium:
        'Front Door {{frontDoor}} ({{sku}}) forwards path {{path}} to Private Link service {{privateLinkService}} ' +
        '(hop {{hop}}); Private Link origins need Front Door Premium',
    },
  },
  check(ctx) {
    const done = new Set<Id>();
    for (const p of ctx.model.ingressPaths) {
      p.hops.forEach((h, i) => {
        const next = p.hops[i + 1];
        if (h.resourceKind !== 'frontDoor' || next?.resourceKind !== 'privateLinkService') return;
        const fd = ctx.q.getAs(h.resource, 'frontDoor');
        if (!fd || fd.sku === 'Premium' || done.has(fd.id)) return;
        done.add(fd.id);
        ctx.report({
          messageId: 'privateLinkNeedsPremium',
          data: { frontDoor: fd.name, sku: fd.sku, path: p.name, privateLinkService: ctx.q.name(next.resource), hop: next.step },
          element: fd.id,
          reads: ['name', 'sku'],
          // The path: a hop dropped between the two (a via that is no part) would make them look adjacent.
          dependsOn: [{ element: next.resource, reads: ['name'] }, p.id],
          property: 'sku',
          evidence: { frontDoor: fd.name, sku: fd.sku, privateLinkService: ctx.q.name(next.resource) },
        });
      });
    }
  },
});
