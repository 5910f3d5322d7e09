import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { withAgc } from './_fixtures.js';

const ID = 'address/agc-subnet-delegation';

describe(ID, () => {
  it('reports an undelegated association subnet', async () => {
    const f = await runRule(ID, withAgc('10.1.8.0/24').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'AGC agc-web uses subnet snet-agc (10.1.8.0/24), which is not delegated; it must be delegated to Microsoft.ServiceNetworking/trafficControllers',
    );
    expect(f[0]!.path).toBe('network.vnets[1].subnets[2].delegation');
  });

  it('reports the wrong delegation and passes the right one', async () => {
    const f = await runRule(ID, withAgc('10.1.8.0/24', 'Microsoft.Network/applicationGateways').arch);
    expect(f[0]!.message).toContain('delegated to Microsoft.Network/applicationGateways');
    expect(await runRule(ID, withAgc('10.1.8.0/24', 'Microsoft.ServiceNetworking/trafficControllers').arch)).toEqual([]);
  });
});
