import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'structure/ingress-path-hops',
    title: 'An ingress path passes through at least one hop',
    severity: 'error',
    kind: 'structure',
    pillars: ['operational-excellence'],
    waf: ['OE:05'],
    rationale:
      'Traffic never reaches pods in an AKS cluster without passing something: a load balancer, an ingress controller or a gateway. An ingress path with an empty hop list describes no route, so TLS, WAF and exposure checks would have nothing to judge and the diagram would draw a line that does not exist.',
    fix: 'List the hops in order, from the first one the client reaches to the ingress in front of the workload.',
    references: [{ title: 'Ingress and egress for AKS (networking concepts)', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ingress' }],
    messages: { noHops: 'ingress path {{path}} has no hops' },
  },
  check(ctx) {
    for (const p of ctx.model.ingressPaths) {
      if (p.hops.length === 0) ctx.report({ messageId: 'noHops', data: { path: p.name }, path: `${p.source.path}.hops` });
    }
  },
});
