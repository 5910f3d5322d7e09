import { defineRule } from '../../validate/rule.js';
import { egressDeps } from './_reads.js';

export default defineRule({
  meta: {
    id: 'egress/destination-route',
    title: 'Egress destinations given as address ranges are routed the way the egress path says',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security', 'reliability'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'A destination range takes its own longest-prefix route, not necessarily the 0.0.0.0/0 route the egress ' +
      'path follows. A more specific user route to the Internet lets that traffic leave past the firewall, ' +
      'unfiltered and from other public addresses; a None route, including the system routes for the private ' +
      'prefixes 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and 100.64.0.0/10 outside any VNet, drops it.',
    fix:
      'Add a user route for the destination range to the firewall (or to the gateway for on-premises ranges), or ' +
      'remove the more specific route that bypasses it; reach on-premises ranges through a gateway with route ' +
      'propagation on or an explicit route.',
    example: "routeTable({ name: 'rt-aks', routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: firewall }] });",
    references: [
      {
        title: 'Virtual network traffic routing (how Azure selects a route)',
        url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview',
      },
    ],
    messages: {
      dropped: '{{what}} is dropped: the effective route of node subnet {{subnet}} for it is None ({{route}})',
      bypassesAppliance:
        '{{what}} bypasses {{appliance}}: {{route}} sends it straight to the Internet from node subnet ' +
        "{{subnet}}, while the cluster's other egress goes through the appliance",
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const p of ctx.model.egressPaths) {
      const c = q.getAs(p.cluster, 'cluster');
      if (!c) continue;
      // The destination's CIDR, and the cluster's egress path (the first node subnet's routes, the appliance).
      const at = { reads: ['cidr'], dependsOn: egressDeps(q, c.id) };
      for (const r of p.destinationRoutes) {
        const d = q.getAs(r.destination, 'egressDestination');
        if (!d) continue;
        const route = r.routeName ? `route ${r.routeName} in ${q.name(r.routeTable)}` : `the system ${r.nextHopType} route`;
        const what = `egress destination ${d.name} (${d.cidr}) of cluster ${c.name}`;
        if (r.nextHopType === 'None') {
          ctx.report({
            messageId: 'dropped',
            data: { what, subnet: q.name(r.subnet), route },
            element: d.id,
            property: 'cidr',
            ...at,
            severity: 'error',
            evidence: { destination: d.name, cidr: d.cidr ?? '', subnet: q.name(r.subnet), nextHopType: r.nextHopType },
          });
        } else if (p.via === 'appliance' && p.nextHop && r.nextHopType === 'Internet') {
          ctx.report({
            messageId: 'bypassesAppliance',
            data: { what, appliance: q.name(p.nextHop), route, subnet: q.name(r.subnet) },
            element: d.id,
            property: 'cidr',
            ...at,
            evidence: { destination: d.name, cidr: d.cidr ?? '', subnet: q.name(r.subnet), appliance: q.name(p.nextHop) },
          });
        }
      }
    }
  },
});
