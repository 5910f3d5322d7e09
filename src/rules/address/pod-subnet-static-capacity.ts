import { azureUsable, cidr } from '../../model/cidr.js';
import type { NodePoolResource } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';
import { nonNeg } from './_net.js';

export default defineRule({
  meta: {
    id: 'address/pod-subnet-static-capacity',
    title: 'Static-block pod subnets have enough /28 blocks for every node at maximum scale',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'performance-efficiency'],
    waf: ['PE:02', 'RE:06'],
    rationale:
      'With static block allocation each node reserves whole /28 blocks (16 addresses) of the pod subnet when it starts: enough blocks for maxPods + 1 addresses. Surge nodes during an upgrade need their blocks too; a node that cannot get its blocks fails to join.',
    fix: 'Size the pod subnet for (nodes + surge) × blocks per node × 16, set maxPods to 16N − 1 so no block is half-used, or split pools across pod subnets.',
    example: `const pods = subnet({ name: 'snet-aks-pods', cidr: '10.241.0.0/21', purpose: 'aks-pods' });
nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 20, maxPods: 47, subnet: nodes, podSubnet: pods }); // 3 blocks per node`,
    references: [
      { title: 'Azure CNI pod subnet: static block allocation', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet' },
    ],
  },
  check(ctx) {
    const { q } = ctx;
    for (const s of q.all('subnet')) {
      const r = cidr(s.cidr);
      if (!r) continue;
      const pools: NodePoolResource[] = [];
      for (const c of q.all('cluster')) {
        if (c.network.cni !== 'azure-podsubnet-static') continue;
        for (const p of q.pools(c.id)) if (p.podSubnet === s.id) pools.push(p);
      }
      if (pools.length === 0) continue;
      const available = Math.floor(azureUsable(r) / 16);
      let need = 0;
      const terms: string[] = [];
      for (const pool of pools) {
        const nodes = nonNeg(pool.maxNodes);
        const surge = nonNeg(pool.surgeNodes);
        const blocks = Math.ceil((nonNeg(pool.maxPods) + 1) / 16);
        need += (nodes + surge) * blocks;
        terms.push(`${pools.length > 1 ? `${pool.name}: ` : ''}(${nodes} nodes + ${surge} surge) × ${blocks} blocks (${nonNeg(pool.maxPods)} pods)`);
      }
      if (need <= available) continue;
      ctx.report({
        message: `pod subnet ${s.name} ${s.cidr} has room for ${available} /28 blocks; at max scale ${terms.join(' + ')} need ${need} (${need * 16} addresses)`,
        element: s.id,
        property: 'cidr',
        evidence: { subnet: s.name, cidr: s.cidr, blocksAvailable: available, blocksNeeded: need },
      });
    }
  },
});
