import { cidr, ipToNumber, isPrivateRange } from '../../model/cidr.js';
import { dnatFirewall, routingOf } from '../../model/egress.js';
import { routeFor, type SubnetRoutes } from '../../model/routing.js';
import type { Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';
import { mergeDeps, routingDeps } from './_reads.js';

/** Whether a user route could catch a public address other than through 0.0.0.0/0 (a host or public-prefix route). */
function publicUserRoutes(t: SubnetRoutes): boolean {
  return t.routes.some((r) => r.source === 'User' && r.range.prefix > 0 && !isPrivateRange(r.range));
}

export default defineRule({
  meta: {
    id: 'egress/dnat-asymmetric-route',
    title: "Replies to a firewall DNAT through a public load balancer do not return through the firewall's private IP",
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:02'],
    rationale:
      'When Azure Firewall DNATs internet traffic to a public load balancer in front of the cluster, the packets reach ' +
      "the nodes (or, with pod subnets, the pods) from the firewall's public IP. If that subnet sends 0.0.0.0/0 to the " +
      "same firewall's private IP, the replies go back through the firewall's private side, where the stateful " +
      'firewall has no session for them and drops them. With an internal load balancer the firewall reaches the ' +
      'backend from its private side and the return path matches.',
    fix:
      "Add a host route for the firewall's public IP with next hop Internet to the cluster subnets' route table, or " +
      'DNAT to an internal load balancer instead of a public one.',
    example:
      "routeTable({ name: 'rt-aks', routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: firewall }, " +
      "{ name: 'fw-public', prefix: '20.50.60.70/32', nextHop: { type: 'Internet' } }] });",
    references: [
      {
        title: 'Integrate Azure Firewall with Azure Standard Load Balancer (asymmetric routing)',
        url: 'https://learn.microsoft.com/azure/firewall/integrate-lb',
      },
      {
        title: 'Virtual network traffic routing (how Azure selects a route)',
        url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview',
      },
    ],
    messages: {
      asymmetric:
        '{{role}} subnet {{subnet}} sends replies to {{address}} (the public side of Azure Firewall {{firewall}}, DNAT ' +
        "rule {{rule}} to public load balancer {{lb}} on ingress path {{path}}) through {{firewall}}'s private IP{{route}}: " +
        'the firewall drops them as asymmetric',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const routing = routingOf(ctx.model);
    const seen = new Set<string>();
    for (const p of ctx.model.ingressPaths) {
      if (!p.cluster) continue;
      const pools = q.pools(p.cluster);
      // A subnet listed twice (pools sharing it) is checked once: see `seen` below.
      const subnets: Array<{ id: Id; role: 'node' | 'pod' }> = pools.flatMap((pool) => [
        { id: pool.subnet, role: 'node' as const },
        ...(pool.podSubnet ? [{ id: pool.podSubnet, role: 'pod' as const }] : []),
      ]);
      p.hops.forEach((hop, i) => {
        // The same test as directPublicLoadBalancers, so a public load balancer behind this DNAT is judged here only.
        const fw = dnatFirewall(q, hop);
        if (!hop.dnat) return;
        const next = p.hops[i + 1];
        const lb = q.getAs(next?.resource, 'loadBalancer');
        const translated =
          ipToNumber(hop.dnat.translatedAddress) !== undefined ? cidr(`${hop.dnat.translatedAddress}/32`) : undefined;
        const toPublic = lb ? lb.visibility === 'public' : translated !== undefined && !isPrivateRange(translated);
        if (!fw || !toPublic) return;
        // The normalizer keeps a hop's DNAT only when the firewall has the rule it names.
        const rule = fw.dnatRules.find((d) => d.name === hop.dnat!.rule)!;
        const addresses = [
          ...new Set([...(rule.destinationAddress ? [rule.destinationAddress] : []), ...(fw.publicIpAddresses ?? [])]),
        ];
        // The firewall's DNAT rules (its own, or its policy's), public addresses and private IP (which routes name);
        // the load balancer's visibility; the cluster's pools and their subnets.
        const fwReads = ['classicRules', 'policy', 'publicIpAddresses', 'privateIp'];
        const policy = q.getAs(fw.policy, 'firewallPolicy');
        const placed = [
          { element: fw.id, reads: fwReads },
          ...(policy ? [{ element: policy.id, reads: ['ruleCollections', 'basePolicy'] }] : []),
          ...(lb ? [{ element: lb.id, reads: ['visibility'] }] : []),
          { element: p.cluster!, reads: ['nodePools', 'network.cni'] },
          ...pools.map((pool) => ({ element: pool.id, reads: ['subnet', 'podSubnet'] })),
        ];
        for (const s of subnets) {
          const key = `${fw.id}|${s.id}`;
          const t = routing.get(s.id);
          if (seen.has(key) || !t) continue;
          seen.add(key);
          const toFw = (dest: string) => {
            const r = routeFor(t, dest);
            return r?.nextHopResource === fw.id ? r : undefined;
          };
          // Without the firewall's address, a subnet whose 0.0.0.0/0 goes to the firewall and that has no route
          // for any public prefix sends every public address, whatever it is, to the firewall.
          const candidates = addresses.length ? addresses : publicUserRoutes(t) ? [] : ['0.0.0.0/0'];
          if (candidates.length === 0) {
            if (toFw('0.0.0.0/0')) {
              ctx.unverified({
                element: fw.id,
                property: 'publicIpAddresses',
                check: `replies from ${q.name(s.id)} to the public side of ${fw.name} return the way DNAT traffic came`,
                fact: "firewall's public IP addresses",
                reads: fwReads,
              });
            }
            continue;
          }
          const hit = candidates.map((a) => ({ a, r: toFw(a) })).find((x) => x.r !== undefined);
          if (!hit) continue;
          const r = hit.r!;
          // Only a user route leads to the firewall, so the route has a table, a name and an index.
          const table = q.getAs(r.routeTable, 'routeTable')!;
          ctx.report({
            messageId: 'asymmetric',
            data: {
              role: s.role,
              subnet: q.name(s.id),
              address: hit.a === '0.0.0.0/0' ? 'its public IP' : hit.a,
              firewall: fw.name,
              rule: hop.dnat.rule,
              lb: lb?.name ?? hop.dnat.translatedAddress ?? '?',
              path: p.name,
              route: ` (route ${r.routeName} in ${table.name})`,
            },
            element: s.id,
            path: `${table.source.path}.routes[${r.routeIndex}]`,
            reads: ['routeTable'],
            // The path: its DNAT hop and the cluster it ends in.
            dependsOn: [...mergeDeps([...routingDeps(q, s.id), ...placed], s.id), { element: p.id, reads: ['hops', 'to'] }],
            evidence: { firewall: fw.name, subnet: q.name(s.id), address: hit.a, path: p.name },
          });
        }
      });
    }
  },
});
