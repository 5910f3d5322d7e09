import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/agic-requires-v2';

describe(ID, () => {
  it('passes for AGIC on WAF_v2 and for a standalone v1 gateway', async () => {
    const b = baseline();
    b.appGw.management = 'agic-addon';
    expect(await runRule(ID, b.arch)).toEqual([]);
    const c = baseline();
    c.appGw.sku = 'Standard';
    expect(await runRule(ID, c.arch)).toEqual([]);
  });

  it('reports AGIC on a v1 gateway', async () => {
    const b = baseline();
    b.appGw.management = 'agic-helm';
    b.appGw.sku = 'Standard';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe('Application Gateway agw-test is managed by AGIC (agic-helm) but uses the v1 SKU Standard; AGIC supports only Standard_v2 and WAF_v2');
    expect(f[0]!.path).toBe('ingress[0].hops[0].via.sku');
  });
});
