import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

/** The apps pool (second pool) with count / minCount / maxCount (undefined = not stated). */
function pool(count: number | undefined, minCount: number | undefined, maxCount: number | undefined) {
  return () => {
    const b = baseline();
    const p = b.aks.nodePools[1]!;
    p.count = count;
    p.minCount = minCount;
    p.maxCount = maxCount;
    return b.arch;
  };
}
const PATH = 'clusters[0].nodePools[1].count';

testRule('reliability/node-count-range', {
  valid: [
    { name: 'count on minCount', arch: pool(3, 3, 10) },
    { name: 'count on maxCount', arch: pool(10, 3, 10) },
    { name: 'count not stated (starts at minCount)', arch: pool(undefined, 3, 10) },
    { name: 'no autoscaling: count alone', arch: pool(1, undefined, undefined) },
  ],
  invalid: [
    {
      name: 'count one below minCount',
      arch: pool(2, 3, 10),
      findings: [
        {
          messageId: 'belowMin',
          path: PATH,
          severity: 'error',
          message: 'node pool apps of cluster aks-test has count 2, below its minCount 3: AKS rejects a count outside [3, 10]',
          evidence: { count: 2, minCount: 3, maxCount: 10 },
        },
      ],
    },
    {
      name: 'count one above maxCount',
      arch: pool(11, 3, 10),
      findings: [
        {
          messageId: 'aboveMax',
          path: PATH,
          severity: 'error',
          message: 'node pool apps of cluster aks-test has count 11, above its maxCount 10: AKS rejects a count outside [3, 10]',
        },
      ],
    },
    {
      name: 'count above maxCount with minCount not stated',
      arch: pool(6, undefined, 5),
      findings: [{ messageId: 'aboveMax', path: PATH, severity: 'error', message: /count 6, above its maxCount 5: .*outside \[\?, 5\]/ }],
    },
  ],
});
