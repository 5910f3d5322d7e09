import { describe, expect, it } from 'vitest';
import { runRuleResult } from '../../helpers/run-rule.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function withGateway(management: 'standalone' | 'agic-addon' | 'agic-helm', sku: 'Standard' | 'WAF' | 'Standard_v2' | 'WAF_v2') {
  return () => {
    const b = baseline();
    b.appGw.management = management;
    b.appGw.sku = sku;
    return b.arch;
  };
}

const v1 = (management: string, sku: string) => ({
  messageId: 'v1Sku',
  path: 'ingress[0].hops[0].via.sku',
  severity: 'error' as const,
  message: `Application Gateway agw-test is managed by AGIC (${management}) but uses the v1 SKU ${sku}; AGIC supports only Standard_v2 and WAF_v2`,
  evidence: { gateway: 'agw-test', sku, management },
});

testRule('ingress/agic-requires-v2', {
  valid: [
    { name: 'AGIC on WAF_v2', arch: withGateway('agic-addon', 'WAF_v2') },
    { name: 'AGIC on Standard_v2', arch: withGateway('agic-helm', 'Standard_v2') },
    { name: 'a standalone v1 gateway', arch: withGateway('standalone', 'Standard') },
  ],
  invalid: [
    { name: 'AGIC (Helm) on Standard v1', arch: withGateway('agic-helm', 'Standard'), findings: [v1('agic-helm', 'Standard')] },
    { name: 'AGIC (add-on) on WAF v1', arch: withGateway('agic-addon', 'WAF'), findings: [v1('agic-addon', 'WAF')] },
  ],
});

describe('reads: the management a v1 verdict rests on', () => {
  const set = (o: object, key: string, v: unknown) => ((o as Record<string, unknown>)[key] = v);
  it('an invalid management (agic-addon stands in) holds back the v1 verdict, which reads it', async () => {
    const b = baseline();
    b.appGw.sku = 'WAF';
    set(b.appGw, 'management', 'agic');
    const r = await runRuleResult('ingress/agic-requires-v2', b.arch);
    expect(r.findings.map((f) => f.messageId)).toEqual([]);
    expect((r.unverified ?? []).map((u) => u.factPath)).toEqual(['ingress[0].hops[0].via.management']);
  });
  it('an invalid field it does not read (minCapacity) leaves the verdict standing', async () => {
    const b = baseline();
    b.appGw.management = 'agic-helm';
    b.appGw.sku = 'Standard';
    set(b.appGw, 'minCapacity', 'two');
    const r = await runRuleResult('ingress/agic-requires-v2', b.arch);
    expect(r.findings.map((f) => f.messageId)).toEqual(['v1Sku']);
    expect(r.unverified ?? []).toEqual([]);
  });
});
