import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';

const ID = 'ingress/app-gateway-private-isolation';
const PATH = 'ingress[0].hops[0].via.networkIsolation';

type B = ReturnType<typeof baseline>;

function gateway(change: (b: B) => void) {
  return () => {
    const b = baseline();
    change(b);
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    { name: 'a public v2 gateway (isolation off by default)', arch: () => baseline().arch },
    {
      name: 'a public and private v2 gateway without isolation',
      arch: gateway((b) => {
        b.appGw.frontend = 'both';
        b.appGw.networkIsolation = false;
      }),
    },
    {
      name: 'a private-only v2 gateway with network isolation',
      arch: gateway((b) => {
        b.appGw.frontend = 'private';
        b.appGw.networkIsolation = true;
      }),
    },
    {
      name: 'a private-only v1 gateway (v1 has internal frontends of its own)',
      arch: gateway((b) => {
        b.appGw.sku = 'WAF';
        b.appGw.frontend = 'private';
        b.appGw.networkIsolation = false;
      }),
    },
  ],
  invalid: [
    {
      name: 'a private-only v2 gateway stated without network isolation',
      arch: gateway((b) => {
        b.appGw.frontend = 'private';
        b.appGw.networkIsolation = false;
      }),
      findings: [
        {
          messageId: 'notIsolated',
          path: PATH,
          severity: 'error',
          message:
            'Application Gateway agw-test (WAF_v2) has a private-only frontend but networkIsolation: false; a v2 gateway ' +
            'without a public frontend IP exists only with network isolation',
          evidence: { frontend: 'private', networkIsolation: false },
        },
      ],
    },
  ],
});

describe(`${ID}: unstated facts`, () => {
  it('does not judge an unstated isolation of a private-only v2 gateway: one unverified check names it', async () => {
    const b = baseline();
    b.appGw.frontend = 'private';
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified).toHaveLength(1);
    const u = r.unverified![0]!;
    expect(u.severity).toBe('info');
    expect(u.factPath).toBe(PATH);
    expect(u.message).toBe(
      'could not check that Application Gateway agw-test (WAF_v2, private-only frontend) is deployed with network ' +
        'isolation, which a private-only v2 frontend needs: state the network isolation setting (networkIsolation)',
    );
  });

  it('asks nothing of a public gateway, whose isolation defaults to off', async () => {
    const r = await runRuleResult(ID, baseline().arch);
    expect(r.unverified ?? []).toEqual([]);
  });
});
