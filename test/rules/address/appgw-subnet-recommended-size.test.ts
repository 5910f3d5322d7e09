import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function sized(cidr: string, sku?: 'Standard' | 'WAF' | 'Standard_v2' | 'WAF_v2') {
  return () => {
    const b = baseline();
    b.appGwSubnet.cidr = cidr;
    if (sku) b.appGw.sku = sku;
    return b.arch;
  };
}

const PATH = 'network.vnets[1].subnets[1].cidr';

testRule('address/appgw-subnet-recommended-size', {
  valid: [
    { name: 'a /24 (the recommended size)', arch: sized('10.1.4.0/24') },
    { name: 'a /23', arch: sized('10.1.4.0/23') },
    { name: 'a /26 holding a v1 gateway is not this rule', arch: sized('10.1.4.0/26', 'WAF') },
  ],
  invalid: [
    {
      name: 'a /25 (one bit short) for WAF_v2',
      arch: sized('10.1.4.0/25'),
      findings: [
        {
          messageId: 'belowRecommended',
          path: PATH,
          severity: 'warning',
          message: 'snet-appgw 10.1.4.0/25 hosts Application Gateway v2 agw-test but is a /25 (128 addresses); a /24 is recommended',
          evidence: { prefix: 25, recommended: 24 },
        },
      ],
    },
    {
      name: 'a /26 for Standard_v2',
      arch: sized('10.1.4.0/26', 'Standard_v2'),
      findings: [
        {
          messageId: 'belowRecommended',
          path: PATH,
          severity: 'warning',
          message: 'snet-appgw 10.1.4.0/26 hosts Application Gateway v2 agw-test but is a /26 (64 addresses); a /24 is recommended',
        },
      ],
    },
  ],
});
