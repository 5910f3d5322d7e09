/**
 * Effective routes computed the way Azure documents them
 * (https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview): system routes,
 * reserved prefixes, peerings, gateway-learned routes and BGP propagation, user routes, and selection
 * by longest prefix with the User > gateway > system tie-break.
 */
import { describe, expect, it } from 'vitest';
import {
  azureFirewall,
  defineArchitecture,
  hybridConnection,
  onPremises,
  peering,
  routeTable,
  subnet,
  vnet,
  vnetGateway,
  type Architecture,
} from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import { computeRouting, defaultRouteFor, routeFor, type SubnetRoutes } from '../../src/model/routing.js';
import { mutable } from '../helpers/mutable.js';

function routesOf(arch: Architecture, subnetId: string): SubnetRoutes {
  const { model } = normalize(arch);
  const t = computeRouting(model).get(subnetId);
  if (!t) throw new Error(`no routes for ${subnetId}`);
  return t;
}

const rows = (t: SubnetRoutes) => t.routes.map((r) => `${r.source} ${r.state} ${r.prefix} ${r.nextHopType}`);

/** Hub with a firewall and a VPN gateway to on-premises, one spoke; options switch transit and propagation. */
function hubSpoke(
  opts: { transit?: boolean; remote?: boolean | null; propagate?: boolean; userRoutes?: boolean; onPremCidr?: string } = {},
) {
  const fwSubnet = subnet({ name: 'AzureFirewallSubnet', cidr: '10.0.0.0/26' });
  const gwSubnet = subnet({ name: 'GatewaySubnet', cidr: '10.0.1.0/27' });
  const hub = vnet({ name: 'vnet-hub', region: 'westeurope', addressSpace: ['10.0.0.0/22'], subnets: [fwSubnet, gwSubnet] });
  const fw = azureFirewall({ name: 'afw', tier: 'Standard', subnet: fwSubnet, privateIp: '10.0.0.4' });
  const gw = vnetGateway({ name: 'vpngw', type: 'vpn', subnet: gwSubnet });
  const dc = onPremises({ name: 'dc', addressSpace: [opts.onPremCidr ?? '192.168.10.0/24'] });
  const rt = routeTable({
    name: 'rt-spoke',
    bgpRoutePropagation: opts.propagate ?? true,
    routes: opts.userRoutes === false ? [] : [{ name: 'default', prefix: '0.0.0.0/0', nextHop: fw }],
  });
  const nodes = subnet({ name: 'snet-nodes', cidr: '10.1.0.0/22', routeTable: rt });
  const plain = subnet({ name: 'snet-plain', cidr: '10.1.4.0/24' });
  const spoke = vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [nodes, plain] });
  const arch = defineArchitecture({
    metadata: { title: 'routing', status: 'draft' },
    network: {
      vnets: [hub, spoke],
      peerings: [
        peering({
          from: hub,
          to: spoke,
          allowGatewayTransit: opts.transit ?? true,
          ...(opts.remote === undefined ? { useRemoteGateways: true } : opts.remote === null ? {} : { useRemoteGateways: opts.remote }),
        }),
      ],
      firewalls: [fw],
      gateways: [gw],
      onPremises: [dc],
      hybridConnections: [hybridConnection({ name: 'vpn-dc', gateway: gw, remote: dc })],
    },
    clusters: [],
  });
  return arch;
}

describe('system routes', () => {
  it('a subnet without a route table gets the VNet range, the peer, 0.0.0.0/0 → Internet and the reserved prefixes → None', () => {
    const t = routesOf(hubSpoke(), 'subnet:vnet-spoke/snet-plain');
    expect(rows(t)).toEqual([
      'Default Active 10.1.0.0/16 VnetLocal',
      'Default Active 10.0.0.0/22 VNetPeering',
      'Default Active 0.0.0.0/0 Internet',
      'Default Active 10.0.0.0/8 None',
      'Default Active 172.16.0.0/12 None',
      'Default Active 192.168.0.0/16 None',
      'Default Active 100.64.0.0/10 None',
      'VirtualNetworkGateway Active 192.168.10.0/24 VirtualNetworkGateway',
    ]);
    expect(routeFor(t, '10.1.4.9')?.nextHopType).toBe('VnetLocal');
    expect(routeFor(t, '10.0.0.4')?.nextHopType).toBe('VNetPeering');
    // Inside 10.0.0.0/8 but in no VNet: dropped.
    expect(routeFor(t, '10.2.0.1')?.nextHopType).toBe('None');
    expect(routeFor(t, '10.1.255.255')?.nextHopType).toBe('VnetLocal');
    expect(routeFor(t, '10.2.0.0')?.nextHopType).toBe('None');
    expect(routeFor(t, '8.8.8.8')?.nextHopType).toBe('Internet');
    expect(defaultRouteFor(t)).toMatchObject({ source: 'Default', nextHopType: 'Internet' });
  });

  it('a reserved prefix equal to the VNet range becomes VnetLocal; one inside a wider VNet range disappears', () => {
    const equal = vnet({ name: 'v1', region: 'westeurope', addressSpace: ['10.0.0.0/8'], subnets: [subnet({ name: 's', cidr: '10.0.0.0/24' })] });
    const wider = vnet({ name: 'v2', region: 'westeurope', addressSpace: ['172.0.0.0/11'], subnets: [subnet({ name: 's', cidr: '172.16.0.0/24' })] });
    const arch = defineArchitecture({ metadata: { title: 'r', status: 'draft' }, network: { vnets: [equal, wider] }, clusters: [] });
    const t1 = routesOf(arch, 'subnet:v1/s');
    expect(rows(t1).filter((r) => r.includes('10.0.0.0/8'))).toEqual(['Default Active 10.0.0.0/8 VnetLocal']);
    expect(routeFor(t1, '10.200.0.1')?.nextHopType).toBe('VnetLocal');
    const t2 = routesOf(arch, 'subnet:v2/s');
    expect(rows(t2).some((r) => r.includes('172.16.0.0/12'))).toBe(false);
    expect(rows(t2).filter((r) => r.endsWith('None'))).toEqual([
      'Default Active 10.0.0.0/8 None',
      'Default Active 192.168.0.0/16 None',
      'Default Active 100.64.0.0/10 None',
    ]);
  });
});

describe('user routes', () => {
  it('a user 0.0.0.0/0 route to the firewall overrides the default Internet route, which turns Invalid', () => {
    const t = routesOf(hubSpoke(), 'subnet:vnet-spoke/snet-nodes');
    expect(rows(t)).toContain('Default Invalid 0.0.0.0/0 Internet');
    expect(rows(t)).toContain('User Active 0.0.0.0/0 VirtualAppliance');
    expect(defaultRouteFor(t)).toMatchObject({
      source: 'User',
      nextHopType: 'VirtualAppliance',
      nextHopAddress: '10.0.0.4',
      nextHopResource: 'azureFirewall:afw',
      routeTable: 'routeTable:rt-spoke',
      routeName: 'default',
      routeIndex: 0,
    });
    // A more specific system route still wins for VNet and peered traffic.
    expect(routeFor(t, '10.0.0.10')?.nextHopType).toBe('VNetPeering');
    expect(routeFor(t, '1.1.1.1')?.nextHopType).toBe('VirtualAppliance');
  });

  it('an appliance route written as an address is matched to the declared appliance', () => {
    const arch = hubSpoke({ userRoutes: false });
    const rt = (arch.network.vnets[1]!.subnets[0]!.routeTable)!;
    rt.routes = [{ name: 'by-ip', prefix: '0.0.0.0/0', nextHop: { type: 'VirtualAppliance', address: '10.0.0.4' } }];
    expect(defaultRouteFor(routesOf(arch, 'subnet:vnet-spoke/snet-nodes'))).toMatchObject({ nextHopResource: 'azureFirewall:afw' });
  });

  it('longest prefix wins: a /24 user route inside the VNet beats the /16 VnetLocal route, only inside the /24', () => {
    const arch = hubSpoke();
    const rt = arch.network.vnets[1]!.subnets[0]!.routeTable!;
    mutable(rt.routes).push({ name: 'inspect', prefix: '10.1.4.0/24', nextHop: { type: 'VirtualAppliance', address: '10.0.0.4' } });
    const t = routesOf(arch, 'subnet:vnet-spoke/snet-nodes');
    expect(routeFor(t, '10.1.4.1')?.source).toBe('User');
    expect(routeFor(t, '10.1.5.1')?.nextHopType).toBe('VnetLocal');
    expect(routeFor(t, '10.1.3.255')?.nextHopType).toBe('VnetLocal');
  });
});

describe('gateway routes', () => {
  it('a spoke learns the on-premises range through a peering with gateway transit, as source VirtualNetworkGateway', () => {
    const t = routesOf(hubSpoke(), 'subnet:vnet-spoke/snet-nodes');
    const r = routeFor(t, '192.168.10.7');
    expect(r).toMatchObject({ source: 'VirtualNetworkGateway', nextHopType: 'VirtualNetworkGateway', nextHopResource: 'vnetGateway:vpngw', learnedFrom: 'onPremises:dc' });
    expect(t.gatewayRoutePropagation).toBe(true);
  });

  it('no gateway routes without gateway transit, or when the route table disables propagation', () => {
    const noTransit = routesOf(hubSpoke({ transit: false }), 'subnet:vnet-spoke/snet-nodes');
    expect(noTransit.routes.some((r) => r.source === 'VirtualNetworkGateway')).toBe(false);
    const off = routesOf(hubSpoke({ propagate: false }), 'subnet:vnet-spoke/snet-nodes');
    expect(off.gatewayRoutePropagation).toBe(false);
    expect(off.routes.some((r) => r.source === 'VirtualNetworkGateway')).toBe(false);
    // Then the reserved 192.168.0.0/16 → None system route is more specific than the user 0.0.0.0/0: dropped.
    expect(routeFor(off, '192.168.10.7')?.nextHopType).toBe('None');
    // The subnet without a route table in the same VNet still learns it.
    expect(routesOf(hubSpoke({ propagate: false }), 'subnet:vnet-spoke/snet-plain').routes.some((r) => r.source === 'VirtualNetworkGateway')).toBe(true);
  });

  it('gateway routes need both halves: the hub allows transit and the spoke uses remote gateways', () => {
    const gatewayRoutes = (opts: { transit?: boolean; remote?: boolean | null }) =>
      routesOf(hubSpoke(opts), 'subnet:vnet-spoke/snet-plain').routes.filter((r) => r.source === 'VirtualNetworkGateway').length;
    expect(gatewayRoutes({ transit: true, remote: true })).toBe(1);
    expect(gatewayRoutes({ transit: true, remote: false })).toBe(0);
    expect(gatewayRoutes({ transit: true, remote: null })).toBe(0);
    expect(gatewayRoutes({ transit: false, remote: true })).toBe(0);
  });

  it('an unstated useRemoteGateways on a transit peering is recorded as the Azure default (off)', () => {
    const { model } = normalize(hubSpoke({ remote: null }));
    const edge = model.edges.find((e) => e.class === 'peering')!;
    expect(edge).toMatchObject({ gatewayTransit: true, useRemoteGateways: false });
    expect(model.defaults.filter((d) => d.path.endsWith('useRemoteGateways')).map((d) => [d.element, d.value])).toEqual([
      [edge.id, false],
    ]);
  });

  it('the hub (the side that allows transit) learns nothing through its spoke', () => {
    const t = routesOf(hubSpoke(), 'subnet:vnet-hub/AzureFirewallSubnet');
    expect(t.routes.filter((r) => r.source === 'VirtualNetworkGateway').map((r) => r.nextHopResource)).toEqual(['vnetGateway:vpngw']);
  });

  it('for equal prefixes a user route beats the gateway route, which beats the system route', () => {
    const arch = hubSpoke();
    const rt = arch.network.vnets[1]!.subnets[0]!.routeTable!;
    mutable(rt.routes).push({ name: 'onprem-via-fw', prefix: '192.168.10.0/24', nextHop: { type: 'VirtualAppliance', address: '10.0.0.4' } });
    const t = routesOf(arch, 'subnet:vnet-spoke/snet-nodes');
    expect(rows(t)).toContain('VirtualNetworkGateway Invalid 192.168.10.0/24 VirtualNetworkGateway');
    expect(routeFor(t, '192.168.10.1')?.source).toBe('User');
    // Without the user route the gateway route (a /24) beats the reserved 192.168.0.0/16 → None system route.
    expect(routeFor(routesOf(hubSpoke(), 'subnet:vnet-spoke/snet-nodes'), '192.168.10.1')?.source).toBe('VirtualNetworkGateway');
    expect(routeFor(routesOf(hubSpoke(), 'subnet:vnet-spoke/snet-nodes'), '192.168.11.1')?.nextHopType).toBe('None');
  });

  it('a gateway route never beats the VNet’s own system route, even when more specific', () => {
    const t = routesOf(hubSpoke({ onPremCidr: '10.1.4.0/24' }), 'subnet:vnet-spoke/snet-plain');
    expect(t.routes.some((r) => r.prefix === '10.1.4.0/24' && r.source === 'VirtualNetworkGateway')).toBe(true);
    expect(routeFor(t, '10.1.4.1')?.nextHopType).toBe('VnetLocal');
  });

  it('for a prefix learned over ExpressRoute and VPN, the ExpressRoute route stays Active', () => {
    const gw = subnet({ name: 'GatewaySubnet', cidr: '10.9.255.0/27' });
    const nodes = subnet({ name: 'snet', cidr: '10.9.0.0/24' });
    const v = vnet({ name: 'v', region: 'westeurope', addressSpace: ['10.9.0.0/16'], subnets: [nodes, gw] });
    // Named so that id order would put the VPN gateway first.
    const er = vnetGateway({ name: 'z-ergw', type: 'expressRoute', subnet: gw });
    const vpn = vnetGateway({ name: 'a-vpngw', type: 'vpn', subnet: gw });
    const dc = onPremises({ name: 'dc', addressSpace: ['172.20.0.0/16'] });
    const arch = defineArchitecture({
      metadata: { title: 'er+vpn', status: 'draft' },
      network: {
        vnets: [v],
        gateways: [er, vpn],
        onPremises: [dc],
        hybridConnections: [hybridConnection({ name: 'c-vpn', gateway: vpn, remote: dc }), hybridConnection({ name: 'c-er', gateway: er, remote: dc })],
      },
      clusters: [],
    });
    const t = routesOf(arch, 'subnet:v/snet');
    const learned = t.routes.filter((r) => r.source === 'VirtualNetworkGateway').map((r) => `${r.state} ${r.nextHopResource}`);
    expect(learned).toEqual(['Active vnetGateway:z-ergw', 'Invalid vnetGateway:a-vpngw']);
    expect(routeFor(t, '172.20.1.1')?.nextHopResource).toBe('vnetGateway:z-ergw');
  });
});
