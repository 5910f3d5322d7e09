import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/plaintext-after-tls';

describe(ID, () => {
  it('passes when every hop re-encrypts or passes TLS through', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('passes when the mesh enforces mTLS on the last leg', async () => {
    const b = baseline();
    b.path.hops[2] = { ...b.path.hops[2]!, tls: 'terminate' };
    b.path.to = { ...b.path.to!, protocol: 'http', port: 8080 };
    b.aks.serviceMesh = { kind: 'istio-addon', mtls: 'STRICT' };
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports TLS terminated at the App Gateway and plaintext behind it', async () => {
    const b = baseline();
    b.path.hops = [
      { via: b.appGw, protocol: 'https', port: 443, tls: 'terminate' },
      { via: b.ilb, protocol: 'http', port: 80, tls: 'plain' },
      { via: b.ic, protocol: 'http', port: 80, tls: 'plain' },
    ];
    b.path.to = { ...b.path.to!, protocol: 'http', port: 8080 };
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('ingress path web arrives encrypted but agw-test (hop 1, tls terminate) forwards plaintext http:80 to ilb-ingress');
    expect(f[0]!.path).toBe('ingress[0].hops[0].tls');
  });
});
