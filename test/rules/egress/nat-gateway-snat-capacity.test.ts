import { describe, expect, it } from 'vitest';
import { natGateway } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/nat-gateway-snat-capacity';

function withNat(spec: { publicIps?: number; publicIpPrefixLength?: number }) {
  const b = baseline();
  const nat = natGateway({ name: 'ng-aks', ...spec });
  delete b.nodes.routeTable;
  b.nodes.natGateway = nat;
  b.aks.outbound = { type: 'userAssignedNATGateway', natGateway: nat };
  return b;
}

describe(ID, () => {
  it('passes with 2 public IPs for 16 nodes', async () => {
    expect(await runRule(ID, withNat({ publicIps: 2 }).arch)).toEqual([]);
  });

  it('reports more than 16 public addresses', async () => {
    const f = await runRule(ID, withNat({ publicIps: 4, publicIpPrefixLength: 28 }).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe('NAT gateway ng-aks has 20 public addresses (4 IPs + a /28 prefix); a NAT gateway supports at most 16');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].natGateway.publicIps');
  });

  it('warns when SNAT ports per node at maximum scale fall below 1,024', async () => {
    const b = withNat({ publicIps: 1 });
    b.aks.nodePools[1]!.maxCount = 70; // 75 nodes + (1 + 7) surge
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      'NAT gateway ng-aks: 1 public address × 64,512 = 64,512 SNAT ports for 83 nodes (75 nodes + 8 surge of aks-test) is 777 ports per node, below 1,024',
    );
  });

  it('checks the managed NAT gateway of a managed-VNet cluster', async () => {
    const b = baseline();
    delete b.nodes.routeTable;
    b.aks.managedVnet = true;
    b.aks.outbound = { type: 'managedNATGateway', outboundIps: 1 };
    b.aks.nodePools[1]!.maxCount = 70;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('NAT gateway aks-test managed NAT: 1 public address');
    expect(f[0]!.path).toBe('clusters[0].outbound');
  });
});
