import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/flat-node-subnet-size';

function flat(cidr: string) {
  const b = baseline();
  b.aks.network = { cni: 'azure-nodesubnet', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
  b.nodes.cidr = cidr;
  return b;
}

describe(ID, () => {
  it('warns about a /24 node subnet with flat Azure CNI', async () => {
    const f = await runRule(ID, flat('10.1.0.0/24').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('snet-nodes 10.1.0.0/24 is a /24 node subnet of flat Azure CNI cluster aks-test; a /23 or larger leaves room for pods to grow');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].cidr');
  });

  it('passes a /23, and overlay clusters with small subnets', async () => {
    expect(await runRule(ID, flat('10.1.0.0/23').arch)).toEqual([]);
    const b = baseline();
    b.nodes.cidr = '10.1.0.0/26';
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
