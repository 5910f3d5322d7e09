import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { vnetIntegrated } from './_fixtures.js';

const ID = 'control-plane/apiserver-subnet-size';

describe(ID, () => {
  it('reports a /29 API server subnet', async () => {
    const b = vnetIntegrated();
    b.apiSubnet.cidr = '10.1.8.0/29';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('API server subnet snet-apiserver 10.1.8.0/29 of aks-test is a /29 (8 addresses); API Server VNet Integration needs a /28 or larger');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[2].cidr');
  });

  it('passes a /28', async () => {
    expect(await runRule(ID, vnetIntegrated().arch)).toEqual([]);
  });
});
