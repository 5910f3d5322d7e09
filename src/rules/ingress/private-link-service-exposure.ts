import { defineRule } from '../../validate/rule.js';

/** The service's visibility and auto-approval list (and name). */
const READS = ['name', 'visibility', 'autoApproval'];

export default defineRule({
  meta: {
    id: 'ingress/private-link-service-exposure',
    title: 'A Private Link Service visible to every subscription does not auto-approve connections',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06', 'SE:04'],
    rationale:
      "With visibility '*' anyone who learns the service alias can find the service and request a private endpoint " +
      'into the cluster ingress. Combined with auto-approval, connection requests from the listed subscriptions join ' +
      'without review, so the set of consumers is governed only by the auto-approval list and the alias staying secret. ' +
      'Restricting visibility to the subscriptions that consume the service keeps the two lists in step.',
    fix:
      "List the consuming subscriptions in visibility instead of '*', or leave autoApproval empty and approve each " +
      'connection request (as for a Front Door Private Link origin).',
    example:
      "privateLinkService({ name: 'pls-ingress', subnet: plsSubnet, loadBalancer: ilb, " +
      "visibility: ['00000000-0000-0000-0000-000000000001'], autoApproval: ['00000000-0000-0000-0000-000000000001'] });",
    references: [
      { title: 'What is Azure Private Link service? (visibility and auto-approval)', url: 'https://learn.microsoft.com/azure/private-link/private-link-service-overview' },
      { title: 'Manage private endpoint connections on a Private Link service', url: 'https://learn.microsoft.com/azure/private-link/manage-private-endpoint' },
    ],
    messages: {
      anyWithAutoApproval:
        "Private Link Service {{service}} is visible to every subscription ('*') and auto-approves connections from " +
        '{{count}} subscription{{s}}; restrict visibility to the consuming subscriptions',
    },
  },
  check(ctx) {
    for (const pls of ctx.q.all('privateLinkService')) {
      if (pls.visibility === undefined) {
        if (pls.autoApproval.length > 0) {
          const check = `Private Link Service ${pls.name} is not visible to every subscription while it auto-approves connections`;
          ctx.unverified({ element: pls.id, reads: READS, property: 'visibility', check });
        }
        continue;
      }
      if (pls.visibility !== '*' || pls.autoApproval.length === 0) continue;
      const count = pls.autoApproval.length;
      ctx.report({
        messageId: 'anyWithAutoApproval',
        data: { service: pls.name, count, s: count === 1 ? '' : 's' },
        element: pls.id,
        reads: READS,
        property: 'visibility',
        evidence: { service: pls.name, autoApproved: count },
      });
    }
  },
});
