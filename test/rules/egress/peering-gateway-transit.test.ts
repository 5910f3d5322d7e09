import { describe, expect, it } from 'vitest';
import {
  hybridConnection,
  nva,
  onPremises,
  peering,
  routeTable,
  subnet,
  vnet,
  vnetGateway,
} from '../../../dsl/index.js';
import type { Architecture } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'egress/peering-gateway-transit';
const PEERING = 'network.peerings[0]';

interface Options {
  transit?: boolean;
  remote?: boolean;
  forwarded?: boolean;
  /** Put the gateway in the hub (default) or nowhere. */
  hubGateway?: boolean;
  spokeGateway?: boolean;
  /** Keep the spoke's 0.0.0.0/0 route to the hub firewall (default true). */
  viaFirewall?: boolean;
  /** Add a route for the on-premises range to the firewall (the reserved 192.168.0.0/16 → None beats 0.0.0.0/0). */
  onPremRoute?: boolean;
}

/** The baseline hub and spoke with a VPN gateway to on-premises 192.168.50.0/24 in the hub. */
function hybrid(o: Options) {
  return () => {
    const b = baseline();
    const gwSubnet = subnet({ name: 'GatewaySubnet', cidr: '10.0.1.0/27', purpose: 'gateway' });
    mutable(b.hub.subnets).push(gwSubnet);
    const gateways = [];
    if (o.hubGateway !== false) gateways.push(vnetGateway({ name: 'vpngw-hub', type: 'vpn', subnet: gwSubnet }));
    if (o.spokeGateway) {
      const spokeGw = subnet({ name: 'GatewaySubnet', cidr: '10.1.5.0/27', purpose: 'gateway' });
      mutable(b.spoke.subnets).push(spokeGw);
      gateways.push(vnetGateway({ name: 'vpngw-spoke', type: 'vpn', subnet: spokeGw }));
    }
    const dc = onPremises({ name: 'dc', addressSpace: ['192.168.50.0/24'] });
    b.arch.network.gateways = gateways;
    b.arch.network.onPremises = [dc];
    b.arch.network.hybridConnections = gateways[0]
      ? [hybridConnection({ name: 'vpn-dc', gateway: gateways[0], remote: dc })]
      : [];
    if (o.viaFirewall === false) delete b.nodes.routeTable;
    if (o.onPremRoute) mutable(b.rt.routes).push({ name: 'onprem', prefix: '192.168.50.0/24', nextHop: b.firewall });
    b.arch.network.peerings = [
      peering({
        from: b.hub,
        to: b.spoke,
        ...(o.transit !== undefined ? { allowGatewayTransit: o.transit } : {}),
        ...(o.remote !== undefined ? { useRemoteGateways: o.remote } : {}),
        ...(o.forwarded !== undefined ? { allowForwardedTraffic: o.forwarded } : {}),
      }),
    ];
    return b.arch;
  };
}

/** `hybrid(o)` changed after the fact. */
function hybridThen(o: Options, change: (arch: Architecture) => void) {
  return () => {
    const arch = hybrid(o)();
    change(arch);
    return arch;
  };
}

const nodeSubnetOf = (arch: Architecture) => arch.network.vnets[1]!.subnets[0]!;

testRule(ID, {
  valid: [
    {
      name: 'transit allowed, remote gateways used, forwarded traffic accepted',
      arch: hybrid({ transit: true, remote: true, forwarded: true }),
    },
    {
      name: 'no transit at all: the spoke reaches on-premises through the firewall',
      arch: hybrid({ forwarded: true }),
    },
    {
      name: 'transit allowed but unused, while the spoke routes the on-premises range to the firewall',
      arch: hybrid({ transit: true, remote: false, forwarded: true, onPremRoute: true }),
    },
    {
      name: 'forwarded traffic off on a spoke that does not route through the hub',
      arch: hybrid({ forwarded: false, viaFirewall: false }),
    },
    {
      name: 'transit allowed but unused by a spoke with its own gateway: that gateway is its path',
      arch: hybrid({ transit: true, remote: false, forwarded: true, spokeGateway: true }),
    },
    {
      name: "transit unused, but the on-premises network hangs off another VNet's gateway, not the hub's",
      arch: hybridThen({ transit: true, remote: false, viaFirewall: false }, (arch) => {
        const gwSubnet = subnet({ name: 'GatewaySubnet', cidr: '10.2.1.0/27', purpose: 'gateway' });
        mutable(arch.network.vnets).push(
          vnet({ name: 'vnet-other', region: 'westeurope', addressSpace: ['10.2.0.0/22'], subnets: [gwSubnet] }),
        );
        const other = vnetGateway({ name: 'vpngw-other', type: 'vpn', subnet: gwSubnet });
        mutable(arch.network.gateways!).push(other);
        arch.network.hybridConnections![0]!.gateway = other;
      }),
    },
    {
      name: 'forwarded traffic off; a hub subnet routed to the firewall is not the spoke',
      arch: hybridThen({ forwarded: false, viaFirewall: false }, (arch) => {
        const routes = [{ name: 'default', prefix: '0.0.0.0/0', nextHop: arch.network.firewalls![0]! }];
        const rt = routeTable({ name: 'rt-mgmt', routes });
        mutable(arch.network.vnets[0]!.subnets).push(subnet({ name: 'snet-mgmt', cidr: '10.0.2.0/27', routeTable: rt }));
      }),
    },
    {
      name: 'forwarded traffic off; the spoke routes to an address no declared appliance has',
      arch: hybridThen({ forwarded: false }, (arch) => {
        nodeSubnetOf(arch).routeTable!.routes[0]!.nextHop = { type: 'VirtualAppliance', address: '10.0.2.4' };
      }),
    },
    {
      name: 'forwarded traffic off; the spoke routes through an NVA in the spoke itself',
      arch: hybridThen({ forwarded: false }, (arch) => {
        const nvaSubnet = subnet({ name: 'snet-nva', cidr: '10.1.9.0/28' });
        mutable(arch.network.vnets[1]!.subnets).push(nvaSubnet);
        const local = nva({ name: 'nva-spoke', subnet: nvaSubnet, privateIp: '10.1.9.4' });
        nodeSubnetOf(arch).routeTable!.routes[0]!.nextHop = local;
      }),
    },
    {
      name: "forwarded traffic off; routes learned from the hub's gateway are not forwarding by an appliance",
      arch: hybrid({ transit: true, remote: true, forwarded: false, viaFirewall: false }),
    },
    {
      name: 'forwarded traffic off; of two 0.0.0.0/0 routes the first (Internet) is active, the firewall one is not',
      arch: hybridThen({ forwarded: false }, (arch) => {
        const routes = nodeSubnetOf(arch).routeTable!.routes;
        mutable(routes).unshift({ name: 'internet', prefix: '0.0.0.0/0', nextHop: { type: 'Internet' } });
      }),
    },
  ],
  invalid: [
    {
      name: 'use remote gateways without transit on the hub side',
      arch: hybrid({ transit: false, remote: true, forwarded: true }),
      findings: [
        {
          messageId: 'remoteWithoutTransit',
          path: `${PEERING}.allowGatewayTransit`,
          severity: 'error',
          message:
            'VNet vnet-spoke uses the remote gateways of vnet-hub, but the peering does not allow gateway transit on the ' +
            'vnet-hub side; Azure rejects the peering setting',
          evidence: { hub: 'vnet-hub', spoke: 'vnet-spoke' },
        },
      ],
    },
    {
      name: 'use remote gateways of a hub without a gateway',
      arch: hybrid({ transit: true, remote: true, forwarded: true, hubGateway: false }),
      findings: [{ messageId: 'noRemoteGateway', path: `${PEERING}.useRemoteGateways`, severity: 'error' }],
    },
    {
      name: "a spoke with its own gateway that also uses the hub's",
      arch: hybrid({ transit: true, remote: true, forwarded: true, spokeGateway: true }),
      findings: [
        {
          messageId: 'ownGateway',
          path: `${PEERING}.useRemoteGateways`,
          severity: 'error',
          message: /has its own gateway vpngw-spoke/,
        },
      ],
    },
    {
      name: 'transit allowed but unused, and the spoke has no route to on-premises but the internet',
      arch: hybrid({ transit: true, remote: false, viaFirewall: false }),
      findings: [
        {
          messageId: 'onPremUnreachable',
          path: `${PEERING}.useRemoteGateways`,
          severity: 'info',
          message:
            'vnet-hub allows gateway transit to vnet-spoke, but vnet-spoke does not use remote gateways: subnet snet-nodes ' +
            '(cluster nodes or pods) learns no route to on-premises 192.168.50.0/24 and sends it to None',
          evidence: { hub: 'vnet-hub', spoke: 'vnet-spoke', subnet: 'snet-nodes', onPremises: '192.168.50.0/24' },
        },
      ],
    },
    {
      name: 'transit unused and only 0.0.0.0/0 to the firewall: the reserved 192.168.0.0/16 → None route wins',
      arch: hybrid({ transit: true, remote: false, forwarded: true }),
      findings: [
        {
          messageId: 'onPremUnreachable',
          path: `${PEERING}.useRemoteGateways`,
          severity: 'info',
          message: /sends it to None$/,
        },
      ],
    },
    {
      name: 'forwarded traffic stated off on a spoke routed through the hub firewall',
      arch: hybrid({ forwarded: false }),
      findings: [
        {
          messageId: 'forwardedTrafficOff',
          path: `${PEERING}.allowForwardedTraffic`,
          severity: 'warning',
          message:
            'subnet snet-nodes of vnet-spoke routes 0.0.0.0/0 through afw-hub in vnet-hub, but the peering does not allow ' +
            'forwarded traffic, so traffic the appliance forwards into vnet-spoke is dropped',
          evidence: { hub: 'vnet-hub', spoke: 'vnet-spoke', subnet: 'snet-nodes', appliance: 'afw-hub' },
        },
      ],
    },
    {
      name: 'one VNet using remote gateways on two peerings',
      arch: () => {
        const arch = hybrid({ transit: true, remote: true, forwarded: true })();
        const [hub, spoke] = arch.network.vnets;
        const hub2 = {
          ...hub!,
          name: 'vnet-hub2',
          addressSpace: ['10.2.0.0/22'],
          subnets: [subnet({ name: 'GatewaySubnet', cidr: '10.2.1.0/27', purpose: 'gateway' })],
        };
        mutable(arch.network.vnets).push(hub2);
        mutable(arch.network.gateways!).push(vnetGateway({ name: 'vpngw-hub2', type: 'vpn', subnet: hub2.subnets[0]! }));
        mutable(arch.network.peerings!).push(
          peering({
            from: hub2,
            to: spoke!,
            allowGatewayTransit: true,
            useRemoteGateways: true,
            allowForwardedTraffic: true,
          }),
        );
        return arch;
      },
      findings: [
        {
          messageId: 'twoRemotePeerings',
          path: 'network.peerings[1].useRemoteGateways',
          severity: 'error',
          message:
            'VNet vnet-spoke uses remote gateways on 2 peerings (vnet-hub, vnet-hub2); only one peering of a VNet may',
          evidence: { spoke: 'vnet-spoke', peerings: 2 },
        },
      ],
    },
  ],
});

describe(`${ID}: unstated facts`, () => {
  it('a spoke routed through the hub firewall with forwarded traffic unstated: one unverified check on the peering', async () => {
    const r = await runRuleResult(ID, hybrid({})());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual([`${PEERING}.allowForwardedTraffic`]);
    expect(r.unverified?.map((u) => u.elementName)).toEqual(['peering vnet-hub ↔ vnet-spoke']);
    expect(r.unverified?.map((u) => u.check)).toEqual([
      'the peering of vnet-spoke accepts the traffic afw-hub in vnet-hub forwards into it',
    ]);
    expect(r.unverified?.map((u) => u.fact)).toEqual(['forwarded-traffic setting of the peering']);
  });
  it('a route table sending only a specific prefix to the firewall also needs forwarded traffic', async () => {
    const arch = hybrid({ forwarded: false, viaFirewall: false })();
    const b = arch.network.vnets[1]!.subnets[0]!;
    b.routeTable = routeTable({
      name: 'rt-east',
      routes: [{ name: 'hub', prefix: '10.0.0.0/22', nextHop: { type: 'VirtualAppliance', address: '10.0.0.4' } }],
    });
    const r = await runRuleResult(ID, arch);
    expect(r.findings.map((f) => f.messageId)).toEqual(['forwardedTrafficOff']);
  });
});
