import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { runRuleResult } from '../../helpers/run-rule.js';

function withPolicy(networkPolicy: 'azure' | 'calico' | 'cilium' | 'none', defaultDeny: boolean | undefined) {
  return () => {
    const b = baseline();
    b.aks.network.networkPolicy = networkPolicy;
    if (networkPolicy !== 'cilium') b.aks.network.dataplane = 'azure';
    b.aks.network.defaultDeny = defaultDeny;
    return b.arch;
  };
}

testRule('cni/default-deny-missing', {
  valid: [
    { name: 'the baseline (Cilium with default deny)', arch: withPolicy('cilium', true) },
    { name: 'no engine, no default deny', arch: withPolicy('none', false) },
    { name: 'default deny not stated: unverified, not a finding', arch: withPolicy('cilium', undefined) },
  ],
  invalid: [
    {
      name: 'Cilium without default deny',
      arch: withPolicy('cilium', false),
      findings: [
        {
          messageId: 'noDefaultDeny',
          path: 'clusters[0].network.defaultDeny',
          severity: 'warning',
          message: 'cluster aks-test runs cilium network policy but declares no default-deny policy; pod traffic stays allow-all',
          evidence: { networkPolicy: 'cilium', defaultDeny: false },
        },
      ],
    },
    {
      name: 'Calico without default deny',
      arch: withPolicy('calico', false),
      findings: [
        {
          messageId: 'noDefaultDeny',
          path: 'clusters[0].network.defaultDeny',
          severity: 'warning',
          message: 'cluster aks-test runs calico network policy but declares no default-deny policy; pod traffic stays allow-all',
        },
      ],
    },
  ],
});

describe('cni/default-deny-missing: an unstated default deny', () => {
  it('is an unverified check naming the fact, and a stated one is not', async () => {
    const unstated = await runRuleResult('cni/default-deny-missing', withPolicy('cilium', undefined)());
    expect(unstated.unverified?.map((u) => u.factPath)).toEqual(['clusters[0].network.defaultDeny']);
    expect(unstated.unverified?.[0]?.check).toBe('cluster aks-test applies a default-deny policy to its workload namespaces');
    const stated = await runRuleResult('cni/default-deny-missing', withPolicy('cilium', true)());
    expect(stated.unverified ?? []).toEqual([]);
    const none = await runRuleResult('cni/default-deny-missing', withPolicy('none', undefined)());
    expect(none.unverified ?? []).toEqual([]);
  });
});
