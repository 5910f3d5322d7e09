import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

/** A /28 (11 usable) gateway subnet with `max` instances and, when `privateFrontend`, one private frontend. */
function sized(max: number, privateFrontend: boolean) {
  return () => {
    const b = baseline();
    b.appGwSubnet.cidr = '10.1.4.0/28';
    b.appGw.maxCapacity = max;
    if (privateFrontend) {
      b.appGw.frontend = 'both';
      b.appGw.privateIp = '10.1.4.4';
    }
    return b.arch;
  };
}

const PATH = 'network.vnets[1].subnets[1].cidr';

testRule('address/appgw-subnet-capacity', {
  valid: [
    { name: 'the /24 baseline', arch: () => baseline().arch },
    { name: '11 instances in a /28 (11 usable): exactly full', arch: sized(11, false) },
    { name: '10 instances + a private frontend in a /28: exactly full', arch: sized(10, true) },
  ],
  invalid: [
    {
      name: '12 instances in a /28 (one too many)',
      arch: sized(12, false),
      findings: [
        {
          messageId: 'overCapacity',
          path: PATH,
          severity: 'error',
          message: 'snet-appgw 10.1.4.0/28 has 11 usable addresses; agw-test 12 instances need 12',
          evidence: { usable: 11, needed: 12 },
        },
      ],
    },
    {
      name: '11 instances + a private frontend in a /28 (one too many)',
      arch: sized(11, true),
      findings: [
        {
          messageId: 'overCapacity',
          path: PATH,
          severity: 'error',
          message: 'snet-appgw 10.1.4.0/28 has 11 usable addresses; agw-test 11 instances + 1 private frontend need 12',
        },
      ],
    },
    {
      name: '20 instances + a private frontend in a /28',
      arch: sized(20, true),
      findings: [
        {
          messageId: 'overCapacity',
          path: PATH,
          severity: 'error',
          message: 'snet-appgw 10.1.4.0/28 has 11 usable addresses; agw-test 20 instances + 1 private frontend need 21',
          evidence: { subnet: 'snet-appgw', cidr: '10.1.4.0/28', usable: 11, needed: 21 },
        },
      ],
    },
  ],
});
