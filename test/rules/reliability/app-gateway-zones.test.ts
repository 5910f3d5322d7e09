import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'reliability/app-gateway-zones';

describe(ID, () => {
  it('passes for a zone-redundant gateway', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('reports a gateway in a single zone', async () => {
    const b = baseline();
    b.appGw.zones = [1];
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('Application Gateway agw-test (WAF_v2) in westeurope has zone 1; spread it across at least 2 zones');
    expect(f[0]!.path).toBe('ingress[0].hops[0].via.zones');
  });
});
