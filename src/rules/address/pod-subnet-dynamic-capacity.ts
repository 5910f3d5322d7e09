import { reportOverCapacity } from './_capacity.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'address/pod-subnet-dynamic-capacity',
    title: 'Dynamic pod subnets hold every pod of every node at maximum scale',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'With Azure CNI pod subnet (dynamic allocation) a node leases pod addresses from the pod subnet in batches of 16 as pods start. At maximum scale and during an upgrade every node can hold up to maxPods addresses, rounded up to whole batches; when the subnet is exhausted new pods stay in ContainerCreating.',
    fix: 'Size the pod subnet for (nodes + surge) × maxPods rounded up to batches of 16, or lower maxPods/maxCount, or spread pools over several pod subnets.',
    example: `const pods = subnet({ name: 'snet-aks-pods', cidr: '10.241.0.0/20', purpose: 'aks-pods' });
nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 20, maxPods: 110, subnet: nodes, podSubnet: pods });`,
    references: [
      { title: 'Azure CNI pod subnet: dynamic IP allocation', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet' },
      { title: 'Configure Azure CNI: dynamic allocation of IPs', url: 'https://learn.microsoft.com/azure/aks/configure-azure-cni#dynamic-allocation-of-ips-and-enhanced-subnet-support' },
    ],
    messages: {
      overCapacity: 'pod subnet {{subnet}} {{cidr}} has {{usable}} usable addresses; at max scale {{demand}} need {{needed}}',
    },
  },
  check: (ctx) => reportOverCapacity(ctx, 'pods-dynamic'),
});
