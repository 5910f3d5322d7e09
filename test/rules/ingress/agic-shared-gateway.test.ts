import { describe, expect, it } from 'vitest';
import { cluster } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/agic-shared-gateway';

function twoClusters(management: 'agic-addon' | 'standalone') {
  const b = baseline();
  b.appGw.management = management;
  const second = cluster({ ...b.aks, name: 'aks-second', nodePools: b.aks.nodePools.map((p) => ({ ...p })) });
  b.arch.clusters.push(second);
  b.arch.ingress!.push({ ...b.path, name: 'web-2', hops: [b.path.hops[0]!], to: { ...b.path.to!, cluster: second } });
  return b;
}

describe(ID, () => {
  it('passes for a standalone gateway shared by two clusters', async () => {
    expect(await runRule(ID, twoClusters('standalone').arch)).toEqual([]);
  });

  it('reports an AGIC gateway shared by two clusters', async () => {
    const f = await runRule(ID, twoClusters('agic-addon').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      'Application Gateway agw-test is managed by AGIC (agic-addon) and serves 2 clusters (aks-second, aks-test); each AGIC rewrites the whole gateway',
    );
    expect(f[0]!.path).toBe('ingress[0].hops[0].via.management');
  });
});
