import { describe, expect, it } from 'vitest';
import { privateLinkService, type PrivateLinkService } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';

const ID = 'ingress/private-link-service-exposure';
const SUB_A = '00000000-0000-0000-0000-00000000000a';
const SUB_B = '00000000-0000-0000-0000-00000000000b';

function withPls(spec: Pick<PrivateLinkService, 'visibility' | 'autoApproval'>) {
  return () => {
    const b = baseline();
    const pls = privateLinkService({ name: 'pls-ingress', subnet: b.nodes, loadBalancer: b.ilb, ...spec });
    b.arch.network.privateLinkServices = [pls];
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    { name: "visible to '*' without auto-approval (every request reviewed, as Front Door needs)", arch: withPls({ visibility: '*' }) },
    { name: 'visible to and auto-approving one listed subscription', arch: withPls({ visibility: [SUB_A], autoApproval: [SUB_A] }) },
    { name: 'neither stated and nothing auto-approved', arch: withPls({}) },
  ],
  invalid: [
    {
      name: "visible to '*' and auto-approving one subscription",
      arch: withPls({ visibility: '*', autoApproval: [SUB_A] }),
      findings: [
        {
          messageId: 'anyWithAutoApproval',
          path: 'network.privateLinkServices[0].visibility',
          severity: 'warning',
          message:
            "Private Link Service pls-ingress is visible to every subscription ('*') and auto-approves connections from " +
            '1 subscription; restrict visibility to the consuming subscriptions',
        },
      ],
    },
    {
      name: "visible to '*' and auto-approving two subscriptions",
      arch: withPls({ visibility: '*', autoApproval: [SUB_A, SUB_B] }),
      findings: [{ messageId: 'anyWithAutoApproval', path: 'network.privateLinkServices[0].visibility', severity: 'warning', message: /from 2 subscriptions;/ }],
    },
  ],
});

describe(`${ID}: unstated facts`, () => {
  it('does not judge an unstated visibility: auto-approval with unknown visibility is one unverified check', async () => {
    const r = await runRuleResult(ID, withPls({ autoApproval: [SUB_A] })());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['network.privateLinkServices[0].visibility']);
  });
});
