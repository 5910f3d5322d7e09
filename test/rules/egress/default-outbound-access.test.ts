import { describe, expect, it } from 'vitest';
import { buildAgents, jumpBox, natGateway, routeTable, subnet } from '../../../dsl/index.js';
import type { RouteNextHop } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'egress/default-outbound-access';
const JUMP = 'network.vnets[0].subnets[1].defaultOutboundAccess';

type WithJump = ReturnType<typeof baseline> & { jumpSubnet: ReturnType<typeof subnet> };

function withJumpBox(defaultOutboundAccess?: boolean, change: (b: WithJump) => void = () => {}) {
  return () => {
    const b = baseline();
    const s = subnet({
      name: 'snet-jump',
      cidr: '10.0.1.0/27',
      purpose: 'jumpbox',
      ...(defaultOutboundAccess === undefined ? {} : { defaultOutboundAccess }),
    });
    mutable(b.hub.subnets).push(s);
    b.arch.network.jumpBoxes = [jumpBox({ name: 'vm-jump', subnet: s })];
    change({ ...b, jumpSubnet: s });
    return b.arch;
  };
}

/** A network-isolated cluster (outbound none) whose node subnet states `access`. */
function isolatedNodes(access: boolean | undefined) {
  return () => {
    const b = baseline();
    b.aks.outbound = { type: 'none' };
    delete b.nodes.routeTable;
    if (access === undefined) delete b.nodes.defaultOutboundAccess;
    else b.nodes.defaultOutboundAccess = access;
    return b.arch;
  };
}

/** The jump box subnet with default outbound access and a 0.0.0.0/0 route to `nextHop`. */
function jumpDefaultRoute(nextHop: RouteNextHop) {
  return withJumpBox(true, (b) => {
    const routes = [{ name: 'default', prefix: '0.0.0.0/0', nextHop }];
    b.jumpSubnet.routeTable = routeTable({ name: 'rt-jump', routes });
  });
}

/** The jump box subnet also hosts build agents hosted as given. */
function withAgents(hosting: 'self-hosted' | 'microsoft-hosted', defaultOutboundAccess = true) {
  return withJumpBox(defaultOutboundAccess, (b) => {
    b.arch.network.buildAgents = [buildAgents({ name: 'ci', hosting, subnet: b.jumpSubnet })];
    b.arch.network.jumpBoxes = [];
  });
}

testRule(ID, {
  valid: [
    {
      name: 'default outbound access with 0.0.0.0/0 to a VPN gateway (forced tunnelling)',
      arch: jumpDefaultRoute({ type: 'VirtualNetworkGateway' }),
    },
    {
      name: 'default outbound access with 0.0.0.0/0 dropped (next hop None)',
      arch: jumpDefaultRoute({ type: 'None' }),
    },
    { name: 'Microsoft-hosted build agents do not run in the subnet', arch: withAgents('microsoft-hosted') },
    { name: 'self-hosted build agents in a private subnet', arch: withAgents('self-hosted', false) },
    {
      name: 'self-hosted build agents without a subnet',
      arch: () => {
        const b = baseline();
        b.arch.network.buildAgents = [buildAgents({ name: 'ci', hosting: 'self-hosted' })];
        return b.arch;
      },
    },
    {
      name: 'nodes of a cluster with a load balancer outbound on a subnet that keeps default outbound access',
      arch: () => {
        const b = baseline();
        b.aks.outbound = { type: 'loadBalancer' };
        delete b.nodes.routeTable;
        b.nodes.defaultOutboundAccess = true;
        return b.arch;
      },
    },
    { name: 'a private jump box subnet', arch: withJumpBox(false) },
    {
      name: 'default outbound access with a NAT gateway',
      arch: withJumpBox(true, (b) => (b.jumpSubnet.natGateway = natGateway({ name: 'ng-hub', publicIps: 1 }))),
    },
    {
      name: 'default outbound access with 0.0.0.0/0 to the firewall',
      arch: withJumpBox(true, (b) => (b.jumpSubnet.routeTable = b.rt)),
    },
    { name: 'a network-isolated cluster whose node subnet is private', arch: isolatedNodes(false) },
    { name: 'nodes of a cluster with its own outbound (the baseline UDR)', arch: () => baseline().arch },
  ],
  invalid: [
    {
      name: 'default outbound access with a user 0.0.0.0/0 route to the Internet',
      arch: jumpDefaultRoute({ type: 'Internet' }),
      findings: [
        {
          messageId: 'implicitAccess',
          path: JUMP,
          severity: 'warning',
          message: /^subnet snet-jump .* hosts jump box vm-jump and/,
        },
      ],
    },
    {
      name: 'self-hosted build agents and two jump boxes share a subnet that keeps default outbound access',
      arch: withJumpBox(true, (b) => {
        b.arch.network.buildAgents = [buildAgents({ name: 'ci', hosting: 'self-hosted', subnet: b.jumpSubnet })];
        mutable(b.arch.network.jumpBoxes!).push(jumpBox({ name: 'vm-jump-2', subnet: b.jumpSubnet }));
      }),
      findings: [
        {
          messageId: 'implicitAccess',
          path: JUMP,
          severity: 'warning',
          message:
            'subnet snet-jump (10.0.1.0/27) hosts jump box vm-jump, jump box vm-jump-2, self-hosted build agents ci ' +
            'and keeps implicit default outbound access with no NAT gateway and no 0.0.0.0/0 route to an appliance',
          evidence: { subnet: 'snet-jump', hosts: 'jump box vm-jump, jump box vm-jump-2, self-hosted build agents ci' },
        },
      ],
    },
    {
      name: 'node subnets of a cluster with outbound blocked that keep default outbound access',
      arch: () => {
        const b = baseline();
        b.aks.outbound = { type: 'block' };
        delete b.nodes.routeTable;
        b.nodes.defaultOutboundAccess = true;
        return b.arch;
      },
      findings: [
        {
          messageId: 'implicitAccess',
          path: 'network.vnets[1].subnets[0].defaultOutboundAccess',
          severity: 'warning',
          message: /hosts nodes of cluster aks-test .*; the cluster is meant to be network-isolated/,
        },
      ],
    },
    {
      name: 'a jump box subnet that keeps default outbound access',
      arch: withJumpBox(true),
      findings: [
        {
          messageId: 'implicitAccess',
          path: JUMP,
          severity: 'warning',
          message:
            'subnet snet-jump (10.0.1.0/27) hosts jump box vm-jump and keeps implicit default outbound access with no NAT ' +
            'gateway and no 0.0.0.0/0 route to an appliance',
        },
      ],
    },
    {
      name: 'node subnets of a network-isolated cluster that keep default outbound access',
      arch: isolatedNodes(true),
      findings: [
        {
          messageId: 'implicitAccess',
          path: 'network.vnets[1].subnets[0].defaultOutboundAccess',
          severity: 'warning',
          message:
            /^subnet snet-nodes \(10\.1\.0\.0\/22\) hosts nodes of cluster aks-test .*; the cluster is meant to be network-isolated/,
        },
      ],
    },
  ],
});

describe(`${ID}: unstated facts`, () => {
  it('an unstated subnet is neither private nor public: one unverified check names the fact', async () => {
    const r = await runRuleResult(ID, withJumpBox(undefined)());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual([JUMP]);
    expect(r.unverified?.[0]?.check).toBe('subnet snet-jump (jump box vm-jump) has no implicit internet egress');
    const two = withJumpBox(undefined, (b) => {
      mutable(b.arch.network.jumpBoxes!).push(jumpBox({ name: 'vm-2', subnet: b.jumpSubnet }));
    });
    const r2 = await runRuleResult(ID, two());
    expect(r2.unverified?.map((u) => u.check)).toEqual([
      'subnet snet-jump (jump box vm-2, jump box vm-jump) has no implicit internet egress',
    ]);
  });
  it('explicit egress needs no statement', async () => {
    const r = await runRuleResult(ID, withJumpBox(undefined, (b) => (b.jumpSubnet.routeTable = b.rt))());
    expect(r.findings).toEqual([]);
    expect(r.unverified ?? []).toEqual([]);
  });
  it('the model records the fact as unknown, not as a platform default', async () => {
    const { normalize } = await import('../../../src/normalize/normalize.js');
    const { model } = normalize(isolatedNodes(undefined)());
    expect(model.defaults.some((d) => d.path.endsWith('defaultOutboundAccess'))).toBe(false);
    expect(model.resources.find((r) => r.kind === 'subnet' && r.name === 'snet-nodes')).not.toHaveProperty(
      'defaultOutboundAccess',
    );
  });
});
