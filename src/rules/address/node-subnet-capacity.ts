import { defineRule } from '../../validate/rule.js';
import { reportOverCapacity } from './_capacity.js';
import { poolsOnSubnet } from './_net.js';

export default defineRule({
  meta: {
    id: 'address/node-subnet-capacity',
    title: 'Node subnets hold every node (and, for flat Azure CNI, every pod) at maximum scale during an upgrade',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'Each node takes one address from its subnet; with Azure CNI node subnet (flat) it also pre-allocates one address per possible pod. Upgrades add surge nodes on top of the autoscaler maximum, and internal load balancer frontends and private endpoints placed in the subnet (including a private cluster’s API server endpoint) take addresses too. When the subnet runs out, scale-out and upgrades fail, and a subnet cannot be resized while in use.',
    fix: 'Enlarge the subnet before deployment, lower maxPods or maxCount, reduce maxSurge, give pools their own subnets, or move to Azure CNI Overlay so pods stop consuming VNet addresses.',
    example: `// 20 nodes + 2 surge, 30 pods each: (22) × (30 + 1) = 682 addresses → a /22 (1,019 usable)
const nodes = subnet({ name: 'snet-aks-nodes', cidr: '10.240.0.0/22', purpose: 'aks-nodes' });
nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 20, maxPods: 30, maxSurge: 2, subnet: nodes });`,
    references: [
      { title: 'AKS: IP address planning (node subnet sizing)', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' },
      { title: 'AKS upgrades: capacity and cost planning', url: 'https://learn.microsoft.com/azure/aks/upgrade-capacity-cost-planning' },
      { title: 'Configure Azure CNI networking', url: 'https://learn.microsoft.com/azure/aks/configure-azure-cni' },
    ],
    messages: {
      overCapacity: '{{subnet}} {{cidr}} has {{usable}} usable addresses; at max scale {{demand}} need {{needed}}',
    },
  },
  check: (ctx) =>
    reportOverCapacity(ctx, 'nodes', (s, d) => {
      const count = (suffix: string) => d.terms.filter((t) => t.text.endsWith(suffix)).reduce((a, t) => a + t.addresses, 0);
      return {
        pools: poolsOnSubnet(ctx.q, s.id).length,
        internalLbFrontends: count('internal LB frontend') + count('internal LB frontends'),
        privateEndpoints: count('private endpoint') + count('private endpoints'),
      };
    }),
});
