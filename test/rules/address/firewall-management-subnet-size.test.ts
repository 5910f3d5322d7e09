import { subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

function withMgmt(cidr: string, byPurpose = false) {
  return () => {
    const b = baseline();
    mutable(b.hub.subnets).push(
      byPurpose
        ? subnet({ name: 'snet-fw-mgmt', cidr, purpose: 'firewall-management' })
        : subnet({ name: 'AzureFirewallManagementSubnet', cidr }),
    );
    return b.arch;
  };
}

const PATH = 'network.vnets[0].subnets[1].cidr';

testRule('address/firewall-management-subnet-size', {
  valid: [
    { name: 'a /26 (the minimum)', arch: withMgmt('10.0.0.64/26') },
    { name: 'a /25', arch: withMgmt('10.0.0.128/25') },
  ],
  invalid: [
    {
      name: 'a /28 named AzureFirewallManagementSubnet',
      arch: withMgmt('10.0.0.64/28'),
      findings: [
        {
          messageId: 'tooSmall',
          path: PATH,
          severity: 'error',
          message:
            'AzureFirewallManagementSubnet 10.0.0.64/28 (Azure Firewall management) is a /28 with 11 usable addresses; it must be a /26 or larger',
        },
      ],
    },
    {
      name: 'a /27 (one bit short) found by its purpose',
      arch: withMgmt('10.0.0.64/27', true),
      findings: [
        {
          messageId: 'tooSmall',
          path: PATH,
          severity: 'error',
          message: 'snet-fw-mgmt 10.0.0.64/27 (Azure Firewall management) is a /27 with 27 usable addresses; it must be a /26 or larger',
          evidence: { prefix: 27, required: 26 },
        },
      ],
    },
  ],
});
