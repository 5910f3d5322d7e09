import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/chained-l7-proxies',
    title: 'Three or more layer-7 proxies in one ingress path',
    severity: 'info',
    kind: 'best-practice',
    pillars: ['performance-efficiency', 'cost-optimization', 'reliability'],
    waf: ['PE:09', 'CO:07', 'RE:01'],
    rationale:
      'Every layer-7 hop parses HTTP, usually terminates and re-opens TLS, and adds latency, cost, certificates and a place where timeouts, header limits and health probes must agree. Three in a row (for example Front Door → Application Gateway → NGINX) is sometimes justified but worth a conscious decision.',
    fix: 'Check whether each proxy adds something the others do not (global routing, WAF, in-cluster routing); for example Front Door Premium → Private Link → internal load balancer → ingress controller removes the middle gateway.',
    example: [
      'hops: [',
      "  { via: frontDoor, protocol: 'https', port: 443, tls: 'reencrypt' }, // WAF + global routing",
      "  { via: pls, protocol: 'https', port: 443, tls: 'passthrough' },",
      "  { via: ilb, protocol: 'https', port: 443, tls: 'passthrough' },",
      "  { via: gateway, protocol: 'https', port: 443, tls: 'reencrypt' }, // in-cluster routing",
      ']',
    ].join('\n'),
    references: [
      { title: 'Architecture best practices for AKS (Performance Efficiency)', url: 'https://learn.microsoft.com/azure/well-architected/service-guides/azure-kubernetes-service' },
      { title: 'Zero-trust network for web applications with Azure Firewall and Application Gateway', url: 'https://learn.microsoft.com/azure/architecture/example-scenario/gateway/application-gateway-before-azure-firewall' },
      { title: 'Best practices for network connectivity and security in AKS', url: 'https://learn.microsoft.com/azure/aks/operator-best-practices-network' },
    ],
    messages: {
      chained:
        'ingress path {{path}} goes through {{count}} layer-7 proxies ({{proxies}}); each adds latency, TLS work ' +
        'and configuration to keep in step',
    },
  },
  check(ctx) {
    for (const p of ctx.model.ingressPaths) {
      const l7 = p.hops.filter((h) => h.layer7);
      if (l7.length < 3) continue;
      ctx.report({
        messageId: 'chained',
        data: { path: p.name, count: l7.length, proxies: l7.map((h) => ctx.q.name(h.resource)).join(' → ') },
        path: p.source.path,
        property: 'hops',
        evidence: { path: p.name, layer7Hops: l7.length },
      });
    }
  },
});
