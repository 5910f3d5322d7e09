import { defineRule } from '../../validate/rule.js';
import { isProduction } from '../egress/_egress.js';
import { authorizedRanges, isPublic, restricts } from './_api.js';

/**
 * A production cluster whose public API server endpoint is already narrowed by authorized IP ranges. An endpoint
 * open to the whole internet (no ranges, or 0.0.0.0/0) is control-plane/public-without-authorized-ranges' warning,
 * whose fix already offers a private API server; saying it again here would count one fact twice. What is left for
 * this note is the step beyond ranges: a private or private VNet-integrated API server has no internet endpoint at
 * all. Only a stated production environment is judged; a design that does not state its environment leaves the check
 * open (unverified, naming metadata.environment), not passed. It is info, since a public API server with tight ranges
 * is a legitimate, documented choice.
 */
export default defineRule({
  meta: {
    id: 'control-plane/production-api-server-exposure',
    title: 'Production clusters consider a private or VNet-integrated private API server',
    severity: 'info',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06'],
    rationale:
      'Authorized IP ranges narrow who can open a connection to a public API server, but the endpoint stays on the ' +
      'internet and its FQDN resolves publicly. For production, a private cluster or API Server VNet Integration with ' +
      'private access takes the control plane off the internet; the Azure Well-Architected service guide for AKS ' +
      'recommends it. A public endpoint with no ranges (or 0.0.0.0/0) is reported by ' +
      'control-plane/public-without-authorized-ranges instead, so this note speaks only of endpoints already restricted.',
    fix:
      "Use apiServer: { mode: 'private' } or { mode: 'vnet-integration', private: true }, with a jump box, Bastion or " +
      'self-hosted build agents for access. To stay public with authorized ranges, accept the risk in review.acceptedRisks ' +
      '(a decision record alone does not: aksnet does not read decisions), naming the decision in its justification.',
    example: "apiServer: { mode: 'vnet-integration', subnet: apiServerSubnet, private: true }",
    references: [
      { title: 'Create a private AKS cluster', url: 'https://learn.microsoft.com/azure/aks/private-clusters' },
      { title: 'API Server VNet Integration', url: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration' },
      { title: 'Architecture best practices for AKS (Well-Architected)', url: 'https://learn.microsoft.com/azure/well-architected/service-guides/azure-kubernetes-service' },
    ],
    messages: {
      publicEndpoint:
        'cluster {{cluster}} in a {{environment}} design keeps a public API server endpoint ({{how}}); the ranges ' +
        'narrow who can connect, but a private cluster or private VNet integration removes the internet endpoint',
    },
  },
  check(ctx) {
    const environment = ctx.model.metadata.environment?.trim() ?? '';
    // Left out, the environment is unknown: not production, and not passed either.
    if (environment !== '' && !isProduction(ctx.model)) return;
    for (const c of ctx.q.all('cluster')) {
      if (!isPublic(c)) continue;
      const ranges = authorizedRanges(c);
      if (!restricts(ranges)) continue;
      const how =
        (c.apiServer.mode === 'public' ? 'public mode' : 'VNet integration with public access') +
        `, limited to ${ranges.length} authorized range${ranges.length === 1 ? '' : 's'}`;
      if (environment === '') {
        ctx.unverified({
          element: c.id,
          path: 'metadata',
          property: 'environment',
          check: `cluster ${c.name}, whose API server keeps a public endpoint (${how}), is not a production cluster`,
          fact: 'the environment the design is for (production or not)',
          reads: ['apiServer'],
        });
        continue;
      }
      ctx.report({
        element: c.id,
        property: 'apiServer',
        // The verdict reads the API server settings only: an invalid outbound or network field does not hold it.
        reads: ['apiServer'],
        messageId: 'publicEndpoint',
        data: { cluster: c.name, environment, how },
        evidence: { cluster: c.name, mode: c.apiServer.mode, authorizedRanges: ranges.length },
      });
    }
  },
});
