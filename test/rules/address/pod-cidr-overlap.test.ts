import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { withOnPrem } from './_fixtures.js';

const ID = 'address/pod-cidr-overlap';

describe(ID, () => {
  it('reports an overlay pod CIDR that overlaps the cluster VNet', async () => {
    const b = baseline();
    (b.aks.network as { podCidr?: string }).podCidr = '10.1.0.0/16';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('pod CIDR 10.1.0.0/16 of aks-test (azure-overlay) overlaps VNet vnet-spoke (10.1.0.0/16)');
    expect(f[0]!.path).toBe('clusters[0].network.podCidr');
  });

  it('reports an overlap with on-premises reached through the hub gateway', async () => {
    const b = withOnPrem(['192.168.0.0/24']);
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('overlaps on-premises network dc-frankfurt (192.168.0.0/24)');
  });

  it('passes the baseline', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});
