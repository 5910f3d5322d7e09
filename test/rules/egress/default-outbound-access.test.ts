import { describe, expect, it } from 'vitest';
import { jumpBox, natGateway, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/default-outbound-access';

function withJumpBox(defaultOutboundAccess?: boolean) {
  const b = baseline();
  const s = subnet({ name: 'snet-jump', cidr: '10.0.1.0/27', purpose: 'jumpbox', ...(defaultOutboundAccess === undefined ? {} : { defaultOutboundAccess }) });
  b.hub.subnets.push(s);
  b.arch.network.jumpBoxes = [jumpBox({ name: 'vm-jump', subnet: s })];
  return { ...b, jumpSubnet: s };
}

describe(ID, () => {
  it('passes for private subnets and for subnets with explicit egress', async () => {
    expect(await runRule(ID, withJumpBox(false).arch)).toEqual([]);
    const b = withJumpBox();
    b.jumpSubnet.natGateway = natGateway({ name: 'ng-hub', publicIps: 1 });
    expect(await runRule(ID, b.arch)).toEqual([]);
    const c = withJumpBox();
    c.jumpSubnet.routeTable = c.rt;
    expect(await runRule(ID, c.arch)).toEqual([]);
  });

  it('reports a jump box subnet that relies on default outbound access', async () => {
    const f = await runRule(ID, withJumpBox().arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      'subnet snet-jump (10.0.1.0/27) hosts jump box vm-jump and keeps implicit default outbound access with no NAT gateway and no 0.0.0.0/0 route to an appliance',
    );
    expect(f[0]!.path).toBe('network.vnets[0].subnets[1].defaultOutboundAccess');
  });

  it('reports node subnets of a network-isolated cluster that keep default outbound access', async () => {
    const b = baseline();
    b.aks.outbound = { type: 'none' };
    delete b.nodes.routeTable;
    b.nodes.defaultOutboundAccess = true;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('subnet snet-nodes (10.1.0.0/22) hosts nodes of cluster aks-test');
    expect(f[0]!.message).toContain('network-isolated');
  });
});
