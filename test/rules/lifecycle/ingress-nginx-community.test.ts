import { aroundDate, inOrder, testRule } from '../../helpers/rule-tester.js';
import { withController } from './_fixtures.js';

const DATE = '2026-03-31';

testRule('lifecycle/ingress-nginx-community', {
  valid: [{ name: 'the retiring feature is not used', arch: () => withController('app-routing-gateway-api').arch, asOf: '2029-01-01' }],
  invalid: [
    ...aroundDate(DATE, 'in use', () => withController('nginx').arch, (asOf, severity) => [
      {
        messageId: 'communityNginx',
        path: 'ingress[0].hops[2].via.type',
        severity,
        message: inOrder(
          'ingress controller nginx in cluster aks-test is self-managed community ingress-nginx: upstream maintenance ',
          severity === 'error' ? 'ended' : 'ends',
          ' 2026-03-31 (',
          asOf,
        ),
      },
    ]),
  ],
});
