import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule('ingress/waf-detection-mode', {
  valid: [{ name: 'Prevention mode', arch: () => baseline().arch }],
  invalid: [
    {
      name: 'a named WAF policy in Detection mode on one path',
      arch: () => {
        const b = baseline();
        b.appGw.waf = { name: 'waf-web', mode: 'Detection' };
        return b.arch;
      },
      findings: [
        {
          messageId: 'detection',
          path: 'ingress[0].hops[0].via.waf.mode',
          severity: 'warning',
          message: 'Application Gateway agw-test runs its WAF policy waf-web in Detection mode, which only logs attacks on 1 ingress path (web)',
          evidence: { resource: 'agw-test', mode: 'Detection', paths: 1 },
        },
      ],
    },
    {
      name: 'an unnamed WAF in Detection mode on two paths',
      arch: () => {
        const b = baseline();
        b.appGw.waf = { mode: 'Detection' };
        b.arch.ingress!.push({ ...b.path, name: 'api' });
        return b.arch;
      },
      findings: [
        {
          messageId: 'detection',
          path: 'ingress[0].hops[0].via.waf.mode',
          severity: 'warning',
          message: 'Application Gateway agw-test runs its WAF in Detection mode, which only logs attacks on 2 ingress paths (web, api)',
        },
      ],
    },
  ],
});
