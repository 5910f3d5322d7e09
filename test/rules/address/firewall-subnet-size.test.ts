import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function sized(cidr: string) {
  return () => {
    const b = baseline();
    b.fwSubnet.cidr = cidr;
    return b.arch;
  };
}

testRule('address/firewall-subnet-size', {
  valid: [
    { name: 'the /26 baseline (the minimum)', arch: sized('10.0.0.0/26') },
    { name: 'a /25', arch: sized('10.0.0.0/25') },
  ],
  invalid: [
    {
      name: 'a /27 (one bit short)',
      arch: sized('10.0.0.0/27'),
      findings: [
        {
          messageId: 'tooSmall',
          path: 'network.vnets[0].subnets[0].cidr',
          severity: 'error',
          message: 'AzureFirewallSubnet 10.0.0.0/27 (Azure Firewall) is a /27 with 27 usable addresses; it must be a /26 or larger',
          evidence: { prefix: 27, required: 26 },
        },
      ],
    },
  ],
});
