import { defineRule } from '../../validate/rule.js';
import { overlappingVnetPairs, routingDomains, sameDomain } from './_net.js';

export default defineRule({
  meta: {
    id: 'address/routed-vnet-overlap',
    title: 'VNets that route to each other through a hub or gateway have disjoint address spaces',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['RE:03', 'PE:02'],
    rationale:
      'Two spokes behind the same hub, or a spoke and a VNet reached through a gateway, share one routing table in the hub. If their ranges overlap, the hub firewall and gateways cannot tell the destinations apart, so traffic to one of them is silently sent to the other or dropped, and the overlap blocks any later direct peering.',
    fix: 'Give every VNet in a hub-and-spoke estate its own range from one IP address plan, and re-address the newer VNet.',
    example: `const spokeA = vnet({ name: 'vnet-spoke-a', region: 'westeurope', addressSpace: ['10.240.0.0/16'], subnets: [] });
const spokeB = vnet({ name: 'vnet-spoke-b', region: 'westeurope', addressSpace: ['10.241.0.0/16'], subnets: [] });
// both peered with the hub: no overlap`,
    references: [
      { title: 'Create, change, or delete a virtual network peering: requirements and constraints', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering#requirements-and-constraints' },
      { title: 'AKS: IP address planning', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' },
    ],
    messages: {
      overlap:
        'VNet {{vnet}} ({{cidr}}) overlaps {{other}} ({{otherCidr}}); both are reachable through the same hub or ' +
        'gateway, so {{ambiguous}} addresses are ambiguous',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const domains = routingDomains(q);
    const direct = new Set(q.edges('peering').flatMap((e) => [`${e.from}|${e.to}`, `${e.to}|${e.from}`]));
    const pairs = overlappingVnetPairs(q);
    for (const [ra, rb] of pairs) {
      const a = q.getAs(ra.element, 'vnet')!;
      const b = q.getAs(rb.element, 'vnet')!;
      // Directly peered pairs are reported by structure/peered-vnet-overlap.
      if (!sameDomain(domains, a.id, b.id) || direct.has(`${a.id}|${b.id}`)) continue;
      ctx.report({
        messageId: 'overlap',
        data: {
          vnet: b.name,
          cidr: rb.text,
          other: a.name,
          otherCidr: ra.text,
          ambiguous: Math.min(ra.range.last, rb.range.last) - Math.max(ra.range.first, rb.range.first) + 1,
        },
        element: b.id,
        reads: ['addressSpace'],
        dependsOn: [{ element: a.id, reads: ['addressSpace'] }],
        property: `addressSpace[${rb.index}]`,
        evidence: { vnet: b.name, cidr: rb.text, other: a.name, otherCidr: ra.text },
      });
    }
  },
});
