import { defineRule } from '../../validate/rule.js';
import { isProduction } from '../egress/_egress.js';

/**
 * A production cluster whose API server has a public endpoint (public mode, or VNet integration with
 * public access). Authorized IP ranges narrow it, but a private or private VNet-integrated API server
 * removes the internet endpoint altogether. Only a stated production environment is judged; the note
 * is info, since a public API server with tight ranges is a legitimate, documented choice.
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
      'A public API server endpoint is reachable from the internet, limited only by authorized IP ranges and ' +
      'authentication. For production, a private cluster or API Server VNet Integration with private access keeps ' +
      'the control plane off the internet; the Azure Well-Architected service guide for AKS recommends it.',
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
        'cluster {{cluster}} in a {{environment}} design exposes a public API server endpoint ({{how}}); consider a ' +
        'private cluster or private VNet integration',
    },
  },
  check(ctx) {
    if (!isProduction(ctx.model)) return;
    const environment = ctx.model.metadata.environment ?? '';
    for (const c of ctx.q.all('cluster')) {
      const a = c.apiServer;
      const publicEndpoint = a.mode === 'public' || (a.mode === 'vnet-integration' && !a.private);
      if (!publicEndpoint) continue;
      const ranges = a.authorizedIpRanges.length;
      const how =
        (a.mode === 'public' ? 'public mode' : 'VNet integration with public access') +
        (ranges > 0 ? `, ${ranges} authorized range${ranges === 1 ? '' : 's'}` : ', no authorized ranges');
      ctx.report({
        element: c.id,
        property: 'apiServer',
        messageId: 'publicEndpoint',
        data: { cluster: c.name, environment, how },
        evidence: { cluster: c.name, mode: a.mode, authorizedRanges: ranges },
      });
    }
  },
});
