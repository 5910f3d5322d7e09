import { baseline } from '../../helpers/fixture.js';
import { aroundDate, inOrder, testRule } from '../../helpers/rule-tester.js';

const DATE = '2028-03-31';

function kubenet() {
  const b = baseline();
  b.aks.network = { cni: 'kubenet', networkPolicy: 'calico' };
  return b;
}

testRule('lifecycle/kubenet', {
  valid: [{ name: 'the retiring feature is not used', arch: () => baseline().arch, asOf: '2029-01-01' }],
  invalid: [
    ...aroundDate(DATE, 'in use', () => kubenet().arch, (asOf, severity) => [
      {
        messageId: 'kubenet',
        path: 'clusters[0].network.cni',
        severity,
        message: inOrder(
          'cluster aks-test uses kubenet: kubenet support ',
          severity === 'error' ? 'ended' : 'ends',
          ' 2028-03-31 (',
          asOf,
        ),
      },
    ]),
  ],
});
