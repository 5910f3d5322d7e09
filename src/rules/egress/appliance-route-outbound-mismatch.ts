import { directPublicLoadBalancers } from '../../model/egress.js';
import { defineRule } from '../../validate/rule.js';
import { CLUSTER_EGRESS_READS, egressDeps, mergeDeps } from './_reads.js';

export default defineRule({
  meta: {
    id: 'egress/appliance-route-outbound-mismatch',
    title: 'A node subnet whose default route goes to an appliance or gateway: outbound type userDefinedRouting is recommended',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'security'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'Azure picks a user route over the system 0.0.0.0/0 → Internet route, so a node subnet whose route table sends 0.0.0.0/0 to a firewall or NVA ' +
      'egresses through that appliance whatever outbound type the cluster declares: the load balancer or NAT gateway of the outbound type carries no egress ' +
      'and its public IPs are not the addresses destinations see. Microsoft\'s firewall tutorial deploys with outbound type userDefinedRouting and says ' +
      'loadBalancer can also be used, so userDefinedRouting is a recommendation here, not a requirement: the declared type misleads rather than breaks ' +
      'egress. If the cluster also exposes public LoadBalancer Services ' +
      'directly, replies to their clients follow the same route to the appliance, which has not seen the inbound half of the connection and drops them ' +
      '(asymmetric routing).',
    fix: "Set the cluster's outbound to { type: 'userDefinedRouting', via: <the appliance> } (recommended) so the design and AKS say egress is routed, or remove the default route from the node subnet.",
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
        'whose outbound IPs carry no egress; userDefinedRouting is recommended. If the cluster exposes public ' +
        'LoadBalancer Services directly, replies to them return through {{back}} and are dropped (asymmetric routing)',
      lbBypassedPublicLb:
        'cluster {{cluster}} declares outbound type {{outboundType}}, but the effective 0.0.0.0/0 route of node ' +
        'subnet{{plural}} {{where}} goes to {{target}}: egress leaves through {{nextHop}}, not the load balancer, ' +
        'whose outbound IPs carry no egress; userDefinedRouting is recommended. Replies to public load ' +
        'balancer{{lbPlural}} {{publicLbs}} return through {{back}} and are dropped (asymmetric routing)',
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
      // The public load balancers the design exposes without a firewall DNAT in front (the ones whose replies follow
      // this route); behind a DNAT, egress/dnat-asymmetric-route reads the return path instead.
      const publicLbs = [...new Set(directPublicLoadBalancers(q).filter((d) => d.cluster === c.id).map((d) => d.loadBalancer.name))];
      const messageId = t !== 'loadBalancer' ? 'natBypassed' : publicLbs.length ? 'lbBypassedPublicLb' : 'lbBypassed';
      ctx.report({
        messageId,
        data: {
          cluster: c.name,
          outboundType: t,
          plural: routes.length === 1 ? '' : 's',
          where,
          target,
          nextHop: named,
          back,
          lbPlural: publicLbs.length === 1 ? '' : 's',
          publicLbs: publicLbs.join(', '),
        },
        element: c.id,
        property: 'outbound',
        // The cluster's egress path (its outbound settings, pools, subnets and their routes), and the public load
        // balancers (visibility and cluster) that choose the message.
        reads: CLUSTER_EGRESS_READS,
        dependsOn: mergeDeps(
          [...egressDeps(q, c.id), ...q.all('loadBalancer').map((lb) => ({ element: lb.id, reads: ['visibility', 'cluster'] }))],
          c.id,
        ),
        evidence: {
          cluster: c.name,
          subnets: routes.map((r) => q.name(r.subnet)).join(', '),
          outboundType: t,
          nextHop: named,
          via: p.via,
          ...(publicLbs.length ? { publicLoadBalancers: publicLbs.join(', ') } : {}),
        },
      });
    }
  },
});
