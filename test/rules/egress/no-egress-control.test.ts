import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/no-egress-control';

describe(ID, () => {
  it('passes when egress goes through the firewall', async () => {
    const b = baseline();
    b.arch.metadata.environment = 'production';
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('warns about unfiltered load balancer egress in production', async () => {
    const b = baseline();
    b.arch.metadata.environment = 'production';
    delete b.nodes.routeTable;
    b.aks.outbound = { type: 'loadBalancer' };
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      'cluster aks-test sends egress straight to the internet through its load balancer (outbound type loadBalancer) with no firewall or NVA filtering destinations (environment: production)',
    );
    expect(f[0]!.path).toBe('clusters[0].outbound');
  });

  it('is informational outside production', async () => {
    const b = baseline();
    b.arch.metadata.environment = 'dev';
    delete b.nodes.routeTable;
    b.aks.managedVnet = true;
    b.aks.outbound = { type: 'managedNATGateway' };
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.message).toContain('through a NAT gateway (outbound type managedNATGateway)');
  });
});
