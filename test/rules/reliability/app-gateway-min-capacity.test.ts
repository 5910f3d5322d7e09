import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'reliability/app-gateway-min-capacity';

describe(ID, () => {
  it('passes with minCapacity 2', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('reports the default minimum of 0', async () => {
    const b = baseline();
    delete b.appGw.minCapacity;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('Application Gateway agw-test has a minimum capacity of 0 instances; keep at least 2');
    expect(f[0]!.path).toBe('ingress[0].hops[0].via.minCapacity');
  });
});
