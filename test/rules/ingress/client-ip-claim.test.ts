import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/client-ip-claim';

describe(ID, () => {
  it('passes with the component defaults', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('passes when a layer-4 path claims the client IP', async () => {
    const b = baseline();
    b.path.hops = [{ via: b.ilb, protocol: 'tcp', port: 443, tls: 'passthrough', preservesClientIp: true }];
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports an App Gateway that claims to preserve the client IP', async () => {
    const b = baseline();
    b.path.hops[0] = { ...b.path.hops[0]!, preservesClientIp: true };
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      'ingress path web, hop 1 (agw-test) claims the client IP reaches the next hop, but agw-test is a layer-7 proxy that opens a new connection; the next hop sees its address and the client IP is only in X-Forwarded-For',
    );
    expect(f[0]!.path).toBe('ingress[0].hops[0].preservesClientIp');
  });

  it('reports a TLS-passthrough controller and a claim after an earlier proxy', async () => {
    const b = baseline();
    b.path.hops[1] = { ...b.path.hops[1]!, preservesClientIp: true };
    b.path.hops[2] = { ...b.path.hops[2]!, tls: 'passthrough', preservesClientIp: true };
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => x.message)).toEqual([
      'ingress path web, hop 2 (ilb-ingress) claims the client IP reaches the next hop, but hop 1 (agw-test) already replaced the client address',
      'ingress path web, hop 3 (nginx) claims the client IP reaches the next hop, but nginx passes TLS through, so it can neither add X-Forwarded-For nor keep the client address on its new connection',
    ]);
    expect(f.map((x) => x.path)).toEqual(['ingress[0].hops[1].preservesClientIp', 'ingress[0].hops[2].preservesClientIp']);
  });
});
