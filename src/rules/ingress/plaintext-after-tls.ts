import { isEncrypted, pathSegments, undecidedBy } from '../../model/tls.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/plaintext-after-tls',
    title: 'Internet traffic stays encrypted after the public TLS hop',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:07', 'SE:06'],
    rationale:
      'A path that terminates TLS at the edge and continues in plaintext exposes credentials and personal data on every network segment behind it (hub, spoke, node and pod networks). End-to-end TLS, or mTLS inside the mesh, keeps the data encrypted all the way to the pod.',
    fix: "Re-encrypt after termination (tls: 'reencrypt') on the hop that terminates, or enforce mesh mTLS (serviceMesh mtls STRICT) for the last leg.",
    example: "{ via: appGw, protocol: 'https', port: 443, tls: 'reencrypt' }",
    references: [
      { title: 'TLS termination and end-to-end TLS with Application Gateway', url: 'https://learn.microsoft.com/azure/application-gateway/ssl-overview' },
      { title: 'Best practices for network connectivity and security in AKS', url: 'https://learn.microsoft.com/azure/aks/operator-best-practices-network' },
    ],
    messages: {
      plaintextBehindTls:
        'ingress path {{path}} arrives encrypted but {{from}} (hop {{hop}}, tls {{tls}}) forwards plaintext ' +
        '{{protocol}}:{{port}} to {{to}}',
    },
  },
  check(ctx) {
    for (const p of ctx.model.ingressPaths) {
      if (!p.internetFacing) continue;
      const segments = pathSegments(ctx.model, p);
      let encrypted = false;
      for (let i = 0; i < segments.length; i++) {
        const s = segments[i]!;
        const e = s.edge;
        if (isEncrypted(s.tls)) {
          encrypted = true;
          continue;
        }
        if (!encrypted || i === 0) continue;
        if (s.tls === undefined) {
          // Encrypted or not depends on the mesh's mTLS mode: neither a warning nor a pass until it is stated.
          const why = undecidedBy(ctx.model, p, s);
          if (why) {
            ctx.unverified({
              element: why.element,
              property: why.property,
              check: `ingress path ${p.name} stays encrypted from ${ctx.q.name(s.from)} to ${ctx.q.name(s.to)} inside the service mesh of cluster ${why.name}`,
              // The path's hops and target decide that the leg is inside the mesh.
              dependsOn: [p.id],
            });
            break;
          }
          continue;
        }
        const prev = p.hops[i - 1];
        if (!prev) continue;
        const to = ctx.q.name(e.to);
        ctx.report({
          messageId: 'plaintextBehindTls',
          data: {
            path: p.name,
            from: ctx.q.name(prev.resource),
            hop: prev.step,
            tls: prev.tls,
            protocol: e.protocol ?? '?',
            port: e.port ?? '?',
            to,
          },
          path: prev.source.path,
          property: 'tls',
          evidence: { path: p.name, hop: prev.step, from: ctx.q.name(prev.resource), to, protocol: e.protocol ?? '', port: e.port ?? 0 },
        });
        break;
      }
    }
  },
});
