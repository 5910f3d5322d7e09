import { defineRule } from '../../validate/rule.js';
import { hopNames, isWebPath } from './_ingress.js';

export default defineRule({
  meta: {
    id: 'ingress/waf-missing',
    title: 'Internet-facing web ingress paths pass through a WAF',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06', 'SE:08'],
    rationale:
      'Web UIs and APIs exposed to the internet attract injection, scanning and bot traffic. A web application ' +
      'firewall at the edge (Front Door, Application Gateway WAF_v2 or App Gateway for Containers with a WAF policy) ' +
      'blocks common attacks before they reach the cluster. A WAF inspects HTTP and gRPC only: for a TCP, TLS ' +
      'passthrough or UDP path it does not apply, and the finding is a note to confirm the service is not a web one.',
    fix: 'Attach a WAF policy in Prevention mode to the first layer-7 hop of the path (Front Door or Application Gateway WAF_v2).',
    example:
      "applicationGateway({ name: 'agw', sku: 'WAF_v2', subnet: appGwSubnet, frontend: 'public', management: " +
      "'standalone', waf: { mode: 'Prevention', managedRules: true } });",
    references: [
      { title: 'Best practices for network connectivity and security in AKS (WAF)', url: 'https://learn.microsoft.com/azure/aks/operator-best-practices-network' },
      { title: 'Web Application Firewall on Azure Application Gateway', url: 'https://learn.microsoft.com/azure/web-application-firewall/ag/ag-overview' },
    ],
    messages: {
      noWaf: 'internet-facing ingress path {{path}} ({{hops}}) has no WAF on any of its {{count}} {{hopWord}}',
      layer4:
        'internet-facing ingress path {{path}} ({{hops}}) carries {{protocol}}, which a WAF cannot inspect; if the ' +
        'service behind it speaks HTTP, route it through a WAF',
    },
  },
  check(ctx) {
    for (const p of ctx.model.ingressPaths) {
      if (!p.internetFacing || p.hops.length === 0) continue;
      if (p.hops.some((h) => h.waf !== undefined)) continue;
      const web = isWebPath(p);
      ctx.report({
        ...(web
          ? {
              messageId: 'noWaf',
              data: { path: p.name, hops: hopNames(ctx.q, p), count: p.hops.length, hopWord: p.hops.length === 1 ? 'hop' : 'hops' },
            }
          : {
              messageId: 'layer4',
              severity: 'info' as const,
              data: { path: p.name, hops: hopNames(ctx.q, p), protocol: p.hops[0]!.protocol },
            }),
        path: p.source.path,
        property: 'hops',
        evidence: { path: p.name, hops: p.hops.length },
      });
    }
  },
});
