import { defineRule } from '../../validate/rule.js';
import { RECOMMENDED } from './max-pods-headroom.js';
import { MAX_MAX_PODS } from './max-pods-range.js';

export default defineRule({
  meta: {
    id: 'cni/static-block-max-pods',
    title: 'Static-block pod subnet pools use maxPods = 16N − 1',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['cost-optimization', 'performance-efficiency'],
    waf: ['PE:02', 'CO:07'],
    rationale:
      'Static block allocation reserves whole /28 blocks (16 addresses) per node for maxPods + 1 addresses. Any other maxPods leaves part of the last block reserved but unusable, wasting pod-subnet space on every node.',
    fix: 'Set maxPods to 15, 31, 47, 63 … (16N − 1) so every reserved block is fully usable.',
    example: `nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', maxPods: 63, subnet: nodes, podSubnet: pods })`,
    references: [{ title: 'Azure CNI pod subnet: static block allocation', url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet' }],
    messages: {
      partialBlock:
        'node pool {{pool}} of {{cluster}} sets maxPods {{maxPods}}, which reserves {{blocks}} /28 blocks ' +
        '({{addresses}} addresses) per node; use {{suggestion}} to fill the blocks',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.cni !== 'azure-podsubnet-static') continue;
      for (const p of ctx.q.pools(c.id)) {
        const pods = p.maxPods;
        if (!(pods > 0) || (pods + 1) % 16 === 0) continue;
        const blocks = Math.ceil((pods + 1) / 16);
        // Suggest only values of at least 50, so the advice never trips cni/max-pods-headroom.
        const up = Math.max(blocks * 16 - 1, 16 * Math.ceil((RECOMMENDED + 1) / 16) - 1);
        const down = (blocks - 1) * 16 - 1;
        // Above 239 the next full block (255) is beyond the 250 AKS accepts, so only the lower value is advice.
        const suggestion =
          up > MAX_MAX_PODS ? `${down}` : down >= RECOMMENDED ? `${up} (or ${down})` : `${up}`;
        ctx.report({
          messageId: 'partialBlock',
          data: { pool: p.name, cluster: c.name, maxPods: pods, blocks, addresses: blocks * 16, suggestion },
          element: p.id,
          property: 'maxPods',
          reads: ['maxPods'],
          dependsOn: [{ element: c.id, reads: ['network.cni'] }],
          evidence: { pool: p.name, maxPods: pods, blocks },
        });
      }
    }
  },
});
