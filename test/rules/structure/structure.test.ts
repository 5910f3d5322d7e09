import { describe, expect, it } from 'vitest';
import { subnet, vnet, peering, nodePool, type Architecture } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

describe('structure rules', () => {
  it('the baseline has no structural findings', async () => {
    const { arch } = baseline();
    for (const id of ['structure/schema', 'structure/unknown-reference', 'structure/duplicate-name', 'structure/cidr-malformed', 'structure/subnet-outside-vnet', 'structure/subnet-overlap', 'structure/peered-vnet-overlap']) {
      expect(await runRule(id, arch), id).toEqual([]);
    }
  });

  it('structure/cidr-malformed reports host bits and garbage', async () => {
    const b = baseline();
    b.nodes.cidr = '10.1.0.1/22';
    b.hub.addressSpace = ['10.0.0.0/33'];
    const f = await runRule('structure/cidr-malformed', b.arch);
    expect(f.map((x) => x.path).sort()).toEqual(['network.vnets[0].addressSpace[0]', 'network.vnets[1].subnets[0].cidr']);
    expect(f.find((x) => x.path.endsWith('.cidr'))!.message).toContain('host bits set');
  });

  it('structure/subnet-outside-vnet', async () => {
    const b = baseline();
    b.appGwSubnet.cidr = '10.9.4.0/24';
    const f = await runRule('structure/subnet-outside-vnet', b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('snet-appgw (10.9.4.0/24) is outside the address space of vnet-spoke');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[1].cidr');
  });

  it('structure/subnet-overlap', async () => {
    const b = baseline();
    b.appGwSubnet.cidr = '10.1.2.0/24';
    const f = await runRule('structure/subnet-overlap', b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('subnet snet-appgw (10.1.2.0/24) overlaps subnet snet-nodes (10.1.0.0/22) in vnet-spoke');
  });

  it('structure/peered-vnet-overlap', async () => {
    const b = baseline();
    b.hub.addressSpace = ['10.1.0.0/22'];
    b.fwSubnet.cidr = '10.1.0.0/26';
    const f = await runRule('structure/peered-vnet-overlap', b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.path).toBe('network.peerings[0]');
  });

  it('structure/unknown-reference: a subnet that is in no VNet, and a string reference', async () => {
    const b = baseline();
    const stray = subnet({ name: 'snet-stray', cidr: '10.1.8.0/24' });
    b.aks.nodePools.push(nodePool({ name: 'extra', mode: 'user', vmSize: 'Standard_D4ds_v5', subnet: stray }));
    (b.aks.nodePools[0] as unknown as { podSubnet: unknown }).podSubnet = 'snet-pods';
    const f = await runRule('structure/unknown-reference', b.arch);
    expect(f.map((x) => x.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('subnet "snet-stray" is referenced but is not in the subnets of any VNet'),
        expect.stringContaining('pass the variable holding the subnet, not its name'),
      ]),
    );
  });

  it('structure/duplicate-name', async () => {
    const b = baseline();
    b.spoke.subnets.push(subnet({ name: 'snet-nodes', cidr: '10.1.8.0/24' }));
    const f = await runRule('structure/duplicate-name', b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('both named "snet-nodes" in vnet-spoke');
  });

  it('structure/schema: wrong types and enum values in an untyped file', async () => {
    const b = baseline();
    const arch = b.arch as unknown as { clusters: Array<{ tier: string; nodePools: Array<{ maxPods: unknown }> }> };
    arch.clusters[0]!.tier = 'Gold';
    arch.clusters[0]!.nodePools[0]!.maxPods = 'lots';
    const f = await runRule('structure/schema', b.arch);
    expect(f.map((x) => x.path).sort()).toEqual(['clusters[0].nodePools[0].maxPods', 'clusters[0].tier']);
  });

  it('a valid design with a second VNet peered without overlap passes', async () => {
    const b = baseline();
    const other = vnet({ name: 'vnet-other', region: 'westeurope', addressSpace: ['10.2.0.0/16'], subnets: [] });
    b.arch.network.vnets.push(other);
    b.arch.network.peerings!.push(peering({ from: b.hub, to: other }));
    expect(await runRule('structure/peered-vnet-overlap', b.arch as Architecture)).toEqual([]);
  });
});
