import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function systemMin(minCount: number) {
  return () => {
    const b = baseline();
    b.aks.nodePools[0]!.minCount = minCount;
    return b.arch;
  };
}

testRule('reliability/system-node-count', {
  valid: [
    { name: 'minCount 3 (the minimum)', arch: systemMin(3) },
    {
      name: 'two system pools of 2 and 1 make 3',
      arch: () => {
        const b = baseline();
        b.aks.nodePools[0]!.minCount = 2;
        b.aks.nodePools[1]!.mode = 'system';
        b.aks.nodePools[1]!.minCount = 1;
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a system pool that can shrink to 2 nodes',
      arch: systemMin(2),
      findings: [
        {
          messageId: 'tooFew',
          path: 'clusters[0].nodePools[0].minCount',
          severity: 'warning',
          message: 'cluster aks-test has 2 system nodes at minimum (system: 2); keep at least 3',
          evidence: { cluster: 'aks-test', systemNodes: 2 },
        },
      ],
    },
    {
      name: 'a fixed single-node system pool',
      arch: () => {
        const b = baseline();
        const pool = b.aks.nodePools[0]!;
        delete pool.minCount;
        delete pool.maxCount;
        pool.count = 1;
        return b.arch;
      },
      findings: [
        {
          messageId: 'tooFew',
          path: 'clusters[0].nodePools[0].count',
          severity: 'warning',
          message: 'cluster aks-test has 1 system node at minimum (system: 1); keep at least 3',
        },
      ],
    },
  ],
});
