import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function appsPool(change: (p: ReturnType<typeof baseline>['aks']['nodePools'][number]) => void) {
  return () => {
    const b = baseline();
    change(b.aks.nodePools[1]!);
    return b.arch;
  };
}

testRule('reliability/user-pool-min-nodes', {
  valid: [
    { name: 'minCount 3', arch: () => baseline().arch },
    { name: 'minCount 2 (the Well-Architected minimum)', arch: appsPool((p) => (p.minCount = 2)) },
    { name: 'a fixed count of 2', arch: appsPool((p) => { delete p.minCount; delete p.maxCount; p.count = 2; }) },
    { name: 'a spot pool may scale to zero', arch: appsPool((p) => { p.minCount = 0; p.spot = true; }) },
  ],
  invalid: [
    {
      name: 'minCount 1',
      arch: appsPool((p) => (p.minCount = 1)),
      findings: [
        {
          messageId: 'singleNode',
          path: 'clusters[0].nodePools[1].minCount',
          severity: 'info',
          message:
            'user node pool apps of cluster aks-test can run with 1 node (minCount 1); keep at least 2 so one node ' +
            'failure or drain does not take the whole pool',
        },
      ],
    },
    {
      name: 'a fixed count of 1',
      arch: appsPool((p) => { delete p.minCount; delete p.maxCount; p.count = 1; }),
      findings: [{ messageId: 'singleNode', path: 'clusters[0].nodePools[1].count', severity: 'info', message: /\(count 1\)/ }],
    },
  ],
});
