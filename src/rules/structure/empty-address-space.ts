import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'structure/empty-address-space',
    title: 'A VNet with subnets has an address space',
    severity: 'error',
    kind: 'structure',
    pillars: ['operational-excellence'],
    waf: ['OE:05'],
    rationale:
      'Every subnet prefix must lie inside its virtual network\'s address space. A VNet declared with no address space but with subnets cannot be deployed, and no subnet of it can be checked for placement or overlap.',
    fix: 'List the VNet\'s address prefixes in `addressSpace`, e.g. `[\'10.240.0.0/16\']`.',
    references: [{ title: 'Create, change, or delete a virtual network', url: 'https://learn.microsoft.com/azure/virtual-network/manage-virtual-network' }],
    messages: { empty: 'VNet {{vnet}} has {{count}} subnet{{plural}} but an empty address space' },
  },
  check(ctx) {
    for (const v of ctx.q.all('vnet')) {
      if (v.addressSpace.length === 0 && v.subnets.length > 0) {
        const data = { vnet: v.name, count: v.subnets.length, plural: v.subnets.length === 1 ? '' : 's' };
        ctx.report({ messageId: 'empty', data, element: v.id, property: 'addressSpace', reads: ['addressSpace', 'subnets'] });
      }
    }
  },
});
