import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/app-gateway-v1';

describe(ID, () => {
  it('passes for WAF_v2', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('reports a v1 gateway', async () => {
    const b = baseline();
    b.appGw.sku = 'WAF';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('Application Gateway agw-test uses the v1 SKU WAF; use WAF_v2');
    expect(f[0]!.path).toBe('ingress[0].hops[0].via.sku');
  });
});
