import { routingOf } from '../../model/egress.js';
import { routeFor, type EffectiveRoute } from '../../model/routing.js';
import { defineRule } from '../../validate/rule.js';
import { mergeDeps, routingDeps } from './_reads.js';

/** Reverse proxies in front of a cluster: the nodes see the proxy's private address as the source. */
const PROXY_KINDS = new Set(['applicationGateway', 'agc', 'apiManagement']);

export default defineRule({
  meta: {
    id: 'egress/asymmetric-return-route',
    title: 'Replies from the nodes to an ingress gateway take the same path as the requests',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:02', 'SE:06'],
    rationale:
      'Application Gateway, Application Gateway for Containers and API Management proxy requests to the cluster from ' +
      'their own private addresses, so the nodes reply to the gateway subnet. When the effective route of the node ' +
      'subnet sends the gateway subnet to a firewall or NVA while the gateway reaches the nodes directly, the ' +
      'appliance sees only the replies, has no state for them and drops them (asymmetric routing); a None route ' +
      'drops them outright.',
    fix:
      'Route both directions through the same appliance (a matching user route on the gateway subnet) or neither: ' +
      'remove the user route that covers the gateway subnet from the node subnet route table.',
    example: [
      "// node subnet route table: only the default route goes to the firewall; the App Gateway subnet stays VnetLocal",
      "routeTable({ name: 'rt-aks', routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: firewall }] });",
    ].join('\n'),
    references: [
      {
        title: 'Virtual network traffic routing (how Azure selects a route)',
        url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview',
      },
      {
        title: 'Application Gateway infrastructure configuration: supported user-defined routes',
        url: 'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure',
      },
    ],
    messages: {
      dropped:
        'node subnet {{subnet}} drops replies to {{gateway}} in {{proxySubnet}} {{proxyCidr}}: its effective ' +
        'route for that range is None{{route}}',
      oneWay:
        'node subnet {{subnet}} sends replies to {{gateway}} ({{proxySubnet}} {{proxyCidr}}) through {{back}}' +
        '{{route}}, but {{gateway}} reaches the nodes by {{there}}: the appliance sees only the replies and drops ' +
        'them (asymmetric routing on ingress path {{path}})',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const routing = routingOf(ctx.model);
    const seen = new Set<string>();
    const via = (r: EffectiveRoute | undefined): string =>
      !r ? 'no route' : r.nextHopResource ? `${r.nextHopType} ${q.name(r.nextHopResource)}` : r.nextHopType;
    for (const p of ctx.model.ingressPaths) {
      // The last reverse proxy before the traffic enters the cluster is what the nodes reply to.
      const proxies = p.hops.filter((h) => PROXY_KINDS.has(h.resourceKind));
      const hop = proxies[proxies.length - 1];
      const at = hop?.resource;
      const proxy = q.getAs(at, 'applicationGateway') ?? q.getAs(at, 'agc') ?? q.getAs(at, 'apiManagement');
      const proxySubnet = q.getAs(proxy?.subnet, 'subnet');
      if (!proxy || !proxySubnet || !p.cluster) continue;
      const proxyTable = routing.get(proxySubnet.id)!; // routing covers every subnet
      for (const s of q.nodeSubnets(p.cluster)) {
        const key = `${proxy.id}|${s.id}`;
        const nodeTable = routing.get(s.id)!;
        if (seen.has(key)) continue;
        seen.add(key);
        const back = routeFor(nodeTable, proxySubnet.cidr);
        const there = routeFor(proxyTable, s.cidr);
        if (!back) continue; // a malformed CIDR (structure/cidr-malformed reports it)
        const dropped = back.nextHopType === 'None';
        const oneWay =
          back.nextHopType === 'VirtualAppliance' &&
          !(there?.nextHopType === 'VirtualAppliance' && there.nextHopResource === back.nextHopResource);
        if (!dropped && !oneWay) continue;
        const route = back.routeName ? ` (route ${back.routeName} in ${q.name(back.routeTable)})` : '';
        ctx.report({
          messageId: dropped ? 'dropped' : 'oneWay',
          data: {
            subnet: s.name,
            gateway: proxy.name,
            proxySubnet: proxySubnet.name,
            proxyCidr: proxySubnet.cidr,
            route,
            back: via(back),
            there: via(there),
            path: p.name,
          },
          element: s.id,
          // Both subnets' ranges and effective routes, the proxy's subnet, and the pools that make s a node subnet.
          reads: ['cidr', 'routeTable'],
          dependsOn: mergeDeps(
            [
              ...routingDeps(q, s.id),
              ...routingDeps(q, proxySubnet.id),
              { element: proxySubnet.id, reads: ['cidr', 'routeTable'] },
              { element: proxy.id, reads: ['subnet'] },
              { element: p.cluster, reads: ['nodePools'] },
              // The path: the proxy hop and the cluster it ends in.
              { element: p.id, reads: ['hops', 'to'] },
              ...q.pools(p.cluster).filter((x) => x.subnet === s.id).map((x) => ({ element: x.id, reads: ['subnet'] })),
            ],
            s.id,
          ),
          // A user route is what to change: point at it (only user routes have an index, and a table).
          ...(back.routeIndex !== undefined
            ? { path: `${q.getAs(back.routeTable, 'routeTable')!.source.path}.routes[${back.routeIndex}]` }
            : {}),
          evidence: { path: p.name, gateway: proxy.name, subnet: s.name, back: via(back), there: via(there) },
        });
      }
    }
  },
});
