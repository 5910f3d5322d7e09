import { describe, expect, it } from 'vitest';
import { bastion, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/reserved-subnet-name';

describe(ID, () => {
  it('reports a firewall placed in a subnet with another name', async () => {
    const b = baseline();
    b.fwSubnet.name = 'snet-firewall';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('Azure Firewall afw-hub is placed in subnet snet-firewall (10.0.0.0/26); Azure only deploys it into a subnet named AzureFirewallSubnet');
    expect(f[0]!.path).toBe('network.firewalls[0].subnet');
  });

  it('reports a subnet declared for Bastion with the wrong name', async () => {
    const b = baseline();
    b.hub.subnets.push(subnet({ name: 'snet-bastion', cidr: '10.0.1.0/26', purpose: 'bastion' }));
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('subnet snet-bastion (10.0.1.0/26) is declared for Azure Bastion but is not named AzureBastionSubnet');
    expect(f[0]!.path).toBe('network.vnets[0].subnets[1].name');
  });

  it('passes correctly named subnets', async () => {
    const b = baseline();
    const s = subnet({ name: 'AzureBastionSubnet', cidr: '10.0.1.0/26', purpose: 'bastion' });
    b.hub.subnets.push(s);
    b.arch.network.bastions = [bastion({ name: 'bas', subnet: s })];
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('does not ask a subnet that only hosts a Developer Bastion to be AzureBastionSubnet', async () => {
    const b = baseline();
    const vms = subnet({ name: 'snet-vms', cidr: '10.0.1.0/28' });
    b.hub.subnets.push(vms);
    b.arch.network.bastions = [bastion({ name: 'bas-dev', sku: 'Developer', subnet: vms })];
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
