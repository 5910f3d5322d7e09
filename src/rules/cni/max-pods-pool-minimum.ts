import { defineRule } from '../../validate/rule.js';
import { nonNeg } from '../address/_net.js';

export default defineRule({
  meta: {
    id: 'cni/max-pods-pool-minimum',
    title: 'Pools with maxPods below 30 still hold 30 pods',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:01'],
    rationale:
      'AKS allows maxPods below 30 only when the pool as a whole can host at least 30 pods (for example maxPods 10 needs 3 nodes), so that system pods always fit; smaller pools are rejected.',
    fix: 'Raise maxPods to 30 or more, or raise the node count so that nodes × maxPods is at least 30.',
    example: `nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', count: 3, maxPods: 10, subnet: nodes }) // 3 × 10 = 30`,
    references: [{ title: 'AKS: IP address planning (maximum pods per node)', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' }],
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      for (const p of ctx.q.pools(c.id)) {
        const pods = nonNeg(p.maxPods);
        if (pods < 10 || pods >= 30) continue; // below 10 is cni/max-pods-range
        const nodes = nonNeg(p.count);
        if (nodes * pods >= 30) continue;
        ctx.report({
          message: `node pool ${p.name} of ${c.name} has ${nodes} nodes × ${pods} max pods = ${nodes * pods} pods; with maxPods below 30 a pool must hold at least 30`,
          element: p.id,
          property: 'maxPods',
          evidence: { pool: p.name, nodes, maxPods: pods, capacity: nodes * pods },
        });
      }
    }
  },
});
