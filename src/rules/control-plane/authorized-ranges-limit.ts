import { defineRule } from '../../validate/rule.js';
import { authorizedRanges } from './_api.js';

export default defineRule({
  meta: {
    id: 'control-plane/authorized-ranges-limit',
    title: 'Authorized IP ranges stay within the AKS limit (200, or 2,000 with VNet integration)',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['security', 'operational-excellence'],
    waf: ['SE:06', 'OE:05'],
    rationale: 'AKS accepts at most 200 authorized IP ranges on a public API server, or 2,000 with API Server VNet Integration; longer lists are rejected on update.',
    fix: 'Aggregate ranges into larger prefixes, route admins and agents through a few egress IPs (NAT gateway, firewall), or use a private cluster.',
    example: `apiServer: { mode: 'public', authorizedIpRanges: ['203.0.113.0/24'] }`,
    references: [{ title: 'Secure access to the API server using authorized IP address ranges: limitations', url: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges' }],
    messages: {
      tooMany: 'API server of {{cluster}} lists {{ranges}} authorized IP ranges; AKS allows at most {{limit}}{{context}}',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const ranges = authorizedRanges(c);
      const limit = c.apiServer.mode === 'vnet-integration' ? 2000 : 200;
      if (ranges.length <= limit) continue;
      ctx.report({
        messageId: 'tooMany',
        data: {
          cluster: c.name,
          ranges: ranges.length,
          limit,
          context: limit === 2000 ? ' with API Server VNet Integration' : '',
        },
        element: c.id,
        reads: ['apiServer'],
        property: 'apiServer.authorizedIpRanges',
        evidence: { ranges: ranges.length, limit },
      });
    }
  },
});
