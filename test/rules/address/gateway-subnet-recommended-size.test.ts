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

testRule('address/gateway-subnet-recommended-size', {
  valid: [
    { name: 'a /27 (the recommended size)', arch: sized('10.0.4.0/27') },
    { name: 'a /26', arch: sized('10.0.4.0/26') },
    { name: 'a /30 is an error of address/gateway-subnet-size, not a warning here', arch: sized('10.0.4.0/30') },
  ],
  invalid: [
    {
      name: 'a /28 (one bit short)',
      arch: sized('10.0.4.0/28'),
      findings: [
        {
          messageId: 'belowRecommended',
          path: PATH,
          severity: 'warning',
          message: 'GatewaySubnet 10.0.4.0/28 is a /28 (16 addresses); a /27 or larger is recommended so gateways can coexist and scale',
          evidence: { prefix: 28, recommended: 27 },
        },
      ],
    },
    {
      name: 'a /29 (the smallest size Azure accepts)',
      arch: sized('10.0.4.0/29'),
      findings: [
        {
          messageId: 'belowRecommended',
          path: PATH,
          severity: 'warning',
          message: 'GatewaySubnet 10.0.4.0/29 is a /29 (8 addresses); a /27 or larger is recommended so gateways can coexist and scale',
        },
      ],
    },
  ],
});
