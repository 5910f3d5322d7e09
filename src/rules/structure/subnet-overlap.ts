import { cidr, overlaps } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'structure/subnet-overlap',
    title: 'Subnets of one VNet do not overlap',
    severity: 'error',
    kind: 'structure',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale: 'Azure rejects a subnet whose range overlaps another subnet of the same VNet.',
    fix: 'Give each subnet its own non-overlapping range; plan them from one IP address table.',
    references: [{ title: 'Add, change, or delete a virtual network subnet', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet' }],
    messages: { overlap: 'subnet {{subnet}} ({{cidr}}) overlaps subnet {{other}} ({{otherCidr}}) in {{vnet}}' },
  },
  check(ctx) {
    for (const v of ctx.q.all('vnet')) {
      const subs = v.subnets.map((id) => ctx.q.getAs(id, 'subnet')).filter((s) => s !== undefined);
      for (let i = 0; i < subs.length; i++) {
        for (let j = i + 1; j < subs.length; j++) {
          const a = subs[i]!;
          const b = subs[j]!;
          const ra = cidr(a.cidr);
          const rb = cidr(b.cidr);
          if (ra && rb && overlaps(ra, rb)) {
            ctx.report({
              messageId: 'overlap',
              data: { subnet: b.name, cidr: b.cidr, other: a.name, otherCidr: a.cidr, vnet: v.name },
              element: b.id,
              property: 'cidr',
              reads: ['cidr'],
              dependsOn: [{ element: a.id, reads: ['cidr'] }],
            });
          }
        }
      }
    }
  },
});
