import { nodePool } from '../../../dsl/index.js';
import { testRule } from '../../helpers/rule-tester.js';
import { kubenet, withWindows } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

testRule('cni/kubenet-windows', {
  valid: [
    { name: 'Windows on Azure CNI', arch: () => withWindows().arch },
    { name: 'a Linux-only kubenet cluster', arch: () => kubenet().arch },
  ],
  invalid: [
    {
      name: 'a Windows pool in a kubenet cluster',
      arch: () => {
        const b = kubenet();
        mutable(b.aks.nodePools).push(nodePool({ name: 'win', mode: 'user', os: 'Windows', vmSize: 'Standard_D4ds_v5', subnet: b.nodes }));
        return b.arch;
      },
      findings: [
        {
          messageId: 'windowsPool',
          path: 'clusters[0].nodePools[2].os',
          severity: 'error',
          message: 'Windows node pool win cannot join kubenet cluster aks-test; Windows nodes require Azure CNI',
          evidence: { pool: 'win', cluster: 'aks-test' },
        },
      ],
    },
  ],
});
