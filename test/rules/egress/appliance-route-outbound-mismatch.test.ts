import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/appliance-route-outbound-mismatch';

describe(ID, () => {
  it('passes for a UDR cluster with a default route to the firewall', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('passes for a loadBalancer cluster without a default route', async () => {
    const b = baseline();
    b.aks.outbound = { type: 'loadBalancer' };
    delete b.nodes.routeTable;
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports a default route to the firewall while outbound is loadBalancer', async () => {
    const b = baseline();
    b.aks.outbound = { type: 'loadBalancer', outboundIps: 2 };
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      'node subnet snet-nodes of cluster aks-test routes 0.0.0.0/0 to afw-hub (route default in rt-egress) while the cluster outbound type is loadBalancer; egress bypasses the load balancer',
    );
    expect(f[0]!.path).toBe('clusters[0].outbound');
  });
});
