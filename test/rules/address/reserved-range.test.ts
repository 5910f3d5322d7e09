import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/reserved-range';

describe(ID, () => {
  it('reports a service CIDR of 172.16.0.0/12 and a spoke inside 172.31.0.0/16', async () => {
    const b = baseline();
    b.aks.network.serviceCidr = '172.16.0.0/12';
    b.spoke.addressSpace = ['172.31.0.0/16'];
    b.nodes.cidr = '172.31.0.0/22';
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => [x.path, x.message]).sort()).toEqual([
      ['clusters[0].network.serviceCidr', 'service CIDR 172.16.0.0/12 of aks-test overlaps the AKS reserved range 172.30.0.0/16'],
      ['clusters[0].network.serviceCidr', 'service CIDR 172.16.0.0/12 of aks-test overlaps the AKS reserved range 172.31.0.0/16'],
      ['network.vnets[1].addressSpace[0]', 'VNet vnet-spoke (172.31.0.0/16) hosts cluster aks-test and overlaps the AKS reserved range 172.31.0.0/16'],
    ]);
  });

  it('reports a pod CIDR in link-local space', async () => {
    const b = baseline();
    (b.aks.network as { podCidr?: string }).podCidr = '169.254.0.0/16';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.path).toBe('clusters[0].network.podCidr');
  });

  it('passes the baseline', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});
