import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { withController } from './_fixtures.js';

const ID = 'lifecycle/ingress-nginx-community';

function trigger() {
  return withController('nginx');
}

describe(ID, () => {
  it('passes when the retiring feature is not used', async () => {
    void withController;
    const b = baseline();
    b.ic.type = 'traefik';
    expect(await runRule(ID, b.arch, { asOf: '2026-11-23' })).toEqual([]);
  });

  it('warns before 2026-03-31', async () => {
    const f = await runRule(ID, trigger().arch, { asOf: '2025-11-23' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('ingress controller nginx in cluster aks-test is self-managed community ingress-nginx: upstream maintenance ends');
    expect(f[0]!.message).toContain('2026-03-31 (in 4 months as of 2025-11-23)');
    expect(f[0]!.path).toBe('ingress[0].hops[2].via.type');
  });

  it('is an error after 2026-03-31', async () => {
    const f = await runRule(ID, trigger().arch, { asOf: '2026-11-23' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('2026-03-31 (7 months ago as of 2026-11-23)');
    expect(f[0]!.path).toBe('ingress[0].hops[2].via.type');
  });
});
