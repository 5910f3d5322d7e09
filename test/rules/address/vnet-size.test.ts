import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function withSpace(addressSpace: string[]) {
  return () => {
    const b = baseline();
    b.spoke.addressSpace = addressSpace;
    return b.arch;
  };
}

testRule('address/vnet-size', {
  valid: [
    { name: 'a /8 (the largest allowed)', arch: withSpace(['10.0.0.0/8']) },
    { name: 'the baseline', arch: () => baseline().arch },
  ],
  invalid: [
    {
      name: 'a /7 as the second range',
      arch: withSpace(['10.1.0.0/16', '100.0.0.0/7']),
      findings: [
        {
          messageId: 'tooLarge',
          path: 'network.vnets[1].addressSpace[1]',
          severity: 'error',
          message: 'VNet vnet-spoke address space 100.0.0.0/7 is a /7; Azure allows at most a /8',
          evidence: { vnet: 'vnet-spoke', cidr: '100.0.0.0/7', prefix: 7 },
        },
      ],
    },
  ],
});
