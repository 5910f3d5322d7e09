import { defineRule } from '../../validate/rule.js';
import { apiServerDefaulted, authorizedRanges, isPublic } from './_api.js';

export default defineRule({
  meta: {
    id: 'control-plane/public-without-authorized-ranges',
    title: 'A public API server is restricted to authorized IP ranges',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06', 'SE:04'],
    rationale:
      'A public API server without authorized ranges accepts connections from the whole internet; credentials and Kubernetes vulnerabilities are then the only line of defence. Restricting the source ranges to admins, build agents and the cluster egress IPs removes most of that attack surface.',
    fix: 'Set apiServer.authorizedIpRanges to the egress ranges of administrators, CI agents and the cluster’s own egress, or make the cluster private / VNet-integrated private.',
    example: `apiServer: { mode: 'public', authorizedIpRanges: ['203.0.113.0/28', '198.51.100.7/32'] }`,
    references: [
      { title: 'Secure access to the API server using authorized IP address ranges', url: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges' },
      { title: 'Create a private AKS cluster', url: 'https://learn.microsoft.com/azure/aks/private-clusters' },
    ],
    messages: {
      unrestricted:
        'API server of {{cluster}} is public with {{open}}{{defaulted}}; anyone on the internet can reach it',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (!isPublic(c)) continue;
      const ranges = authorizedRanges(c);
      const open = ranges.length === 0 ? 'no authorized IP ranges' : ranges.includes('0.0.0.0/0') ? 'authorized range 0.0.0.0/0' : undefined;
      if (!open) continue;
      const defaulted = apiServerDefaulted(ctx.model, c);
      ctx.report({
        messageId: 'unrestricted',
        data: { cluster: c.name, open, defaulted: defaulted ? ' (the AKS default)' : '' },
        element: c.id,
        reads: ['apiServer'],
        ...(defaulted ? {} : { property: ranges.length ? 'apiServer.authorizedIpRanges' : 'apiServer' }),
        evidence: { mode: c.apiServer.mode, authorizedRanges: ranges.length },
      });
    }
  },
});
