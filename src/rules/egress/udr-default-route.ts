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
    messages: {
      noRouteTable:
        'node subnet {{subnet}} ({{cidr}}) of cluster {{cluster}} has no route table, but outbound type ' +
        'userDefinedRouting needs a 0.0.0.0/0 route to {{target}}',
      noDefaultRoute:
        'route table {{routeTable}} on node subnet {{subnet}} of cluster {{cluster}} has no 0.0.0.0/0 route ' +
        '({{routes}} route{{plural}}), but outbound type userDefinedRouting needs one to {{target}}',
      wrongNextHopType:
        'route {{route}} (0.0.0.0/0) in {{routeTable}} on node subnet {{subnet}} of cluster {{cluster}} goes to ' +
        'next hop {{nextHopType}}; userDefinedRouting needs a virtual appliance (or gateway) as next hop',
      otherAppliance:
        'route {{route}} (0.0.0.0/0) in {{routeTable}} on node subnet {{subnet}} goes to {{routeTarget}}, but ' +
        'cluster {{cluster}} declares its egress through {{declared}} ({{declaredIp}})',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      if (c.outbound.type !== 'userDefinedRouting') continue;
      // Undefined when the reference did not resolve (the normalizer reports that).
      const via = q.getAs(c.outbound.via, 'azureFirewall') ?? q.getAs(c.outbound.via, 'nva');
      const viaIp = via?.privateIp;
      for (const s of q.nodeSubnets(c.id)) {
        const rt = q.getAs(s.routeTable, 'routeTable');
        // The cluster's outbound type and appliance, and the pools that make s a node subnet.
        const placed = [
          { element: c.id, reads: ['outbound.type', 'outbound.via', 'nodePools'] },
          ...q.pools(c.id).filter((p) => p.subnet === s.id).map((p) => ({ element: p.id, reads: ['subnet'] })),
        ];
        if (!rt) {
          ctx.report({
            messageId: 'noRouteTable',
            data: { subnet: s.name, cidr: s.cidr, cluster: c.name, target: via?.name ?? 'a firewall or NVA' },
            element: s.id,
            property: 'routeTable',
            reads: ['routeTable', 'cidr'],
            dependsOn: placed,
            evidence: { cluster: c.name, subnet: s.name },
          });
          continue;
        }
        const index = rt.routes.findIndex((r) => r.prefix === '0.0.0.0/0');
        const route = rt.routes[index]; // undefined for index -1
        if (!route) {
          ctx.report({
            messageId: 'noDefaultRoute',
            data: {
              routeTable: rt.name,
              subnet: s.name,
              cluster: c.name,
              routes: rt.routes.length,
              plural: rt.routes.length === 1 ? '' : 's',
              target: via?.name ?? 'a firewall or NVA',
            },
            element: rt.id,
            property: 'routes',
            reads: ['routes'],
            dependsOn: [...placed, { element: s.id, reads: ['routeTable'] }],
            evidence: { cluster: c.name, subnet: s.name, routes: rt.routes.length },
          });
          continue;
        }
        const routePath = `${rt.source.path}.routes[${index}]`;
        if (route.nextHopType !== 'VirtualAppliance' && route.nextHopType !== 'VirtualNetworkGateway') {
          ctx.report({
            messageId: 'wrongNextHopType',
            data: { route: route.name, routeTable: rt.name, subnet: s.name, cluster: c.name, nextHopType: route.nextHopType },
            path: routePath,
            property: 'nextHop',
            // The table's routes (a route dropped before it would shift its place), as the other verdicts here.
            element: rt.id,
            reads: ['routes'],
            dependsOn: [...placed, { element: s.id, reads: ['routeTable'] }],
            evidence: { cluster: c.name, subnet: s.name, nextHopType: route.nextHopType },
          });
          continue;
        }
        // A gateway route names no appliance (no resource, no address), so it never counts as another one.
        if (!via) continue;
        const other = route.nextHopResource
          ? route.nextHopResource !== via.id
          : !!viaIp && !!route.nextHopAddress && route.nextHopAddress !== viaIp;
        if (other) {
          const target = route.nextHopResource ? q.name(route.nextHopResource) : route.nextHopAddress!;
          ctx.report({
            messageId: 'otherAppliance',
            data: {
              route: route.name,
              routeTable: rt.name,
              subnet: s.name,
              routeTarget: target,
              cluster: c.name,
              declared: via.name,
              declaredIp: viaIp ?? '?',
            },
            path: routePath,
            property: 'nextHop',
            element: rt.id,
            reads: ['routes'],
            dependsOn: [...placed, { element: s.id, reads: ['routeTable'] }],
            evidence: { cluster: c.name, subnet: s.name, routeTarget: target, declared: via.name },
          });
        }
      }
    }
  },
});
