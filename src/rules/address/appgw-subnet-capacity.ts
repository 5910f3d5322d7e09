import { reportOverCapacity } from './_capacity.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'address/appgw-subnet-capacity',
    title: 'The Application Gateway subnet fits every instance at maximum autoscale',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'Every Application Gateway instance takes a private address from its dedicated subnet, and a private frontend takes one more. When the subnet cannot hold the maximum instance count the gateway stops scaling out exactly when traffic peaks.',
    fix: 'Give the gateway a /24 subnet of its own (room for 125 instances), or cap maxCapacity to what the subnet holds.',
    example: `const agwSubnet = subnet({ name: 'snet-appgw', cidr: '10.240.4.0/24', purpose: 'application-gateway' });
applicationGateway({ name: 'agw', sku: 'WAF_v2', subnet: agwSubnet, frontend: 'public', management: 'standalone', minCapacity: 2, maxCapacity: 10 });`,
    references: [
      { title: 'Application Gateway infrastructure configuration: size of the subnet', url: 'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#size-of-the-subnet' },
    ],
    messages: {
      overCapacity: '{{subnet}} {{cidr}} has {{usable}} usable addresses; {{demand}} need {{needed}}',
    },
  },
  check: (ctx) => reportOverCapacity(ctx, 'application-gateway'),
});
