import { baseline } from '../../helpers/fixture.js';
import { aroundDate, inOrder, testRule } from '../../helpers/rule-tester.js';

const DATE = '2028-09-30';

function npm() {
  const b = baseline();
  b.aks.network = { cni: 'azure-overlay', networkPolicy: 'azure' };
  return b;
}

testRule('lifecycle/azure-npm-linux', {
  valid: [{ name: 'the retiring feature is not used', arch: () => baseline().arch, asOf: '2029-01-01' }],
  invalid: [
    ...aroundDate(DATE, 'in use', () => npm().arch, (asOf, severity) => [
      {
        messageId: 'npmLinux',
        path: 'clusters[0].network.networkPolicy',
        severity,
        message: inOrder(
          'cluster aks-test uses Azure NPM on 2 Linux node pools: NPM for Linux ',
          severity === 'error' ? 'retired' : 'retires',
          ' 2028-09-30 (',
          asOf,
        ),
      },
    ]),
  ],
});
