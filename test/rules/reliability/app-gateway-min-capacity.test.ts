import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';

const PATH = 'ingress[0].hops[0].via.minCapacity';

function withMin(min: number | undefined) {
  return () => {
    const b = baseline();
    b.appGw.minCapacity = min ?? 0;
    return b.arch;
  };
}

testRule('reliability/app-gateway-min-capacity', {
  valid: [
    { name: 'minCapacity 2 (the threshold)', arch: withMin(2) },
    { name: 'minCapacity 3', arch: withMin(3) },
  ],
  invalid: [
    {
      name: 'minCapacity 1',
      arch: withMin(1),
      findings: [
        {
          messageId: 'lowMinimum',
          path: PATH,
          severity: 'warning',
          message:
            'Application Gateway agw-test has a minimum capacity of 1 instance; keep at least 2 so traffic does not ' +
            'wait minutes for a new instance after a failure or spike',
        },
      ],
    },
    {
      name: 'a stated minimum of 0',
      arch: withMin(undefined),
      findings: [{ messageId: 'lowMinimum', path: PATH, severity: 'warning', message: /minimum capacity of 0 instances;/ }],
    },
  ],
});

const ID = 'reliability/app-gateway-min-capacity';

describe(`${ID}: unstated facts`, () => {
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
