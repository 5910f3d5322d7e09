import { overCapacity, STATIC_BLOCK, subnetDemand } from '../../model/capacity.js';
import { defineRule } from '../../validate/rule.js';
import { demandBasis, SUBNET_READS } from './_capacity.js';

export default defineRule({
  meta: {
    id: 'address/pod-subnet-static-capacity',
    title: 'Static-block pod subnets have enough /28 blocks for every node at maximum scale',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'With static block allocation each node reserves whole /28 blocks (16 addresses) of the pod subnet when it starts: enough blocks for maxPods + 1 addresses. ' +
      "A block is an aligned /28 free of Azure's reserved addresses, so the subnet's first /28 (network address and three Azure addresses) and last /28 (broadcast) are never handed out: a /24 offers 14 blocks. " +
      'Surge nodes during an upgrade need their blocks too; a node that cannot get its blocks fails to join.',
    fix: 'Size the pod subnet for ((nodes + surge) × blocks per node + 2) × 16 addresses, set maxPods to 16N − 1 so no block is half-used, or split pools across pod subnets.',
    example: `const pods = subnet({ name: 'snet-aks-pods', cidr: '10.241.0.0/21', purpose: 'aks-pods' });
nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 20, maxPods: 47, subnet: nodes, podSubnet: pods }); // 3 blocks per node`,
    references: [
      {
        title: 'Azure CNI pod subnet: static block allocation',
        url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet',
      },
      {
        title: 'Virtual network FAQ: addresses Azure reserves in each subnet',
        url: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq',
      },
    ],
    messages: {
      tooFewBlocks:
        'pod subnet {{subnet}} {{cidr}} has room for {{available}} /28 blocks (its first and last /28 hold reserved ' +
        'addresses); at max scale {{terms}} need {{blocks}} ({{addresses}} addresses{{extra}})',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const s of q.all('subnet')) {
      const d = subnetDemand(q, s.id);
      if (d.role !== 'pods-static' || !overCapacity(d)) continue;
      const available = Math.floor((d.usable ?? 0) / STATIC_BLOCK);
      const blocks = d.blocks ?? 0;
      const extra = (d.used ?? 0) - blocks * STATIC_BLOCK;
      ctx.report({
        messageId: 'tooFewBlocks',
        data: {
          subnet: s.name,
          cidr: s.cidr,
          available,
          terms: d.terms.map((t) => t.text).join(' + '),
          blocks,
          addresses: blocks * STATIC_BLOCK,
          extra: extra ? ` + ${extra} other` : '',
        },
        element: s.id,
        property: 'cidr',
        reads: SUBNET_READS,
        dependsOn: demandBasis(q, d),
        evidence: { subnet: s.name, cidr: s.cidr, blocksAvailable: available, blocksNeeded: blocks },
      });
    }
  },
});
