import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'control-plane/private-dns-none-without-public-fqdn',
    title: 'A private cluster without a private DNS zone keeps its public FQDN',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'operational-excellence'],
    waf: ['RE:03', 'OE:05'],
    rationale:
      'With privateDnsZone none, AKS creates no private zone and clients can only resolve the API server through the public FQDN that points at the private IP. Disabling the public FQDN as well leaves no name to resolve; AKS does not support the combination.',
    fix: "Keep publicFqdn: true with privateDnsZone 'none', or use privateDnsZone 'system' (or your own privatelink.<region>.azmk8s.io zone).",
    example: `apiServer: { mode: 'private', privateDnsZone: 'system', publicFqdn: false }`,
    references: [{ title: 'Create a private AKS cluster: private DNS zone options', url: 'https://learn.microsoft.com/azure/aks/private-clusters' }],
    messages: {
      unresolvable:
        'private cluster {{cluster}} sets privateDnsZone none and publicFqdn false; nothing would resolve its API ' +
        'server name',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const a = c.apiServer;
      if (a.mode !== 'private' || a.privateDnsZone !== 'none' || a.publicFqdn) continue;
      ctx.report({
        messageId: 'unresolvable',
        data: { cluster: c.name },
        element: c.id,
        reads: ['apiServer'],
        property: 'apiServer.publicFqdn',
        evidence: { privateDnsZone: 'none', publicFqdn: false },
      });
    }
  },
});
