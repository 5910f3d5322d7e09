import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { withController } from './_fixtures.js';

const ID = 'lifecycle/front-door-classic';

function trigger() {
  const b = baseline(); b.path.hops.unshift({ via: { kind: 'frontDoor', name: 'afd-classic', sku: 'Classic' }, protocol: 'https', port: 443, tls: 'reencrypt' }); return b;
}

describe(ID, () => {
  it('passes when the retiring feature is not used', async () => {
    void withController;
    const b = baseline();
    b.path.hops.unshift({ via: { kind: 'frontDoor', name: 'afd-std', sku: 'Standard' }, protocol: 'https', port: 443, tls: 'reencrypt' });
    expect(await runRule(ID, b.arch, { asOf: '2027-04-01' })).toEqual([]);
  });

  it('warns before 2027-03-31', async () => {
    const f = await runRule(ID, trigger().arch, { asOf: '2026-11-23' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('Front Door afd-classic is a classic profile: Front Door (classic) retires');
    expect(f[0]!.message).toContain('2027-03-31 (in 4 months as of 2026-11-23)');
    expect(f[0]!.path).toBe('ingress[0].hops[0].via.sku');
  });

  it('is an error after 2027-03-31', async () => {
    const f = await runRule(ID, trigger().arch, { asOf: '2027-04-01' });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('2027-03-31 (1 day ago as of 2027-04-01)');
    expect(f[0]!.path).toBe('ingress[0].hops[0].via.sku');
  });
});
