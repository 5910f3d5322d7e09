import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { withController } from './_fixtures.js';

const ID = 'lifecycle/basic-load-balancer';

function trigger() {
  const b = baseline(); b.aks.network = { ...b.aks.network, loadBalancerSku: 'basic' }; return b;
}

describe(ID, () => {
  it('passes when the retiring feature is not used', async () => {
    void withController;
    const b = baseline();
    
    expect(await runRule(ID, b.arch, { asOf: '2026-11-23' })).toEqual([]);
  });

  it('warns before 2025-09-30', async () => {
    const f = await runRule(ID, trigger().arch, { asOf: '2025-06-30' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('cluster aks-test uses the Basic load balancer SKU: Basic load balancer retires');
    expect(f[0]!.message).toContain('2025-09-30 (in 3 months as of 2025-06-30)');
    expect(f[0]!.path).toBe('clusters[0].network.loadBalancerSku');
  });

  it('is an error after 2025-09-30', async () => {
    const f = await runRule(ID, trigger().arch, { asOf: '2026-11-23' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('2025-09-30 (13 months ago as of 2026-11-23)');
    expect(f[0]!.path).toBe('clusters[0].network.loadBalancerSku');
  });
});
