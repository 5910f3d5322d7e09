import { defineRule } from '../../validate/rule.js';
import { nonNeg } from '../address/_net.js';

/** A pool's maxPods (whose default follows its cluster's CNI) and node counts. */
const READS = ['maxPods', 'count', 'minCount', 'maxCount'];

export default defineRule({
  meta: {
    id: 'cni/max-pods-pool-minimum',
    title: 'Pools with maxPods below 30 still hold 30 pods',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'AKS allows maxPods below 30 only when each node pool has room for at least 30 pods (for example maxPods 10 ' +
      'needs three nodes), so that system pods always fit. With the cluster autoscaler the pool can shrink to its ' +
      'minimum count, so the minimum is what must hold 30 pods; smaller pools are rejected.',
    fix: 'Raise maxPods to 30 or more, or raise the node count (minCount with autoscaling) so that nodes × maxPods is at least 30.',
    example: `nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', count: 3, maxPods: 10, subnet: nodes }) // 3 × 10 = 30`,
    references: [{ title: 'AKS: IP address planning (maximum pods per node)', url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning' }],
    messages: {
      tooFewPods:
        'node pool {{pool}} of {{cluster}} has {{nodes}} {{which}} × {{maxPods}} max pods = {{capacity}} pods; with maxPods ' +
        'below 30 a pool must hold at least 30',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      for (const p of ctx.q.pools(c.id)) {
        const pods = nonNeg(p.maxPods);
        if (pods < 10 || pods >= 30) continue; // below 10 is cni/max-pods-range
        // The autoscaler can shrink the pool to its minimum, so that is what must hold 30 pods. An unstated minimum is
        // not the starting count: only a maximum too small settles it; else the check waits for minCount.
        const unknownMin = p.autoscaling && p.minCount === undefined;
        const atMax = unknownMin && p.maxCount !== undefined && nonNeg(p.maxCount) * pods < 30;
        if (unknownMin && !atMax) {
          ctx.unverified({ element: p.id, property: 'minCount', check: `node pool ${p.name} of ${c.name} holds at least 30 pods at its autoscaler minimum`, reads: READS });
          continue;
        }
        const nodes = nonNeg(atMax ? p.maxCount : p.autoscaling ? p.minCount : p.count);
        if (nodes * pods >= 30) continue;
        ctx.report({
          messageId: 'tooFewPods',
          data: {
            pool: p.name,
            cluster: c.name,
            nodes,
            which: atMax ? 'nodes at its autoscaler maximum' : p.autoscaling ? 'nodes at its autoscaler minimum' : 'nodes',
            maxPods: pods,
            capacity: nodes * pods,
          },
          element: p.id,
          property: 'maxPods',
          reads: READS,
          dependsOn: [{ element: c.id, reads: ['network.cni'] }],
          evidence: { pool: p.name, nodes, maxPods: pods, capacity: nodes * pods },
        });
      }
    }
  },
});
