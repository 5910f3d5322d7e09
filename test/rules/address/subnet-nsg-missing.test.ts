import { nsg, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

/** The baseline with an NSG on the App Gateway subnet, so every subnet that needs one has one. */
function covered() {
  const b = baseline();
  b.appGwSubnet.nsg = nsg({ name: 'nsg-appgw' });
  return b;
}

/** `covered()` plus a hub subnet with the given name and purpose, without an NSG. */
function withHubSubnet(name: string, purpose?: 'gateway' | 'firewall-management' | 'bastion' | 'general') {
  return () => {
    const b = covered();
    mutable(b.hub.subnets).push(subnet({ name, cidr: '10.0.1.0/26', ...(purpose ? { purpose } : {}) }));
    return b.arch;
  };
}

testRule('address/subnet-nsg-missing', {
  valid: [
    { name: 'every subnet but AzureFirewallSubnet has an NSG', arch: () => covered().arch },
    { name: 'GatewaySubnet without an NSG', arch: withHubSubnet('GatewaySubnet', 'gateway') },
    {
      name: 'AzureFirewallManagementSubnet without an NSG',
      arch: withHubSubnet('AzureFirewallManagementSubnet', 'firewall-management'),
    },
    { name: 'RouteServerSubnet without an NSG', arch: withHubSubnet('RouteServerSubnet') },
    { name: 'a gateway subnet found by purpose', arch: withHubSubnet('snet-gw', 'gateway') },
  ],
  invalid: [
    {
      name: 'the App Gateway subnet without an NSG',
      arch: () => baseline().arch,
      findings: [
        {
          messageId: 'missing',
          path: 'network.vnets[1].subnets[1]',
          severity: 'warning',
          message:
            'Subnet snet-appgw (10.1.4.0/24) in VNet vnet-spoke has no network security group; any address in the VNet ' +
            'or a connected network reaches every port in it',
        },
      ],
    },
    {
      name: 'AzureBastionSubnet is not exempt (an NSG is supported there)',
      arch: withHubSubnet('AzureBastionSubnet', 'bastion'),
      findings: [{ messageId: 'missing', path: 'network.vnets[0].subnets[1]', severity: 'warning' }],
    },
    {
      name: 'a general hub subnet',
      arch: withHubSubnet('snet-shared', 'general'),
      findings: [
        {
          messageId: 'missing',
          path: 'network.vnets[0].subnets[1]',
          severity: 'warning',
          evidence: { cidr: '10.0.1.0/26' },
        },
      ],
    },
  ],
});
