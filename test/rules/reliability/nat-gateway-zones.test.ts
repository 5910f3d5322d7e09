import { describe, expect, it } from 'vitest';
import { natGateway, type Zone } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'reliability/nat-gateway-zones';

function withNat(zones: Zone[], sku: 'Standard' | 'StandardV2' = 'Standard') {
  const b = baseline();
  const nat = natGateway({ name: 'ng-aks', publicIps: 2, zones, sku });
  delete b.nodes.routeTable;
  b.nodes.natGateway = nat;
  b.aks.outbound = { type: 'userAssignedNATGateway', natGateway: nat };
  return b;
}

describe(ID, () => {
  it('passes for a zone-redundant StandardV2 NAT gateway, and a zonal one serving a zonal pool set', async () => {
    expect(await runRule(ID, withNat([1, 2, 3], 'StandardV2').arch)).toEqual([]);
    const b = withNat([1]);
    for (const p of b.aks.nodePools) p.zones = [1];
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports a Standard NAT gateway spanning zones', async () => {
    const f = await runRule(ID, withNat([1, 2]).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe(
      'NAT gateway ng-aks (Standard) declares zones 1, 2; a Standard NAT gateway is zonal or has no zone (zone-redundant needs StandardV2)',
    );
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].natGateway.zones');
  });

  it('warns about a zonal NAT gateway serving zone-redundant pools', async () => {
    const f = await runRule(ID, withNat([2]).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      'NAT gateway ng-aks is pinned to zone 2 but serves node pools of aks-test in zones 1, 2, 3; losing zone 2 stops egress for all of them',
    );
  });
});
