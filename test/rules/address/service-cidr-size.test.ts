import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/service-cidr-size';

describe(ID, () => {
  it('reports a /12 service CIDR', async () => {
    const b = baseline();
    b.aks.network.serviceCidr = '100.64.0.0/12';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('service CIDR 100.64.0.0/12 of aks-test is a /12 (1,048,576 addresses); AKS requires a prefix longer than /12');
    expect(f[0]!.path).toBe('clusters[0].network.serviceCidr');
  });

  it('passes a /13 and the baseline', async () => {
    const b = baseline();
    b.aks.network.serviceCidr = '100.64.0.0/13';
    expect(await runRule(ID, b.arch)).toEqual([]);
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});
