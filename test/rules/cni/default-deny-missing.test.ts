import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'cni/default-deny-missing';

describe(ID, () => {
  it('warns when an engine runs without default deny', async () => {
    const b = baseline();
    b.aks.network.defaultDeny = false;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('cluster aks-test runs cilium network policy but declares no default-deny policy; pod traffic stays allow-all');
    expect(f[0]!.path).toBe('clusters[0].network.defaultDeny');
  });

  it('passes the baseline, and stays quiet without an engine', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
    const b = baseline();
    b.aks.network.networkPolicy = 'none';
    b.aks.network.defaultDeny = false;
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
