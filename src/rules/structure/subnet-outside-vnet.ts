import { cidr, contains } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'structure/subnet-outside-vnet',
    title: "Each subnet lies inside its VNet's address space",
    severity: 'error',
    kind: 'structure',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale: "Azure only accepts a subnet whose prefix is contained in one of the VNet's address spaces; anything else fails at deployment.",
    fix: "Move the subnet into the VNet's range, or add an address space to the VNet that contains it.",
    references: [{ title: 'Add, change, or delete a virtual network subnet', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet' }],
    messages: { outside: 'subnet {{subnet}} ({{cidr}}) is outside the address space of {{vnet}} ({{addressSpace}})' },
  },
  check(ctx) {
    for (const s of ctx.q.all('subnet')) {
      const v = ctx.q.vnetOf(s.id);
      const sr = cidr(s.cidr);
      if (!v || !sr) continue;
      const spaces = v.addressSpace.map(cidr).filter((r) => r !== undefined);
      if (spaces.length === 0) continue;
      if (!spaces.some((a) => contains(a, sr))) {
        ctx.report({
          messageId: 'outside',
          data: { subnet: s.name, cidr: s.cidr, vnet: v.name, addressSpace: v.addressSpace.join(', ') },
          element: s.id,
          property: 'cidr',
          reads: ['cidr'],
          dependsOn: [{ element: v.id, reads: ['addressSpace', 'subnets'] }],
        });
      }
    }
  },
});
