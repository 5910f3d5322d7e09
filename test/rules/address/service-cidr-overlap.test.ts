import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { withOnPrem } from './_fixtures.js';

const ID = 'address/service-cidr-overlap';

describe(ID, () => {
  it('reports a service CIDR that overlaps the hub VNet and the pod CIDR', async () => {
    const b = baseline();
    b.aks.network.serviceCidr = '10.0.0.0/16';
    b.aks.network.dnsServiceIP = '10.0.0.10';
    (b.aks.network as { podCidr?: string }).podCidr = '10.0.128.0/17';
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => x.message)).toEqual([
      'service CIDR 10.0.0.0/16 of aks-test overlaps VNet vnet-hub (10.0.0.0/22); pods could not reach those addresses',
      'service CIDR 10.0.0.0/16 of aks-test overlaps its pod CIDR 10.0.128.0/17',
    ]);
    expect(f.every((x) => x.path === 'clusters[0].network.serviceCidr')).toBe(true);
  });

  it('reports an overlap with a connected on-premises range', async () => {
    const b = withOnPrem(['172.16.0.0/20']);
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('overlaps on-premises network dc-frankfurt (172.16.0.0/20)');
  });

  it('passes the baseline', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});
