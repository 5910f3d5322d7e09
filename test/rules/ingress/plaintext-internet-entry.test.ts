import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/plaintext-internet-entry';

describe(ID, () => {
  it('passes for an HTTPS entry', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('reports a plain HTTP listener on an internet path', async () => {
    const b = baseline();
    b.path.hops[0] = { via: b.appGw, protocol: 'http', port: 80, tls: 'plain' };
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('internet-facing ingress path web accepts plaintext http:80 from Internet users at agw-test (hop 1); serve HTTPS and redirect HTTP');
    expect(f[0]!.path).toBe('ingress[0].hops[0].protocol');
  });
});
