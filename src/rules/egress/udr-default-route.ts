import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'egress/udr-default-route',
    title: 'userDefinedRouting needs a 0.0.0.0/0 route to an appliance on every node subnet',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['security', 'reliability'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'With outbound type userDefinedRouting AKS creates no outbound public IP and relies entirely on your route table. ' +
      'A node subnet without a default route, or with a default route that points at the Internet or nowhere, leaves nodes without a working or inspected egress path; AKS refuses a default route to Internet.',
    fix: 'Associate one route table with every node subnet and give it a 0.0.0.0/0 route whose next hop is the firewall or NVA named in the cluster outbound setting.',
    example: [
      "const rt = routeTable({ name: 'rt-egress', routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: firewall }] });",
      "const nodes = subnet({ name: 'snet-nodes', cidr: '10.1.0.0/22', routeTable: rt });",
      "cluster({ /* … */ outbound: { type: 'userDefinedRouting', via: firewall } });",
    ].join('\n'),
    references: [
      { title: 'Customize cluster egress with a user-defined routing table', url: 'https://learn.microsoft.com/azure/aks/egress-udr' },
      { title: 'Customize cluster egress with outbound types', url: 'https://learn.microsoft.com/azure/aks/egress-outboundtype' },
    ],
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      if (c.outbound.type !== 'userDefinedRouting') continue;
      const via = c.outbound.via ? q.get(c.outbound.via) : undefined;
      const viaIp = via && (via.kind === 'azureFirewall' || via.kind === 'nva') ? via.privateIp : undefined;
      for (const s of q.nodeSubnets(c.id)) {
        const rt = q.getAs(s.routeTable, 'routeTable');
        if (!rt) {
          ctx.report({
            message: `node subnet ${s.name} (${s.cidr}) of cluster ${c.name} has no route table, but outbound type userDefinedRouting needs a 0.0.0.0/0 route to ${via?.name ?? 'a firewall or NVA'}`,
            element: s.id,
            property: 'routeTable',
            evidence: { cluster: c.name, subnet: s.name },
          });
          continue;
        }
        const index = rt.routes.findIndex((r) => r.prefix === '0.0.0.0/0');
        const route = index >= 0 ? rt.routes[index] : undefined;
        if (!route) {
          ctx.report({
            message: `route table ${rt.name} on node subnet ${s.name} of cluster ${c.name} has no 0.0.0.0/0 route (${rt.routes.length} route${rt.routes.length === 1 ? '' : 's'}), but outbound type userDefinedRouting needs one to ${via?.name ?? 'a firewall or NVA'}`,
            element: rt.id,
            property: 'routes',
            evidence: { cluster: c.name, subnet: s.name, routes: rt.routes.length },
          });
          continue;
        }
        const routePath = `${rt.source.path}.routes[${index}]`;
        if (route.nextHopType !== 'VirtualAppliance' && route.nextHopType !== 'VirtualNetworkGateway') {
          ctx.report({
            message: `route ${route.name} (0.0.0.0/0) in ${rt.name} on node subnet ${s.name} of cluster ${c.name} goes to next hop ${route.nextHopType}; userDefinedRouting needs a virtual appliance (or gateway) as next hop`,
            path: routePath,
            property: 'nextHop',
            evidence: { cluster: c.name, subnet: s.name, nextHopType: route.nextHopType },
          });
          continue;
        }
        if (route.nextHopType !== 'VirtualAppliance' || !via) continue;
        const other = route.nextHopResource
          ? route.nextHopResource !== via.id
          : !!viaIp && !!route.nextHopAddress && route.nextHopAddress !== viaIp;
        if (other) {
          const target = route.nextHopResource ? q.name(route.nextHopResource) : route.nextHopAddress;
          ctx.report({
            message: `route ${route.name} (0.0.0.0/0) in ${rt.name} on node subnet ${s.name} goes to ${target}, but cluster ${c.name} declares its egress through ${via.name} (${viaIp ?? '?'})`,
            path: routePath,
            property: 'nextHop',
            evidence: { cluster: c.name, subnet: s.name, routeTarget: target ?? '', declared: via.name },
          });
        }
      }
    }
  },
});
