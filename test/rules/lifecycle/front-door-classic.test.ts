import { baseline } from '../../helpers/fixture.js';
import { aroundDate, inOrder, testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const DATE = '2027-03-31';

function classic() {
  const b = baseline();
  mutable(b.path.hops).unshift({ via: { kind: 'frontDoor', name: 'afd-classic', sku: 'Classic' }, protocol: 'https', port: 443, tls: 'reencrypt' });
  return b;
}

testRule('lifecycle/front-door-classic', {
  valid: [{ name: 'the retiring feature is not used', arch: () => baseline().arch, asOf: '2029-01-01' }],
  invalid: [
    ...aroundDate(DATE, 'in use', () => classic().arch, (asOf, severity) => [
      {
        messageId: 'classicProfile',
        path: 'ingress[0].hops[0].via.sku',
        severity,
        message: inOrder(
          'Front Door afd-classic is a classic profile: Front Door (classic) ',
          severity === 'error' ? 'retired' : 'retires',
          ' 2027-03-31 (',
          asOf,
        ),
      },
    ]),
  ],
});
