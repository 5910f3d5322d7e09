import { describe, expect, it } from 'vitest';
import { loadBalancer } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/public-lb-direct';

describe(ID, () => {
  it('passes when the internet enters through the App Gateway', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('reports a public load balancer as the first hop', async () => {
    const b = baseline();
    const plb = loadBalancer({ name: 'plb-web', visibility: 'public', cluster: b.aks });
    b.path.hops = [{ via: plb, protocol: 'tcp', port: 443, tls: 'passthrough' }, b.path.hops[2]!];
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('internet-facing ingress path web enters directly through public load balancer plb-web (tcp:443) with no WAF or layer-7 gateway in front');
    expect(f[0]!.path).toBe('ingress[0].hops[0]');
  });

  it('reports a public LoadBalancer Service declared on its own (network.loadBalancers)', async () => {
    const b = baseline();
    b.arch.network.loadBalancers = [loadBalancer({ name: 'svc-admin', visibility: 'public', cluster: b.aks })];
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('public load balancer svc-admin exposes a Service of cluster aks-test directly to the internet with no WAF or layer-7 gateway in front');
    expect(f[0]!.path).toBe('network.loadBalancers[0]');
  });
});
