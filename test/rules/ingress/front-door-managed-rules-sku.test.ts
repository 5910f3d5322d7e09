import { testRule } from '../../helpers/rule-tester.js';
import { withFrontDoor } from './_fixtures.js';

testRule('ingress/front-door-managed-rules-sku', {
  valid: [
    { name: 'Premium with managed rules', arch: () => withFrontDoor('Premium').arch },
    {
      name: 'Standard with custom rules only',
      arch: () => {
        const b = withFrontDoor('Standard');
        b.fd.waf = { mode: 'Prevention', managedRules: false };
        return b.arch;
      },
    },
    {
      name: 'Standard with managed rules not stated (the default is not a claim)',
      arch: () => {
        const b = withFrontDoor('Standard');
        b.fd.waf = { mode: 'Prevention' };
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'managed rule sets on Front Door Standard',
      arch: () => withFrontDoor('Standard').arch,
      findings: [
        {
          messageId: 'managedRulesOnStandard',
          path: 'ingress[1].hops[0].via.waf.managedRules',
          severity: 'error',
          message: 'Front Door afd-global is Standard but its WAF declares managed rule sets, which only Premium provides',
          evidence: { frontDoor: 'afd-global', sku: 'Standard' },
        },
      ],
    },
    {
      name: 'a named WAF policy',
      arch: () => {
        const b = withFrontDoor('Standard');
        b.fd.waf = { name: 'wafafd', mode: 'Prevention', managedRules: true };
        return b.arch;
      },
      findings: [
        {
          messageId: 'managedRulesOnStandard',
          path: 'ingress[1].hops[0].via.waf.managedRules',
          severity: 'error',
          message: 'Front Door afd-global is Standard but its WAF policy wafafd declares managed rule sets, which only Premium provides',
        },
      ],
    },
  ],
});
