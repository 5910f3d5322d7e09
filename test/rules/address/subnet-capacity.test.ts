import { describe, expect, it } from 'vitest';
import { jumpBox, paas, privateEndpoint, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/subnet-capacity';

/** The baseline with a /29 private-endpoint subnet (3 usable addresses) holding `n` endpoints. */
function withEndpoints(n: number) {
  const b = baseline();
  const pe = subnet({ name: 'snet-pe', cidr: '10.1.6.0/29', purpose: 'private-endpoints' });
  b.spoke.subnets.push(pe);
  const kv = paas({ name: 'kv', service: 'keyVault', publicNetworkAccess: false });
  b.arch.network.privateEndpoints = Array.from({ length: n }, (_, i) => privateEndpoint({ name: `pe-${i}`, subnet: pe, target: kv }));
  return { ...b, pe };
}

describe(ID, () => {
  it('reports a subnet with more endpoints than usable addresses', async () => {
    const f = await runRule(ID, withEndpoints(4).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('snet-pe 10.1.6.0/29 has 3 usable addresses; 4 private endpoints need 4');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[2].cidr');
    expect(f[0]!.evidence).toMatchObject({ usable: 3, needed: 4 });
  });

  it('counts jump boxes too, and passes exactly at the limit', async () => {
    expect(await runRule(ID, withEndpoints(3).arch)).toEqual([]);
    const b = withEndpoints(3);
    b.arch.network.jumpBoxes = [jumpBox({ name: 'jb', subnet: b.pe })];
    expect((await runRule(ID, b.arch)).map((x) => x.message)).toEqual(['snet-pe 10.1.6.0/29 has 3 usable addresses; 3 private endpoints + jb: 1 need 4']);
  });

  it('leaves node, pod and Application Gateway subnets to their own rules', async () => {
    const b = baseline();
    b.nodes.cidr = '10.1.0.0/29';
    b.appGwSubnet.cidr = '10.1.4.0/29';
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
