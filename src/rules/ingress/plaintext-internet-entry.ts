import type { Edge } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/plaintext-internet-entry',
    title: 'Internet clients connect over TLS',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:07'],
    rationale:
      'A listener that accepts plain HTTP from the internet exposes session cookies, credentials and personal data to anyone on the path, and invites downgrade attacks. Public listeners should accept HTTPS only and answer HTTP with a redirect.',
    fix: 'Serve the path on HTTPS (tls terminate/reencrypt at the first hop) and turn the HTTP listener into a redirect to HTTPS.',
    example: "{ via: appGw, protocol: 'https', port: 443, tls: 'reencrypt' }",
    references: [
      { title: 'Application Gateway: redirect HTTP to HTTPS', url: 'https://learn.microsoft.com/azure/application-gateway/redirect-http-to-https-portal' },
      { title: 'Best practices for network connectivity and security in AKS', url: 'https://learn.microsoft.com/azure/aks/operator-best-practices-network' },
    ],
    messages: {
      plaintextEntry:
        'internet-facing ingress path {{path}} accepts plaintext {{protocol}}:{{port}} from {{client}} at ' +
        '{{entry}} (hop 1); serve HTTPS and redirect HTTP',
    },
  },
  check(ctx) {
    const byId = new Map<string, Edge>();
    for (const e of ctx.model.edges) byId.set(e.id, e);
    for (const p of ctx.model.ingressPaths) {
      const first = p.hops[0];
      const edge = byId.get(p.edges[0] ?? '');
      if (!p.internetFacing || !first || edge?.tls !== 'plaintext') continue;
      ctx.report({
        messageId: 'plaintextEntry',
        data: {
          path: p.name,
          protocol: first.protocol,
          port: first.port,
          client: ctx.q.name(p.client),
          entry: ctx.q.name(first.resource),
        },
        path: first.source.path,
        property: 'protocol',
        evidence: { path: p.name, protocol: first.protocol, port: first.port },
      });
    }
  },
});
