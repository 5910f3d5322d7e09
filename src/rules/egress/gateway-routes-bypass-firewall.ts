import { routingOf } from '../../model/egress.js';
import { defaultRouteFor, routeFor } from '../../model/routing.js';
import { defineRule } from '../../validate/rule.js';
import { mergeDeps, routingDeps } from './_reads.js';

export default defineRule({
  meta: {
    id: 'egress/gateway-routes-bypass-firewall',
    title: 'Firewall-routed cluster subnets do not send on-premises traffic straight to the gateway',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security'],
    waf: ['SE:06'],
    rationale:
      'A spoke route table that sends 0.0.0.0/0 to the hub firewall but keeps gateway route propagation on also ' +
      'receives the on-premises prefixes the VPN or ExpressRoute gateway learned over BGP. Those prefixes are more ' +
      'specific than 0.0.0.0/0, so Azure sends traffic to on-premises straight to the gateway and the firewall never ' +
      'inspects it (and replies may return through the firewall, which drops them as asymmetric).',
    fix:
      'Disable gateway route propagation on the spoke route table (bgpRoutePropagation: false) so on-premises traffic ' +
      'follows 0.0.0.0/0 to the firewall, or add user routes for the on-premises prefixes to the firewall.',
    example:
      "routeTable({ name: 'rt-spoke', bgpRoutePropagation: false, routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: firewall }] });",
    references: [
      {
        title: 'Virtual network traffic routing (BGP propagation, route selection)',
        url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview',
      },
      {
        title: 'Hub-spoke network topology in Azure',
        url: 'https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke',
      },
    ],
    messages: {
      bypass:
        'subnet {{subnet}} sends 0.0.0.0/0 to {{appliance}} but route table {{table}} propagates gateway routes, so ' +
        'traffic to on-premises {{destinations}} without passing {{appliance}}',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const clusterSubnets = new Set(
      q.all('nodePool').flatMap((p) => (p.podSubnet ? [p.subnet, p.podSubnet] : [p.subnet])),
    );
    for (const s of q.all('subnet')) {
      if (!clusterSubnets.has(s.id)) continue;
      const t = routingOf(q.model).get(s.id)!; // routing covers every subnet
      const d = defaultRouteFor(t);
      // Only a user route leads to an appliance (with its address), so the subnet has a route table.
      if (d?.nextHopType !== 'VirtualAppliance') continue;
      // Gateway routes that really win for their own prefix (a user route of the same prefix would beat them).
      const winning = t.routes.filter((r) => r.source === 'VirtualNetworkGateway' && routeFor(t, r.prefix) === r);
      if (winning.length === 0) continue;
      const table = q.getAs(t.routeTable, 'routeTable')!;
      ctx.report({
        messageId: 'bypass',
        data: {
          subnet: s.name,
          appliance: d.nextHopResource ? q.name(d.nextHopResource) : d.nextHopAddress!,
          table: table.name,
          destinations: destinations(winning.map((r) => ({ prefix: r.prefix, gateway: q.name(r.nextHopResource) }))),
        },
        element: table.id,
        property: 'bgpRoutePropagation',
        // The table's propagation and routes; the subnet's routes (gateways and on-premises ranges); the pools that
        // make it a node or pod subnet.
        reads: ['bgpRoutePropagation', 'routes'],
        dependsOn: mergeDeps(
          [
            ...routingDeps(q, s.id),
            ...q.all('nodePool').filter((p) => p.subnet === s.id || p.podSubnet === s.id).map((p) => ({ element: p.id, reads: ['subnet', 'podSubnet'] })),
          ],
          table.id,
        ),
        evidence: { subnet: s.name, routeTable: table.name, prefixes: winning.length },
      });
    }
  },
});

/**
 * Each prefix with the gateway that really carries it (a hub with an ExpressRoute and a VPN gateway learns different
 * prefixes from each): "10.0.0.0/12 goes straight to gateway ergw-hub, and 172.16.0.0/16 to gateway vpngw-hub".
 */
function destinations(routes: Array<{ prefix: string; gateway: string }>): string {
  const byGateway = new Map<string, string[]>();
  for (const r of routes) {
    const list = byGateway.get(r.gateway) ?? [];
    if (!list.includes(r.prefix)) list.push(r.prefix);
    byGateway.set(r.gateway, list);
  }
  const parts = [...byGateway].map(([gateway, prefixes]) => ({ prefixes: prefixes.join(', '), gateway }));
  const [first, ...rest] = parts;
  const head = `${first!.prefixes} goes straight to gateway ${first!.gateway}`;
  if (rest.length === 0) return head;
  const tail = rest.map((p) => `${p.prefixes} to gateway ${p.gateway}`);
  return `${head}, ${tail.slice(0, -1).map((t) => `${t}, `).join('')}and ${tail.at(-1)}`;
}
