import { baseline } from '../../helpers/fixture.js';
import { aroundDate, inOrder, testRule } from '../../helpers/rule-tester.js';
import { withController } from './_fixtures.js';

const DATE = '2025-03-03';

testRule('lifecycle/http-application-routing', {
  valid: [{ name: 'the retiring feature is not used', arch: () => baseline().arch, asOf: '2029-01-01' }],
  invalid: [
    ...aroundDate(DATE, 'in use', () => withController('http-application-routing').arch, (asOf, severity) => [
      {
        messageId: 'addOn',
        path: 'ingress[0].hops[2].via.type',
        severity,
        message: inOrder(
          'ingress controller nginx in cluster aks-test uses the HTTP application routing add-on, ',
          severity === 'error' ? 'retired' : 'retiring',
          ' 2025-03-03 (',
          asOf,
        ),
      },
    ]),
  ],
});
