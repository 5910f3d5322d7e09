import { describe, expect, it } from 'vitest';
import { bastion, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/bastion-subnet-size';

function withBastion(cidr: string) {
  const b = baseline();
  const s = subnet({ name: 'AzureBastionSubnet', cidr, purpose: 'bastion' });
  b.hub.subnets.push(s);
  b.arch.network.bastions = [bastion({ name: 'bas-hub', subnet: s, sku: 'Standard' })];
  return b;
}

describe(ID, () => {
  it('reports a /27 Bastion subnet', async () => {
    const f = await runRule(ID, withBastion('10.0.1.0/27').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('AzureBastionSubnet 10.0.1.0/27 (Azure Bastion) is a /27 with 27 usable addresses; it must be a /26 or larger');
    expect(f[0]!.path).toBe('network.vnets[0].subnets[1].cidr');
  });

  it('passes a /26', async () => {
    expect(await runRule(ID, withBastion('10.0.1.0/26').arch)).toEqual([]);
  });
});
