import { describe, expect, it } from 'vitest';
import { peering, vnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/routed-vnet-overlap';

describe(ID, () => {
  it('reports two spokes behind one hub that overlap', async () => {
    const b = baseline();
    const spoke2 = vnet({ name: 'vnet-spoke-2', region: 'westeurope', addressSpace: ['10.1.128.0/17'], subnets: [] });
    b.arch.network.vnets.push(spoke2);
    b.arch.network.peerings!.push(peering({ from: b.hub, to: spoke2 }));
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'VNet vnet-spoke-2 (10.1.128.0/17) overlaps vnet-spoke (10.1.0.0/16); both are reachable through the same hub or gateway, so 32768 addresses are ambiguous',
    );
    expect(f[0]!.path).toBe('network.vnets[2].addressSpace[0]');
    expect(f[0]!.severity).toBe('error');
  });

  it('passes when spokes are disjoint, and ignores unconnected VNets', async () => {
    const b = baseline();
    const spoke2 = vnet({ name: 'vnet-spoke-2', region: 'westeurope', addressSpace: ['10.2.0.0/16'], subnets: [] });
    const lonely = vnet({ name: 'vnet-lonely', region: 'northeurope', addressSpace: ['10.1.0.0/16'], subnets: [] });
    b.arch.network.vnets.push(spoke2, lonely);
    b.arch.network.peerings!.push(peering({ from: b.hub, to: spoke2 }));
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
