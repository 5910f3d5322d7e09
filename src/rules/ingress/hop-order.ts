import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/hop-order',
    title: 'Ingress hops are in an order traffic can actually take',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:02'],
    rationale:
      'A Private Link service only forwards to the internal load balancer it exposes, and internal-only components (internal load balancers, private-only Application Gateways, Private Link services) have no address on the internet. A path that contradicts this cannot carry traffic, and diagrams and reviews built on it are wrong.',
    fix: 'Put the load balancer a Private Link service exposes directly after it, and start internet paths at a public component (Front Door, public Application Gateway or load balancer, firewall DNAT).',
    example: "hops: [{ via: frontDoor, protocol: 'https', port: 443, tls: 'reencrypt' }, { via: pls, protocol: 'https', port: 443, tls: 'passthrough' }, { via: pls.loadBalancer, protocol: 'https', port: 443, tls: 'passthrough' }, /* … */]",
    references: [
      { title: 'What is Azure Private Link service?', url: 'https://learn.microsoft.com/azure/private-link/private-link-service-overview' },
      { title: 'Use an internal load balancer with AKS', url: 'https://learn.microsoft.com/azure/aks/internal-lb' },
    ],
    messages: {
      unreachableEntry: 'internet-facing ingress path {{path}} starts at {{why}}; internet clients cannot reach hop 1',
      plsWrongNext:
        'ingress path {{path}}: Private Link service {{privateLinkService}} (hop {{hop}}) is followed by {{next}} ' +
        '(hop {{nextHop}}), but it can only forward to its load balancer {{loadBalancer}}',
      plsLast:
        'ingress path {{path}}: Private Link service {{privateLinkService}} is the last hop (hop {{hop}}); it can ' +
        'only forward to its load balancer {{loadBalancer}}, which must follow it',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const p of ctx.model.ingressPaths) {
      const first = p.hops[0];
      if (p.internetFacing && first) {
        const r = q.get(first.resource);
        let why: string | undefined;
        if (r?.kind === 'loadBalancer' && r.visibility === 'internal') why = `internal load balancer ${r.name}`;
        else if (r?.kind === 'applicationGateway' && r.frontend === 'private') why = `Application Gateway ${r.name}, which has only a private frontend`;
        else if (r?.kind === 'privateLinkService') why = `Private Link service ${r.name}, which is reachable only through private endpoints`;
        if (why) {
          ctx.report({
            messageId: 'unreachableEntry',
            data: { path: p.name, why },
            path: first.source.path,
            evidence: { path: p.name, hop: 1, resource: r?.name ?? '' },
          });
        }
      }
      p.hops.forEach((h, i) => {
        const pls = q.getAs(h.resource, 'privateLinkService'); // undefined for every other kind of hop
        if (!pls || !pls.loadBalancer) return;
        const next = p.hops[i + 1];
        if (next?.resource === pls.loadBalancer) return;
        ctx.report({
          messageId: next ? 'plsWrongNext' : 'plsLast',
          data: {
            path: p.name,
            privateLinkService: pls.name,
            hop: h.step,
            next: next ? q.name(next.resource) : '',
            nextHop: next?.step ?? '',
            loadBalancer: q.name(pls.loadBalancer),
          },
          path: (next ?? h).source.path,
          evidence: { path: p.name, hop: h.step, privateLinkService: pls.name, loadBalancer: q.name(pls.loadBalancer) },
        });
      });
    }
  },
});
