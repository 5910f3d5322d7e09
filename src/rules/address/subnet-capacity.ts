import { reportOverCapacity } from './_capacity.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'address/subnet-capacity',
    title: 'Other subnets hold what the design places in them',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'Private endpoints, internal load balancer frontends, Private Link NAT addresses, appliances and jump boxes each take an address from their subnet, ' +
      'and Azure keeps five addresses of every subnet for itself. A subnet without room for what the design puts in it cannot be deployed as drawn. ' +
      '(Node, pod and Application Gateway subnets are checked by their own capacity rules with the same capacity model.)',
    fix: 'Enlarge the subnet, or spread the private endpoints and frontends over more subnets.',
    example: "subnet({ name: 'snet-private-endpoints', cidr: '10.240.8.0/26', purpose: 'private-endpoints' }); // 59 usable addresses",
    references: [
      { title: 'Azure Virtual Network FAQ: addresses reserved in each subnet', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq#are-there-any-restrictions-on-using-ip-addresses-within-these-subnets' },
    ],
    messages: {
      overCapacity: '{{subnet}} {{cidr}} has {{usable}} usable addresses; {{demand}} need {{needed}}',
    },
  },
  check: (ctx) => reportOverCapacity(ctx, 'other'),
});
