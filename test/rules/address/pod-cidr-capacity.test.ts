import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/pod-cidr-capacity';

describe(ID, () => {
  it('reports an overlay pod CIDR with fewer /24 blocks than peak nodes', async () => {
    const b = baseline();
    (b.aks.network as { podCidr?: string }).podCidr = '192.168.0.0/21';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('pod CIDR 192.168.0.0/21 of aks-test holds 8 node /24 blocks; at max scale 15 nodes + 2 surge need 17');
    expect(f[0]!.path).toBe('clusters[0].network.podCidr');
  });

  it('passes the baseline /16 and an exactly sized /20', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
    const b = baseline();
    (b.aks.network as { podCidr?: string }).podCidr = '192.168.0.0/19';
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
