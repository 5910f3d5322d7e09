import { describe, expect, it } from 'vitest';
import { frontDoor } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/chained-l7-proxies';

describe(ID, () => {
  it('passes with two layer-7 hops (App Gateway → NGINX)', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('notes Front Door → App Gateway → NGINX', async () => {
    const b = baseline();
    const fd = frontDoor({ name: 'afd-web', sku: 'Premium', waf: { mode: 'Prevention' } });
    b.path.hops.unshift({ via: fd, protocol: 'https', port: 443, tls: 'reencrypt' });
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.message).toBe(
      'ingress path web goes through 3 layer-7 proxies (afd-web → agw-test → nginx); each adds latency, TLS work and configuration to keep in step',
    );
    expect(f[0]!.path).toBe('ingress[0].hops');
  });
});
