import { testRule } from '../../helpers/rule-tester.js';
import { withOnPrem } from './_fixtures.js';

function sized(cidr: string) {
  return () => {
    const b = withOnPrem();
    b.gwSubnet.cidr = cidr;
    return b.arch;
  };
}

const PATH = 'network.vnets[0].subnets[1].cidr';

testRule('address/gateway-subnet-size', {
  valid: [
    { name: 'a /27', arch: sized('10.0.4.0/27') },
    { name: 'a /29 (the minimum)', arch: sized('10.0.4.0/29') },
  ],
  invalid: [
    {
      name: 'a /30 (one bit short)',
      arch: sized('10.0.4.0/30'),
      findings: [
        {
          messageId: 'tooSmall',
          path: PATH,
          severity: 'error',
          message: 'GatewaySubnet 10.0.4.0/30 (VPN/ExpressRoute gateway) is a /30 with 0 usable addresses; it must be a /29 or larger',
          evidence: { prefix: 30, required: 29 },
        },
      ],
    },
  ],
});
