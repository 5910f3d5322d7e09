import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { publicCluster } from './_fixtures.js';

const ID = 'control-plane/authorized-ranges-node-public-ip';

describe(ID, () => {
  it('warns about node public IPs with authorized ranges', async () => {
    const b = publicCluster(['203.0.113.0/28']);
    b.aks.nodePools[1]!.nodePublicIp = true;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'node pool apps of aks-test gives each node a public IP while the API server accepts only 1 authorized IP ranges; authorize the pool’s public IP prefix or drop node public IPs',
    );
    expect(f[0]!.path).toBe('clusters[0].nodePools[1].nodePublicIp');
  });

  it('passes pools without node public IPs', async () => {
    expect(await runRule(ID, publicCluster(['203.0.113.0/28']).arch)).toEqual([]);
  });
});
