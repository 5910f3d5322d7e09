import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/waf-detection-mode';

describe(ID, () => {
  it('passes in Prevention mode', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('reports a WAF in Detection mode', async () => {
    const b = baseline();
    b.appGw.waf = { name: 'waf-web', mode: 'Detection' };
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('Application Gateway agw-test runs its WAF policy waf-web in Detection mode, which only logs attacks on 1 ingress path (web)');
    expect(f[0]!.path).toBe('ingress[0].hops[0].via.waf.mode');
  });
});
