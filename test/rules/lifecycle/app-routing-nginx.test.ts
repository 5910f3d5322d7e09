import { aroundDate, inOrder, testRule } from '../../helpers/rule-tester.js';
import { withController } from './_fixtures.js';

const DATE = '2026-11-30';

testRule('lifecycle/app-routing-nginx', {
  valid: [{ name: 'the retiring feature is not used', arch: () => withController('app-routing-gateway-api').arch, asOf: '2029-01-01' }],
  invalid: [
    ...aroundDate(DATE, 'in use', () => withController('app-routing-nginx').arch, (asOf, severity) => [
      {
        messageId: 'managedNginx',
        path: 'ingress[0].hops[2].via.type',
        severity,
        message: inOrder(
          "ingress controller nginx in cluster aks-test uses the application routing add-on's managed NGINX: " +
          "Microsoft's critical security patching ",
          severity === 'error' ? 'ended' : 'ends',
          ' 2026-11-30 (',
          asOf,
        ),
      },
    ]),
  ],
});
