import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { withController } from './_fixtures.js';

const ID = 'lifecycle/kubenet';

function trigger() {
  const b = baseline(); b.aks.network = { cni: 'kubenet', networkPolicy: 'calico' }; return b;
}

describe(ID, () => {
  it('passes when the retiring feature is not used', async () => {
    void withController;
    const b = baseline();
    
    expect(await runRule(ID, b.arch, { asOf: '2028-06-01' })).toEqual([]);
  });

  it('warns before 2028-03-31', async () => {
    const f = await runRule(ID, trigger().arch, { asOf: '2026-11-23' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('cluster aks-test uses kubenet: kubenet support ends');
    expect(f[0]!.message).toContain('2028-03-31 (in 16 months as of 2026-11-23)');
    expect(f[0]!.path).toBe('clusters[0].network.cni');
  });

  it('is an error after 2028-03-31', async () => {
    const f = await runRule(ID, trigger().arch, { asOf: '2028-06-01' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('2028-03-31 (2 months ago as of 2028-06-01)');
    expect(f[0]!.path).toBe('clusters[0].network.cni');
  });
});
