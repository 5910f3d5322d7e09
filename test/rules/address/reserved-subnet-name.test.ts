import { bastion, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { withOnPrem } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

testRule('address/reserved-subnet-name', {
  valid: [
    {
      name: 'correctly named subnets',
      arch: () => {
        const b = baseline();
        const s = subnet({ name: 'AzureBastionSubnet', cidr: '10.0.1.0/26', purpose: 'bastion' });
        mutable(b.hub.subnets).push(s);
        b.arch.network.bastions = [bastion({ name: 'bas', subnet: s })];
        return b.arch;
      },
    },
    {
      name: 'names compare without case',
      arch: () => {
        const b = baseline();
        b.fwSubnet.name = 'azurefirewallsubnet';
        return b.arch;
      },
    },
    { name: 'a GatewaySubnet', arch: () => withOnPrem().arch },
    {
      name: 'a subnet that only hosts a Developer Bastion need not be AzureBastionSubnet',
      arch: () => {
        const b = baseline();
        const vms = subnet({ name: 'snet-vms', cidr: '10.0.1.0/28' });
        mutable(b.hub.subnets).push(vms);
        b.arch.network.bastions = [bastion({ name: 'bas-dev', sku: 'Developer', subnet: vms })];
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a firewall placed in a subnet with another name (reported once, on the firewall)',
      arch: () => {
        const b = baseline();
        b.fwSubnet.name = 'snet-firewall';
        return b.arch;
      },
      findings: [
        {
          messageId: 'occupantInWrongSubnet',
          path: 'network.firewalls[0].subnet',
          severity: 'error',
          message:
            'Azure Firewall afw-hub is placed in subnet snet-firewall (10.0.0.0/26); Azure only deploys it into a subnet named AzureFirewallSubnet',
          evidence: { resource: 'afw-hub', subnet: 'snet-firewall', required: 'AzureFirewallSubnet' },
        },
      ],
    },
    {
      name: 'a VPN gateway in a subnet with another name',
      arch: () => {
        const b = withOnPrem();
        b.gwSubnet.name = 'snet-gw';
        return b.arch;
      },
      findings: [
        {
          messageId: 'occupantInWrongSubnet',
          path: 'network.gateways[0].subnet',
          severity: 'error',
          message:
            'VPN/ExpressRoute gateway vpngw-hub is placed in subnet snet-gw (10.0.4.0/27); Azure only deploys it into a subnet named GatewaySubnet',
        },
      ],
    },
    {
      name: 'a subnet declared for Bastion with the wrong name',
      arch: () => {
        const b = baseline();
        mutable(b.hub.subnets).push(subnet({ name: 'snet-bastion', cidr: '10.0.1.0/26', purpose: 'bastion' }));
        return b.arch;
      },
      findings: [
        {
          messageId: 'purposeWrongName',
          path: 'network.vnets[0].subnets[1].name',
          severity: 'error',
          message: 'subnet snet-bastion (10.0.1.0/26) is declared for Azure Bastion but is not named AzureBastionSubnet',
          evidence: { subnet: 'snet-bastion', purpose: 'bastion', required: 'AzureBastionSubnet' },
        },
      ],
    },
    {
      name: 'a subnet declared for firewall management with the wrong name',
      arch: () => {
        const b = baseline();
        mutable(b.hub.subnets).push(subnet({ name: 'snet-fw-mgmt', cidr: '10.0.1.0/26', purpose: 'firewall-management' }));
        return b.arch;
      },
      findings: [
        {
          messageId: 'purposeWrongName',
          path: 'network.vnets[0].subnets[1].name',
          severity: 'error',
          message:
            'subnet snet-fw-mgmt (10.0.1.0/26) is declared for Azure Firewall management but is not named AzureFirewallManagementSubnet',
        },
      ],
    },
  ],
});
