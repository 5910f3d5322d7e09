import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/overlay-pod-cidr-private';

describe(ID, () => {
  it('warns about a public overlay pod CIDR', async () => {
    const b = baseline();
    (b.aks.network as { podCidr?: string }).podCidr = '20.0.0.0/16';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('overlay pod CIDR 20.0.0.0/16 of aks-test is not inside RFC 1918 or RFC 6598 space');
    expect(f[0]!.path).toBe('clusters[0].network.podCidr');
  });

  it('passes RFC 1918 and RFC 6598 ranges', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
    const b = baseline();
    (b.aks.network as { podCidr?: string }).podCidr = '100.64.0.0/16';
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
