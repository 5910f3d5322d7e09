import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { withFrontDoor } from './_fixtures.js';

const ID = 'ingress/front-door-managed-rules-sku';

describe(ID, () => {
  it('passes for Premium with managed rules, and Standard with custom rules only', async () => {
    expect(await runRule(ID, withFrontDoor('Premium').arch)).toEqual([]);
    const b = withFrontDoor('Standard');
    b.fd.waf = { mode: 'Prevention', managedRules: false };
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports managed rule sets on Front Door Standard', async () => {
    const f = await runRule(ID, withFrontDoor('Standard').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe('Front Door afd-global is Standard but its WAF declares managed rule sets, which only Premium provides');
    expect(f[0]!.path).toBe('ingress[1].hops[0].via.waf.managedRules');
  });
});
