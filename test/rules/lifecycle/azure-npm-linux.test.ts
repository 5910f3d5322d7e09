import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { withController } from './_fixtures.js';

const ID = 'lifecycle/azure-npm-linux';

function trigger() {
  const b = baseline(); b.aks.network = { cni: 'azure-overlay', networkPolicy: 'azure' }; return b;
}

describe(ID, () => {
  it('passes when the retiring feature is not used', async () => {
    void withController;
    const b = baseline();
    
    expect(await runRule(ID, b.arch, { asOf: '2028-10-01' })).toEqual([]);
  });

  it('warns before 2028-09-30', async () => {
    const f = await runRule(ID, trigger().arch, { asOf: '2026-11-23' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('cluster aks-test uses Azure NPM on 2 Linux node pools: NPM for Linux retires');
    expect(f[0]!.message).toContain('2028-09-30 (in 22 months as of 2026-11-23)');
    expect(f[0]!.path).toBe('clusters[0].network.networkPolicy');
  });

  it('is an error after 2028-09-30', async () => {
    const f = await runRule(ID, trigger().arch, { asOf: '2028-10-01' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('2028-09-30 (1 day ago as of 2028-10-01)');
    expect(f[0]!.path).toBe('clusters[0].network.networkPolicy');
  });
});
