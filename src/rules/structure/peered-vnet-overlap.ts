import { cidr, overlaps } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'structure/peered-vnet-overlap',
    title: 'Peered VNets have disjoint address spaces',
    severity: 'error',
    kind: 'structure',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale: 'Azure refuses to peer two virtual networks whose address spaces overlap, so a hub-and-spoke design with overlapping ranges cannot be connected.',
    fix: 'Allocate each VNet a distinct range from one enterprise IP plan before peering them.',
    references: [{ title: 'Create, change, or delete a virtual network peering: requirements and constraints', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering#requirements-and-constraints' }],
    messages: { overlap: 'peered VNets {{vnet}} ({{cidr}}) and {{other}} ({{otherCidr}}) overlap' },
  },
  check(ctx) {
    for (const e of ctx.q.edges('peering')) {
      const a = ctx.q.getAs(e.from, 'vnet');
      const b = ctx.q.getAs(e.to, 'vnet');
      if (!a || !b) continue;
      for (const sa of a.addressSpace) {
        for (const sb of b.addressSpace) {
          const ra = cidr(sa);
          const rb = cidr(sb);
          if (ra && rb && overlaps(ra, rb)) {
            ctx.report({
              messageId: 'overlap',
              data: { vnet: a.name, cidr: sa, other: b.name, otherCidr: sb },
              path: e.source.path,
            });
          }
        }
      }
    }
  },
});
