import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { withOnPrem } from './_fixtures.js';

const ID = 'address/gateway-subnet-recommended-size';

describe(ID, () => {
  it('warns about a /28 GatewaySubnet', async () => {
    const b = withOnPrem();
    b.gwSubnet.cidr = '10.0.4.0/28';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('GatewaySubnet 10.0.4.0/28 is a /28 (16 addresses); a /27 or larger is recommended so gateways can coexist and scale');
    expect(f[0]!.path).toBe('network.vnets[0].subnets[1].cidr');
    expect(f[0]!.severity).toBe('warning');
  });

  it('passes a /27', async () => {
    expect(await runRule(ID, withOnPrem().arch)).toEqual([]);
  });
});
