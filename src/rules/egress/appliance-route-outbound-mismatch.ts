import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'egress/appliance-route-outbound-mismatch',
    title: 'A default route to an appliance or gateway on a node subnet needs outbound type userDefinedRouting',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'security'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'Azure picks a user route over the system 0.0.0.0/0 → Internet route, so a node subnet whose route table sends 0.0.0.0/0 to a firewall or NVA ' +
      'egresses through that appliance whatever outbound type the cluster declares: the load balancer or NAT gateway of the outbound type carries no egress, ' +
      'its public IPs are not the addresses destinations see, and replies to public LoadBalancer services return through the appliance, which has not seen ' +
      'the inbound half of the connection and drops them (asymmetric routing).',
    fix: "Set the cluster's outbound to { type: 'userDefinedRouting', via: <the appliance> } so AKS knows egress is routed, or remove the default route from the node subnet.",
    example: "cluster({ /* … */ outbound: { type: 'userDefinedRouting', via: firewall } });",
    references: [
      { title: 'Virtual network traffic routing (how Azure selects a route)', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview' },
      { title: 'Customize cluster egress with a user-defined routing table', url: 'https://learn.microsoft.com/azure/aks/egress-udr' },
      { title: 'Control egress traffic using Azure Firewall in AKS', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
    ],
    messages: {
      natBypassed:
        'cluster {{cluster}} declares outbound type {{outboundType}}, but the effective 0.0.0.0/0 route of node ' +
        'subnet{{plural}} {{where}} goes to {{target}}: egress leaves through {{nextHop}}, not the NAT gateway, ' +
        'whose outbound IPs carry no egress',
      lbBypassed:
        'cluster {{cluster}} declares outbound type {{outboundType}}, but the effective 0.0.0.0/0 route of node ' +
        'subnet{{plural}} {{where}} goes to {{target}}: egress leaves through {{nextHop}}, not the load balancer, ' +
        'whose outbound IPs carry no egress, and replies to public LoadBalancer services return through {{back}} ' +
        'and are dropped (asymmetric routing)',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const p of ctx.model.egressPaths) {
      const t = p.outboundType;
      if (p.via !== 'appliance' && p.via !== 'gateway') continue;
      if (t !== 'loadBalancer' && t !== 'managedNATGateway' && t !== 'managedNATGatewayV2' && t !== 'userAssignedNATGateway') continue;
      const c = q.getAs(p.cluster, 'cluster');
      if (!c) continue;
      const hopType = p.via === 'appliance' ? 'VirtualAppliance' : 'VirtualNetworkGateway';
      const routes = p.defaultRoutes.filter((r) => r.role === 'nodes' && r.nextHopType === hopType);
      const first = routes[0];
      // A route to an appliance always has its address; only a route to an undeclared gateway names nothing.
      const named = p.nextHop ? q.name(p.nextHop) : (first?.nextHopAddress ?? 'the VNet gateway');
      const target = p.via === 'gateway' ? `gateway ${named} (forced tunnel to on-premises)` : named;
      const where = routes
        .map((r) => `${q.name(r.subnet)}${r.routeName ? ` (route ${r.routeName} in ${q.name(r.routeTable)})` : ''}`)
        .join(', ');
      const back = p.via === 'appliance' ? 'the appliance' : 'the gateway';
      ctx.report({
        messageId: t === 'loadBalancer' ? 'lbBypassed' : 'natBypassed',
        data: {
          cluster: c.name,
          outboundType: t,
          plural: routes.length === 1 ? '' : 's',
          where,
          target,
          nextHop: named,
          back,
        },
        element: c.id,
        property: 'outbound',
        evidence: {
          cluster: c.name,
          subnets: routes.map((r) => q.name(r.subnet)).join(', '),
          outboundType: t,
          nextHop: named,
          via: p.via,
        },
      });
    }
  },
});
