import { testRule } from '../../helpers/rule-tester.js';
import { withFrontDoor } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

testRule('ingress/front-door-private-link-sku', {
  valid: [{ name: 'Front Door Premium', arch: () => withFrontDoor('Premium').arch }],
  invalid: [
    {
      name: 'Front Door Standard with a Private Link origin',
      arch: () => withFrontDoor('Standard').arch,
      findings: [
        {
          messageId: 'privateLinkNeedsPremium',
          path: 'ingress[1].hops[0].via.sku',
          severity: 'error',
          message:
            'Front Door afd-global (Standard) forwards path global to Private Link service pls-ingress (hop 2); Private Link origins need Front Door Premium',
          evidence: { frontDoor: 'afd-global', sku: 'Standard', privateLinkService: 'pls-ingress' },
        },
      ],
    },
    {
      name: 'one finding per Front Door, even with two Private Link paths',
      arch: () => {
        const b = withFrontDoor('Standard');
        const global = b.arch.ingress![1]!;
        mutable(b.arch.ingress!).push({ ...global, name: 'global-2' });
        return b.arch;
      },
      findings: [{ messageId: 'privateLinkNeedsPremium', path: 'ingress[1].hops[0].via.sku', severity: 'error', message: /forwards path global to/ }],
    },
  ],
});
