import { describe, expect, it } from 'vitest';
import { loadBalancer } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/public-lb-asymmetric-routing';

describe(ID, () => {
  it('passes with an internal load balancer behind App Gateway', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('passes with a public load balancer when egress is not routed to a firewall', async () => {
    const b = baseline();
    b.ilb.visibility = 'public';
    delete b.nodes.routeTable;
    b.aks.outbound = { type: 'loadBalancer' };
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports a public load balancer on a loadBalancer-outbound cluster whose node subnet routes 0.0.0.0/0 to the firewall', async () => {
    // The outbound type says load balancer, but the effective route decides where replies go.
    const b = baseline();
    b.ilb.visibility = 'public';
    delete b.ilb.subnet;
    b.aks.outbound = { type: 'loadBalancer' };
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => x.message)).toEqual([
      'ingress path web enters through public load balancer ilb-ingress (hop 2), but cluster aks-test routes 0.0.0.0/0 to afw-hub: replies leave through the firewall and are dropped',
    ]);
  });

  it('reports a public load balancer hop on a UDR cluster', async () => {
    const b = baseline();
    b.ilb.visibility = 'public';
    delete b.ilb.subnet;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe(
      'ingress path web enters through public load balancer ilb-ingress (hop 2), but cluster aks-test routes 0.0.0.0/0 to afw-hub: replies leave through the firewall and are dropped',
    );
    expect(f[0]!.path).toBe('ingress[0].hops[1]');
  });

  it('reports a second path entering through another public load balancer of the UDR cluster', async () => {
    const b = baseline();
    const plb = loadBalancer({ name: 'plb-legacy', visibility: 'public', cluster: b.aks });
    b.arch.ingress!.push({ ...b.path, name: 'legacy', hops: [{ via: plb, protocol: 'tcp', port: 443, tls: 'passthrough' }] });
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('ingress path legacy enters through public load balancer plb-legacy (hop 1)')]);
  });

  it('reports a public LoadBalancer Service declared on its own (network.loadBalancers) on a UDR cluster', async () => {
    const b = baseline();
    b.arch.network.loadBalancers = [loadBalancer({ name: 'svc-legacy-api', visibility: 'public', cluster: b.aks })];
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'public load balancer svc-legacy-api of cluster aks-test receives internet traffic, but the cluster routes 0.0.0.0/0 to afw-hub: replies leave through the firewall and are dropped',
    );
    expect(f[0]!.path).toBe('network.loadBalancers[0]');
  });

  it('passes an internal LoadBalancer Service declared on its own', async () => {
    const b = baseline();
    b.arch.network.loadBalancers = [loadBalancer({ name: 'svc-internal', visibility: 'internal', subnet: b.nodes, cluster: b.aks })];
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
