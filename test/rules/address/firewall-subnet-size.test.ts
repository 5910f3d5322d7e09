import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/firewall-subnet-size';

describe(ID, () => {
  it('reports a /27 AzureFirewallSubnet', async () => {
    const b = baseline();
    b.fwSubnet.cidr = '10.0.0.0/27';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('AzureFirewallSubnet 10.0.0.0/27 (Azure Firewall) is a /27 with 27 usable addresses; it must be a /26 or larger');
    expect(f[0]!.path).toBe('network.vnets[0].subnets[0].cidr');
  });

  it('passes the /26 baseline', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});
