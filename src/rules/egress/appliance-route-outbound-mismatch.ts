import { defineRule } from '../../validate/rule.js';
import { defaultRouteOf, toAppliance } from './_egress.js';

export default defineRule({
  meta: {
    id: 'egress/appliance-route-outbound-mismatch',
    title: 'A default route to an appliance on a node subnet needs outbound type userDefinedRouting',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'security'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'A 0.0.0.0/0 route to a firewall overrides the load balancer or NAT gateway egress that the cluster believes it uses: outbound traffic leaves through the appliance instead, ' +
      'the managed outbound public IPs sit idle, and replies to public load balancer services come back through the firewall and are dropped (asymmetric routing).',
    fix: "Set the cluster's outbound to { type: 'userDefinedRouting', via: <the appliance> } so AKS knows egress is routed, or remove the default route from the node subnet.",
    example: "cluster({ /* … */ outbound: { type: 'userDefinedRouting', via: firewall } });",
    references: [
      { title: 'Customize cluster egress with a user-defined routing table', url: 'https://learn.microsoft.com/azure/aks/egress-udr' },
      { title: 'Control egress traffic using Azure Firewall in AKS', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
    ],
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      const t = c.outbound.type;
      if (t !== 'loadBalancer' && t !== 'managedNATGateway' && t !== 'managedNATGatewayV2' && t !== 'userAssignedNATGateway') continue;
      for (const s of q.nodeSubnets(c.id)) {
        const d = defaultRouteOf(q, s);
        if (!d || !toAppliance(d.route)) continue;
        const target = d.route.nextHopResource ? q.name(d.route.nextHopResource) : (d.route.nextHopAddress ?? '?');
        ctx.report({
          message: `node subnet ${s.name} of cluster ${c.name} routes 0.0.0.0/0 to ${target} (route ${d.route.name} in ${d.table.name}) while the cluster outbound type is ${t}; egress bypasses the ${t === 'loadBalancer' ? 'load balancer' : 'NAT gateway'}`,
          element: c.id,
          property: 'outbound',
          evidence: { cluster: c.name, subnet: s.name, outboundType: t, appliance: target },
        });
      }
    }
  },
});
