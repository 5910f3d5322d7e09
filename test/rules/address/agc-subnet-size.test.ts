import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { withAgc } from './_fixtures.js';

const ID = 'address/agc-subnet-size';

describe(ID, () => {
  it('reports a /25 association subnet', async () => {
    const f = await runRule(ID, withAgc('10.1.8.0/25', 'Microsoft.ServiceNetworking/trafficControllers').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('AGC association subnet snet-agc 10.1.8.0/25 has 128 addresses; agc-web needs 256 (a /24)');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[2].cidr');
  });

  it('passes a /24', async () => {
    expect(await runRule(ID, withAgc('10.1.8.0/24', 'Microsoft.ServiceNetworking/trafficControllers').arch)).toEqual([]);
  });
});
