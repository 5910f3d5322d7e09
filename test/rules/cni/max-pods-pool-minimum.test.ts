import { describe, expect, it } from 'vitest';
import { nodePool } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const PATH = 'clusters[0].nodePools[2].maxPods';

/** The baseline plus a pool `tiny` with the given size settings. */
function withPool(size: { count?: number; minCount?: number; maxCount?: number }, maxPods: number) {
  return () => {
    const b = baseline();
    mutable(b.aks.nodePools).push(nodePool({ name: 'tiny', mode: 'user', vmSize: 'Standard_D2ds_v5', maxPods, subnet: b.nodes, ...size }));
    return b.arch;
  };
}

testRule('cni/max-pods-pool-minimum', {
  valid: [
    { name: '3 nodes × 10 pods = 30', arch: withPool({ count: 3 }, 10) },
    { name: 'autoscaler minimum 3 × 10 pods = 30', arch: withPool({ minCount: 3, maxCount: 10 }, 10) },
    { name: '1 node × 30 pods (30 and more is not judged)', arch: withPool({ count: 1 }, 30) },
    { name: '2 nodes × 15 pods = 30', arch: withPool({ count: 2 }, 15) },
    { name: '1 node × 9 pods: below 10 is cni/max-pods-range', arch: withPool({ count: 1 }, 9) },
    { name: 'autoscaler minimum 0 × 30 pods (30 and more is not judged)', arch: withPool({ minCount: 0, maxCount: 3 }, 30) },
  ],
  invalid: [
    {
      name: '2 nodes × 10 pods = 20',
      arch: withPool({ count: 2 }, 10),
      findings: [
        {
          messageId: 'tooFewPods',
          path: PATH,
          severity: 'error',
          message: 'node pool tiny of aks-test has 2 nodes × 10 max pods = 20 pods; with maxPods below 30 a pool must hold at least 30',
        },
      ],
    },
    {
      name: 'autoscaler minimum 2 × 10 (the maximum of 10 nodes does not help)',
      arch: withPool({ minCount: 2, maxCount: 10 }, 10),
      findings: [
        {
          messageId: 'tooFewPods',
          path: PATH,
          severity: 'error',
          message:
            'node pool tiny of aks-test has 2 nodes at its autoscaler minimum × 10 max pods = 20 pods; with maxPods ' +
            'below 30 a pool must hold at least 30',
        },
      ],
    },
    {
      name: 'autoscaler minimum not stated, but even the maximum of 2 × 10 = 20 is too few',
      arch: withPool({ count: 2, maxCount: 2 }, 10),
      findings: [
        {
          messageId: 'tooFewPods',
          path: PATH,
          severity: 'error',
          message:
            'node pool tiny of aks-test has 2 nodes at its autoscaler maximum × 10 max pods = 20 pods; with maxPods ' +
            'below 30 a pool must hold at least 30',
        },
      ],
    },
    {
      name: '1 node × 29 pods = 29',
      arch: withPool({ count: 1 }, 29),
      findings: [{ messageId: 'tooFewPods', path: PATH, severity: 'error', message: /= 29 pods/ }],
    },
  ],
});

describe('cni/max-pods-pool-minimum: unstated facts', () => {
  it('does not take the starting count for an unstated autoscaler minimum: one unverified check names minCount', async () => {
    // count 2, maxCount 5, maxPods 10: 2 × 10 = 20 judged as the minimum before; the minimum may be 3 or more.
    const r = await runRuleResult('cni/max-pods-pool-minimum', withPool({ count: 2, maxCount: 5 }, 10)());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['clusters[0].nodePools[2].minCount']);
  });

  it('with the maximum of 3 × 10 = 30 the unstated minimum still decides: unverified, not valid and not an error', async () => {
    const r = await runRuleResult('cni/max-pods-pool-minimum', withPool({ count: 1, maxCount: 3 }, 10)());
    expect(r.findings).toEqual([]);
    expect(r.unverified).toHaveLength(1);
  });
});
