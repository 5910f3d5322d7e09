import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule, runRuleResult } from '../../helpers/run-rule.js';

const ID = 'reliability/app-gateway-min-capacity';

describe(ID, () => {
  it('passes with minCapacity 2', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('reports a stated minimum of 0', async () => {
    const b = baseline();
    b.appGw.minCapacity = 0;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('Application Gateway agw-test has a minimum capacity of 0 instances; keep at least 2');
    expect(f[0]!.path).toBe('ingress[0].hops[0].via.minCapacity');
  });

  it('reports a stated minimum of 1 but not of 2 (boundary)', async () => {
    const b = baseline();
    b.appGw.minCapacity = 1;
    expect(await runRule(ID, b.arch)).toHaveLength(1);
    b.appGw.minCapacity = 2;
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('does not judge an unstated minimum: one unverified check names it instead', async () => {
    const b = baseline();
    delete b.appGw.minCapacity;
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified).toHaveLength(1);
    const u = r.unverified![0]!;
    expect(u.severity).toBe('info');
    expect(u.kind).toBe('unverified');
    expect(u.factPath).toBe('ingress[0].hops[0].via.minCapacity');
    expect(u.message).toBe(
      'could not check that Application Gateway agw-test keeps at least 2 instances: state the minimum instance count (minCapacity); aksnet used to read it as 0',
    );
  });
});
