import { defineRule } from '../../validate/rule.js';

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
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (c.network.cni !== 'azure-podsubnet-static') continue;
      for (const p of ctx.q.pools(c.id)) {
        const pods = p.maxPods;
        if (!(pods > 0) || (pods + 1) % 16 === 0) continue;
        const blocks = Math.ceil((pods + 1) / 16);
        ctx.report({
          message: `node pool ${p.name} of ${c.name} sets maxPods ${pods}, which reserves ${blocks} /28 blocks (${blocks * 16} addresses) per node; use ${blocks * 16 - 1} (or ${Math.max(15, (blocks - 1) * 16 - 1)}) to fill the blocks`,
          element: p.id,
          property: 'maxPods',
          evidence: { pool: p.name, maxPods: pods, blocks },
        });
      }
    }
  },
});
