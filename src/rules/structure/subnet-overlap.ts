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
            ctx.report({ message: `subnet ${b.name} (${b.cidr}) overlaps subnet ${a.name} (${a.cidr}) in ${v.name}`, element: b.id, property: 'cidr' });
          }
        }
      }
    }
  },
});
