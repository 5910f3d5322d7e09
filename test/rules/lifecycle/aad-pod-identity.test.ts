import { baseline } from '../../helpers/fixture.js';
import { aroundDate, inOrder, testRule } from '../../helpers/rule-tester.js';

const DATE = '2025-09-30';

function withPodIdentity(on: boolean) {
  const b = baseline();
  b.aks.addons = { aadPodIdentity: on };
  return b.arch;
}

testRule('lifecycle/aad-pod-identity', {
  valid: [
    { name: 'no add-ons stated', arch: () => baseline().arch },
    { name: 'the add-on turned off', arch: () => withPodIdentity(false) },
  ],
  invalid: aroundDate(DATE, 'pod identity on', () => withPodIdentity(true), (asOf, severity) => [
    {
      messageId: 'addOn',
      path: 'clusters[0].addons.aadPodIdentity',
      severity,
      message: inOrder(
        'cluster aks-test enables pod-managed identity (AAD pod identity), deprecated since 2022-10-24, whose AKS add-on support ',
        severity === 'error' ? 'ended' : 'ends',
        ' 2025-09-30 (',
        asOf,
        '); use Microsoft Entra Workload ID',
      ),
    },
  ]),
});
