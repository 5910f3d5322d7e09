import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/app-gateway-tls-version';

describe(ID, () => {
  it('passes with the default TLS 1.2 policy', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('reports TLS 1.0', async () => {
    const b = baseline();
    b.appGw.minTlsVersion = '1.0';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('Application Gateway agw-test accepts TLS 1.0; the minimum should be TLS 1.2');
    expect(f[0]!.path).toBe('ingress[0].hops[0].via.minTlsVersion');
  });
});
