import { describe, expect, it } from 'vitest';
import { runRuleResult } from '../../helpers/run-rule.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

const PATH = 'ingress[0].hops[0].via.zones';

function gateway(zones: Array<1 | 2 | 3>, region?: string) {
  return () => {
    const b = baseline();
    b.appGw.zones = zones;
    if (region) b.spoke.region = region;
    return b.arch;
  };
}

testRule('reliability/app-gateway-zones', {
  valid: [
    { name: 'a zone-redundant gateway', arch: () => baseline().arch },
    { name: 'two zones (the threshold)', arch: gateway([1, 2]) },
    { name: 'one zone in a region without zones', arch: gateway([1], 'westus') },
  ],
  invalid: [
    {
      name: 'a gateway in a single zone',
      arch: gateway([1]),
      findings: [
        {
          messageId: 'fewZones',
          path: PATH,
          severity: 'warning',
          message: 'Application Gateway agw-test (WAF_v2) in westeurope has zone 1; spread it across at least 2 zones',
        },
      ],
    },
    {
      name: 'a region the table does not know',
      arch: gateway([], 'chinanorth3'),
      findings: [{ messageId: 'unknownRegion', path: PATH, severity: 'info', message: /^Application Gateway agw-test has no zones and its region chinanorth3 is not/ }],
    },
  ],
});

/**
 * The verdict reads the gateway's SKU, subnet and zones (and its VNet's region): an invalid SKU holds it back, naming
 * the field; an invalid TLS version, which it does not read, leaves it standing.
 */
describe('reliability/app-gateway-zones with an invalid field', () => {
  const set = (o: object, key: string, v: unknown) => ((o as Record<string, unknown>)[key] = v);
  const run = async (change: (b: ReturnType<typeof baseline>) => void) => {
    const b = baseline();
    b.appGw.zones = [1];
    change(b);
    const r = await runRuleResult('reliability/app-gateway-zones', b.arch);
    return { verdicts: r.findings.map((f) => f.messageId), held: (r.unverified ?? []).map((u) => u.factPath) };
  };
  it('an invalid SKU holds the verdict back', async () => {
    expect(await run((b) => set(b.appGw, 'sku', 'v2'))).toEqual({ verdicts: [], held: ['ingress[0].hops[0].via.sku'] });
  });
  it('an invalid TLS version leaves it standing', async () => {
    expect(await run((b) => set(b.appGw, 'minTlsVersion', 12))).toEqual({ verdicts: ['fewZones'], held: [] });
  });
});
