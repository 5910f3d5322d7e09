import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { withOnPrem } from './_fixtures.js';

const ID = 'address/gateway-subnet-size';

describe(ID, () => {
  it('reports a /30 GatewaySubnet', async () => {
    const b = withOnPrem();
    b.gwSubnet.cidr = '10.0.4.0/30';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('GatewaySubnet 10.0.4.0/30 (VPN/ExpressRoute gateway) is a /30 with 0 usable addresses; it must be a /29 or larger');
    expect(f[0]!.path).toBe('network.vnets[0].subnets[1].cidr');
  });

  it('passes a /27 and a /29', async () => {
    expect(await runRule(ID, withOnPrem().arch)).toEqual([]);
    const b = withOnPrem();
    b.gwSubnet.cidr = '10.0.4.0/29';
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
