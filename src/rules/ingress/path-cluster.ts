import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/path-cluster',
    title: "An ingress path's in-cluster hops run in the cluster it ends in",
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:02'],
    rationale:
      "An AKS-managed load balancer is created for a Service of one cluster and sends traffic to that cluster's " +
      "nodes; an ingress controller routes only to Services of the cluster it runs in. A path whose load balancer or " +
      'controller belongs to another cluster than the Service it ends at cannot carry traffic, and the diagrams and ' +
      'the review built on it describe a route that does not exist.',
    fix:
      "Use the load balancer and ingress controller of the target Service's cluster, or end the path at a Service " +
      'of the cluster its hops run in.',
    example:
      "const nginx = ingressController({ name: 'nginx', type: 'nginx', cluster: aks, replicas: 2 });\n" +
      "ingressPath({ name: 'web', from: { kind: 'internet' }, hops: [{ via: nginx, protocol: 'https', port: 443, tls: 'terminate' }], " +
      "to: { cluster: aks, namespace: 'web', service: 'web', protocol: 'http', port: 8080, tls: 'plain' } });",
    references: [
      { title: 'Use an internal load balancer with AKS', url: 'https://learn.microsoft.com/azure/aks/internal-lb' },
      { title: 'Ingress controllers in AKS', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ingress' },
    ],
    messages: {
      otherCluster:
        'ingress path {{path}}: hop {{hop}}, {{what}} {{name}}, runs in cluster {{other}}, but the path ends in ' +
        'cluster {{cluster}}; it cannot forward to another cluster',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const p of ctx.model.ingressPaths) {
      if (!p.cluster) continue;
      for (const h of p.hops) {
        const r = q.get(h.resource);
        let owner: Id | undefined;
        let what = '';
        if (r?.kind === 'loadBalancer' && r.cluster) [owner, what] = [r.cluster, 'load balancer'];
        else if (r?.kind === 'ingressController') [owner, what] = [r.cluster, 'ingress controller'];
        if (!owner || owner === p.cluster || !q.get(owner)) continue;
        ctx.report({
          messageId: 'otherCluster',
          element: r!.id,
          // The hop's cluster; both clusters by name.
          reads: ['name', 'cluster'],
          dependsOn: [...new Set([owner, p.cluster])].map((id) => ({ element: id, reads: ['name'] })),
          data: { path: p.name, hop: h.step, what, name: r!.name, other: q.name(owner), cluster: q.name(p.cluster) },
          path: h.source.path,
          evidence: { path: p.name, hop: h.step, cluster: q.name(owner) },
        });
      }
    }
  },
});
