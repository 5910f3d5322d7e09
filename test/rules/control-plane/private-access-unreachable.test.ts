import { describe, expect, it } from 'vitest';
import { jumpBox, peering, subnet, vnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'control-plane/private-access-unreachable';

function withJumpBox(peered: boolean) {
  const b = baseline();
  const s = subnet({ name: 'snet-jump', cidr: '10.9.0.0/24', purpose: 'jumpbox' });
  const mgmt = vnet({ name: 'vnet-mgmt', region: 'westeurope', addressSpace: ['10.9.0.0/16'], subnets: [s] });
  b.arch.network.vnets.push(mgmt);
  if (peered) b.arch.network.peerings!.push(peering({ from: b.hub, to: mgmt }));
  const jb = jumpBox({ name: 'vm-jump', subnet: s });
  b.arch.network.jumpBoxes = [jb];
  b.aks.controlPlaneAccess = [{ kind: 'admins', via: jb }];
  return b;
}

describe(ID, () => {
  it('reports a jump box in an unconnected VNet', async () => {
    const f = await runRule(ID, withJumpBox(false).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('vm-jump (admins) sits in VNet vnet-mgmt, which is not connected to vnet-spoke where the private API server of aks-test lives');
    expect(f[0]!.path).toBe('clusters[0].controlPlaneAccess[0]');
  });

  it('passes a jump box in a VNet peered with the hub', async () => {
    expect(await runRule(ID, withJumpBox(true).arch)).toEqual([]);
  });
});
