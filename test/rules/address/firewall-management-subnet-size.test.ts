import { describe, expect, it } from 'vitest';
import { subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/firewall-management-subnet-size';

describe(ID, () => {
  it('reports a /28 AzureFirewallManagementSubnet', async () => {
    const b = baseline();
    b.hub.subnets.push(subnet({ name: 'AzureFirewallManagementSubnet', cidr: '10.0.0.64/28' }));
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'AzureFirewallManagementSubnet 10.0.0.64/28 (Azure Firewall management) is a /28 with 11 usable addresses; it must be a /26 or larger',
    );
    expect(f[0]!.path).toBe('network.vnets[0].subnets[1].cidr');
  });

  it('passes a /26', async () => {
    const b = baseline();
    b.hub.subnets.push(subnet({ name: 'AzureFirewallManagementSubnet', cidr: '10.0.0.64/26', purpose: 'firewall-management' }));
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
