import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'ingress/agic-shared-gateway',
    title: 'An AGIC-managed Application Gateway serves one cluster',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'operational-excellence'],
    waf: ['RE:03', 'OE:05'],
    rationale:
      'AGIC owns the whole gateway configuration and rewrites it from the Kubernetes objects of its cluster. Several clusters (or an AGIC and manual changes) fighting over one gateway overwrite each other’s listeners and backends.',
    fix: 'Give each cluster its own Application Gateway, or use App Gateway for Containers / an in-cluster ingress behind one shared, manually managed gateway.',
    example: "applicationGateway({ name: 'agw-aks-a', sku: 'WAF_v2', subnet: appGwSubnet, frontend: 'public', management: 'agic-addon' }); // used by one cluster only",
    references: [
      { title: 'Install AGIC using an existing Application Gateway (sharing)', url: 'https://azure.github.io/application-gateway-kubernetes-ingress/setup/install-existing/' },
      { title: 'What is Application Gateway Ingress Controller?', url: 'https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview' },
    ],
    messages: {
      shared:
        'Application Gateway {{gateway}} is managed by AGIC ({{management}}) and serves {{count}} clusters ' +
        '({{clusters}}); each AGIC rewrites the whole gateway',
    },
  },
  check(ctx) {
    for (const g of ctx.q.all('applicationGateway')) {
      if (g.management === 'standalone' || g.clusters.length < 2) continue;
      ctx.report({
        messageId: 'shared',
        data: {
          gateway: g.name,
          management: g.management,
          count: g.clusters.length,
          clusters: g.clusters.map((c) => ctx.q.name(c)).join(', '),
        },
        element: g.id,
        // The gateway's management; the clusters it serves come from the ingress paths (their names for the text).
        reads: ['name', 'management'],
        dependsOn: g.clusters.map((c) => ({ element: c, reads: ['name'] })),
        property: 'management',
        evidence: { gateway: g.name, clusters: g.clusters.length },
      });
    }
  },
});
