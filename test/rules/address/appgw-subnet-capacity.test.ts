import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/appgw-subnet-capacity';

describe(ID, () => {
  it('reports a subnet smaller than max instances plus a private frontend', async () => {
    const b = baseline();
    b.appGwSubnet.cidr = '10.1.4.0/28';
    b.appGw.maxCapacity = 20;
    b.appGw.frontend = 'both';
    b.appGw.privateIp = '10.1.4.4';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('snet-appgw 10.1.4.0/28 has 11 usable addresses; agw-test 20 instances + 1 private frontend need 21');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[1].cidr');
  });

  it('passes the /24 baseline', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});
