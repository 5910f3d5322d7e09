import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'cni/overlay-vm-size';

describe(ID, () => {
  it('reports a DCsv2 pool on overlay', async () => {
    const b = baseline();
    b.aks.nodePools[1]!.vmSize = 'Standard_DC4s_v2';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('node pool apps of overlay cluster aks-test uses Standard_DC4s_v2; DCsv2 VMs are not supported with Azure CNI Overlay');
    expect(f[0]!.path).toBe('clusters[0].nodePools[1].vmSize');
  });

  it('passes other sizes', async () => {
    const b = baseline();
    b.aks.nodePools[1]!.vmSize = 'Standard_DC4ads_v5';
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
