import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { withController } from './_fixtures.js';

const ID = 'lifecycle/http-application-routing';

function trigger() {
  return withController('http-application-routing');
}

describe(ID, () => {
  it('passes when the retiring feature is not used', async () => {
    void withController;
    const b = baseline();
    b.ic.type = 'app-routing-gateway-api';
    expect(await runRule(ID, b.arch, { asOf: '2026-11-23' })).toEqual([]);
  });

  it('warns before 2025-03-03', async () => {
    const f = await runRule(ID, trigger().arch, { asOf: '2025-01-15' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('ingress controller nginx in cluster aks-test uses the HTTP application routing add-on, retiring');
    expect(f[0]!.message).toContain('2025-03-03 (in 1 month as of 2025-01-15)');
    expect(f[0]!.path).toBe('ingress[0].hops[2].via.type');
  });

  it('is an error after 2025-03-03', async () => {
    const f = await runRule(ID, trigger().arch, { asOf: '2026-11-23' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('2025-03-03 (20 months ago as of 2026-11-23)');
    expect(f[0]!.path).toBe('ingress[0].hops[2].via.type');
  });

  it('reports the add-on stated on the cluster once, and not when it is off', async () => {
    const b = baseline();
    b.ic.type = 'app-routing-gateway-api';
    b.aks.addons = { httpApplicationRouting: true };
    const f = await runRule(ID, b.arch, { asOf: '2026-11-23' });
    expect(f.map((x) => [x.severity, x.path])).toEqual([['error', 'clusters[0].addons.httpApplicationRouting']]);
    expect(f[0]!.message).toContain('cluster aks-test enables the HTTP application routing add-on, retired 2025-03-03');
    b.aks.addons = { httpApplicationRouting: false };
    expect(await runRule(ID, b.arch, { asOf: '2026-11-23' })).toEqual([]);
  });
});
