import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
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
    ...aroundDate(DATE, 'the add-on flag on the cluster', () => {
      const b = baseline();
      b.ic.type = 'app-routing-gateway-api';
      b.aks.addons = { httpApplicationRouting: true };
      return b.arch;
    }, (asOf, severity) => [
      {
        messageId: 'clusterAddOn',
        path: 'clusters[0].addons.httpApplicationRouting',
        severity,
        message: inOrder('cluster aks-test enables the HTTP application routing add-on, ', severity === 'error' ? 'retired' : 'retiring', ' 2025-03-03 (', asOf),
      },
    ]),
  ],
});

describe('lifecycle/http-application-routing: the add-on flag', () => {
  const ID = 'lifecycle/http-application-routing';
  it('reports the add-on stated on the cluster once, and not when it is off', async () => {
    const b = baseline();
    b.ic.type = 'app-routing-gateway-api';
    b.aks.addons = { httpApplicationRouting: true };
    const f = await runRule(ID, b.arch, { asOf: '2026-11-23' });
    expect(f.map((x) => [x.severity, x.path])).toEqual([['error', 'clusters[0].addons.httpApplicationRouting']]);
    expect(f[0]!.message).toContain('cluster aks-test enables the HTTP application routing add-on, retired 2025-03-03');
    b.aks.addons = { httpApplicationRouting: false };
    expect(await runRule(ID, b.arch, { asOf: '2026-11-23' })).toEqual([]);
  });
});
