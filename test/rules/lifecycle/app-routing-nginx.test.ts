import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { withController } from './_fixtures.js';

const ID = 'lifecycle/app-routing-nginx';

function trigger() {
  return withController('app-routing-nginx');
}

describe(ID, () => {
  it('passes when the retiring feature is not used', async () => {
    void withController;
    const b = baseline();
    b.ic.type = 'app-routing-gateway-api';
    expect(await runRule(ID, b.arch, { asOf: '2026-12-01' })).toEqual([]);
  });

  it('warns before 2026-11-30', async () => {
    const f = await runRule(ID, trigger().arch, { asOf: '2026-11-23' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain("ingress controller nginx in cluster aks-test uses the application routing add-on's managed NGINX: Microsoft's critical security patches end");
    expect(f[0]!.message).toContain('2026-11-30 (in 7 days as of 2026-11-23)');
    expect(f[0]!.path).toBe('ingress[0].hops[2].via.type');
  });

  it('is an error after 2026-11-30', async () => {
    const f = await runRule(ID, trigger().arch, { asOf: '2026-12-01' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('2026-11-30 (1 day ago as of 2026-12-01)');
    expect(f[0]!.path).toBe('ingress[0].hops[2].via.type');
  });
});
