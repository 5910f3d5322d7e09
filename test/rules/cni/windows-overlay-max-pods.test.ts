import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { withWindows } from './_fixtures.js';

const ID = 'cni/windows-overlay-max-pods';

describe(ID, () => {
  it('warns about a Windows overlay pool on the default 250 pods', async () => {
    const f = await runRule(ID, withWindows().arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('Windows node pool win of overlay cluster aks-test allows 250 pods per node; at most 110 is recommended');
    expect(f[0]!.path).toBe('clusters[0].nodePools[2].maxPods');
  });

  it('passes maxPods 110', async () => {
    expect(await runRule(ID, withWindows(110).arch)).toEqual([]);
  });
});
