import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/appgw-subnet-recommended-size';

describe(ID, () => {
  it('warns about a /26 Application Gateway v2 subnet', async () => {
    const b = baseline();
    b.appGwSubnet.cidr = '10.1.4.0/26';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('snet-appgw 10.1.4.0/26 hosts Application Gateway v2 agw-test but is a /26 (64 addresses); a /24 is recommended');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[1].cidr');
  });

  it('passes the /24 baseline', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});
