import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function withMaxPods(maxPods: number) {
  return () => {
    const b = baseline();
    b.aks.nodePools[1]!.maxPods = maxPods;
    return b.arch;
  };
}

const below = (maxPods: number) => ({
  messageId: 'belowMinimum',
  path: 'clusters[0].nodePools[1].maxPods',
  severity: 'error' as const,
  message: `node pool apps of aks-test sets maxPods ${maxPods}; AKS accepts 10 to 250`,
  evidence: { pool: 'apps', maxPods },
});

testRule('cni/max-pods-range', {
  valid: [
    { name: '10 (the minimum)', arch: withMaxPods(10) },
    { name: 'the defaults', arch: () => baseline().arch },
  ],
  invalid: [
    { name: '9 (one below the minimum)', arch: withMaxPods(9), findings: [below(9)] },
    { name: '8', arch: withMaxPods(8), findings: [below(8)] },
  ],
});
