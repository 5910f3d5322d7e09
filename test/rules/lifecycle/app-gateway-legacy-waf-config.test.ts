import { baseline } from '../../helpers/fixture.js';
import { aroundDate, inOrder, testRule } from '../../helpers/rule-tester.js';

const DATE = '2027-03-15';

function legacy(enabled = true) {
  return () => {
    const b = baseline();
    delete b.appGw.waf;
    b.appGw.webApplicationFirewallConfiguration = { enabled, mode: 'Prevention', ruleSetType: 'OWASP', ruleSetVersion: '3.2' };
    return b.arch;
  };
}

testRule('lifecycle/app-gateway-legacy-waf-config', {
  valid: [
    { name: 'a WAF policy, long after the date', arch: () => baseline().arch, asOf: '2029-01-01' },
    { name: 'a WAF policy on the day after the date', arch: () => baseline().arch, asOf: '2027-03-16' },
  ],
  invalid: [
    ...aroundDate(DATE, 'the legacy configuration', legacy(), (asOf, severity) => [
      {
        messageId: 'legacyConfig',
        path: 'ingress[0].hops[0].via.webApplicationFirewallConfiguration',
        severity,
        message: inOrder(
          'Application Gateway agw-test uses the in-gateway WAF configuration, which ',
          severity === 'error' ? 'retired' : 'retires',
          ' 2027-03-15 (',
          asOf,
          '); move it to a WAF policy',
        ),
      },
    ]),
    {
      name: 'a disabled legacy configuration still has to move before the date',
      arch: legacy(false),
      asOf: '2026-11-23',
      findings: [{ messageId: 'legacyConfig', path: 'ingress[0].hops[0].via.webApplicationFirewallConfiguration', severity: 'warning' }],
    },
  ],
});
