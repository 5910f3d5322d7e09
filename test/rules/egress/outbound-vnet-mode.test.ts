import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/outbound-vnet-mode';

describe(ID, () => {
  it('passes for UDR in a BYO VNet and managed NAT in a managed VNet', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
    const b = baseline();
    b.aks.outbound = { type: 'managedNATGateway', outboundIps: 2 };
    b.aks.managedVnet = true;
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports managedNATGateway with a BYO VNet', async () => {
    const b = baseline();
    b.aks.outbound = { type: 'managedNATGateway', outboundIps: 2 };
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('cluster aks-test uses outbound type managedNATGateway but its 1 node subnet (snet-nodes) are in your own VNet');
    expect(f[0]!.path).toBe('clusters[0].outbound');
  });

  it('treats managedNATGatewayV2 like managedNATGateway: fine in a managed VNet, an error in your own', async () => {
    const b = baseline();
    b.aks.outbound = { type: 'managedNATGatewayV2', outboundIps: 2 };
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining('cluster aks-test uses outbound type managedNATGatewayV2 but its 1 node subnet (snet-nodes) are in your own VNet'),
    ]);
    b.aks.managedVnet = true;
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports userDefinedRouting in an AKS-managed VNet', async () => {
    const b = baseline();
    b.aks.managedVnet = true;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('cluster aks-test uses outbound type userDefinedRouting in an AKS-managed VNet');
  });
});
