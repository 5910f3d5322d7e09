import { defineRule } from '../../validate/rule.js';
import { overlappingVnetPairs, routingDomains, sameDomain } from './_net.js';

export default defineRule({
  meta: {
    id: 'address/isolated-vnet-overlap',
    title: 'Unconnected VNets in the same region do not reuse each other’s ranges',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'operational-excellence'],
    waf: ['RE:03', 'OE:05'],
    rationale:
      'VNets in one region that are not connected today are the first candidates for peering, shared services or a new hub tomorrow. Overlapping ranges make that impossible without re-addressing, which for an AKS cluster means rebuilding it.',
    fix: 'Allocate a distinct range from the enterprise IP plan to each VNet, even when it starts out isolated.',
    example: `vnet({ name: 'vnet-tools-weu', region: 'westeurope', addressSpace: ['10.250.0.0/20'], subnets: [] })`,
    references: [
      { title: 'AKS: IP address planning', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' },
      { title: 'Create, change, or delete a virtual network peering: requirements and constraints', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering#requirements-and-constraints' },
    ],
    messages: {
      overlap:
        'VNet {{vnet}} ({{cidr}}) overlaps {{other}} ({{otherCidr}}) in {{region}}; they can never be peered or ' +
        'routed to each other without re-addressing',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const domains = routingDomains(q);
    for (const [ra, rb] of overlappingVnetPairs(q)) {
      const a = q.getAs(ra.element, 'vnet')!;
      const b = q.getAs(rb.element, 'vnet')!;
      if (sameDomain(domains, a.id, b.id) || !a.region || a.region !== b.region) continue;
      ctx.report({
        messageId: 'overlap',
        data: { vnet: b.name, cidr: rb.text, other: a.name, otherCidr: ra.text, region: b.region },
        element: b.id,
        reads: ['addressSpace', 'region'],
        dependsOn: [{ element: a.id, reads: ['addressSpace', 'region'] }],
        property: `addressSpace[${rb.index}]`,
        evidence: { vnet: b.name, cidr: rb.text, other: a.name, otherCidr: ra.text, region: b.region },
      });
    }
  },
});
