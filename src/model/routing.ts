/**
 * Effective routes: the route table Azure applies to each subnet, computed the way Azure does.
 *
 * System routes come first: every address range of the subnet's VNet (next hop VnetLocal), every
 * range of a directly peered VNet (VNetPeering), 0.0.0.0/0 to the Internet and the four reserved
 * private prefixes to None. A reserved prefix that equals a range of the VNet becomes that VnetLocal
 * route; one that lies inside a wider VNet range is removed. Routes learned from the VNet's VPN or
 * ExpressRoute gateway (or a peered hub's gateway when the hub allows gateway transit and the spoke uses remote
 * gateways) are added
 * with source VirtualNetworkGateway unless the subnet's route table disables gateway route
 * propagation. User routes of the associated route table come last.
 *
 * Selection (`routeFor`): the longest prefix wins; for equal prefixes a user route beats a gateway
 * route, which beats a system route, and the losers are marked Invalid. A gateway route never wins
 * over the system route of the VNet or a peering, even when it is more specific.
 *
 * Source: https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview
 * (system routes, optional default routes, "How Azure selects a route").
 */
import { cidr, contains, ipToNumber, type CidrRange } from './cidr.js';
import type { Edge, Id, Resource, ResourceOf } from './types.js';

/** Next-hop types as `az network nic show-effective-route-table` prints them. */
export type NextHopType =
  | 'VirtualAppliance'
  | 'VirtualNetworkGateway'
  | 'VnetLocal'
  | 'VNetPeering'
  | 'Internet'
  | 'None';

/** Where a route comes from (the `source` column of the effective route table). */
export type RouteSource = 'Default' | 'User' | 'VirtualNetworkGateway';

export interface EffectiveRoute {
  source: RouteSource;
  /** Invalid when a route with the same prefix and a higher-priority source overrides it. */
  state: 'Active' | 'Invalid';
  prefix: string;
  /** The prefix, parsed once. */
  range: CidrRange;
  nextHopType: NextHopType;
  nextHopAddress?: string;
  /** The appliance, gateway or peered VNet the route leads to, when the design declares it. */
  nextHopResource?: Id;
  /** User routes: the route table, the route's name and its index in the table. */
  routeTable?: Id;
  routeName?: string;
  routeIndex?: number;
  /** Gateway routes: the on-premises network whose range the gateway learned. */
  learnedFrom?: Id;
}

export interface SubnetRoutes {
  subnet: Id;
  vnet: Id;
  routeTable?: Id;
  /** Whether routes learned by a VPN/ExpressRoute gateway reach this subnet. */
  gatewayRoutePropagation: boolean;
  /** System routes, then gateway routes, then user routes (the order Azure lists them in). */
  routes: EffectiveRoute[];
}

/** The parts of a model routing needs: a finished model or the normalizer's work in progress. */
export interface RoutingInput {
  resources: Iterable<Resource>;
  edges: Iterable<Edge>;
}

export const RESERVED_PREFIXES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'] as const;

const SOURCE_RANK: Record<RouteSource, number> = { User: 0, VirtualNetworkGateway: 1, Default: 2 };

/** Effective routes of every subnet with a valid CIDR-bearing VNet, by subnet id. */
export function computeRouting(input: RoutingInput): Map<Id, SubnetRoutes> {
  const byId = new Map<Id, Resource>();
  for (const r of input.resources) byId.set(r.id, r);
  const get = <K extends Resource['kind']>(id: Id | undefined, kind: K): ResourceOf<K> | undefined => {
    const r = id ? byId.get(id) : undefined;
    return r?.kind === kind ? (r as ResourceOf<K>) : undefined;
  };
  const all = [...byId.values()];
  const peerings = [...input.edges].filter((e) => e.class === 'peering');
  // Peerings by VNet, in edge order: scanning every peering per subnet is quadratic at 1,000 spokes.
  const peeringsOf = new Map<Id, Edge[]>();
  for (const e of peerings) {
    for (const v of new Set([e.from, e.to])) {
      const list = peeringsOf.get(v);
      if (list) list.push(e);
      else peeringsOf.set(v, [e]);
    }
  }
  const appliances = all.filter(
    (r): r is ResourceOf<'azureFirewall'> | ResourceOf<'nva'> => r.kind === 'azureFirewall' || r.kind === 'nva',
  );
  const gateways = all.filter((r): r is ResourceOf<'vnetGateway'> => r.kind === 'vnetGateway');
  const connections = all.filter((r): r is ResourceOf<'hybridConnection'> => r.kind === 'hybridConnection');
  const vnetRanges = new Map<Id, Array<{ text: string; range: CidrRange }>>();
  const rangesOf = (vnetId: Id): Array<{ text: string; range: CidrRange }> => {
    let list = vnetRanges.get(vnetId);
    if (!list) {
      const v = get(vnetId, 'vnet');
      list = (v?.addressSpace ?? []).flatMap((text) => {
        const range = cidr(text);
        return range ? [{ text, range }] : [];
      });
      vnetRanges.set(vnetId, list);
    }
    return list;
  };
  const reserved = RESERVED_PREFIXES.map((text) => ({ text, range: cidr(text)! }));
  const gatewayVnet = (g: ResourceOf<'vnetGateway'>): Id | undefined => get(g.subnet, 'subnet')?.vnet;

  // Gateways whose learned routes reach a VNet: its own, and the `from` side's of a peering on which the
  // `from` side allows gateway transit and this (`to`) side uses remote gateways. Either flag alone is not enough.
  const gatewaysFor = (vnetId: Id): Array<ResourceOf<'vnetGateway'>> => {
    const own = gateways.filter((g) => gatewayVnet(g) === vnetId);
    if (own.length) return own;
    const out: Array<ResourceOf<'vnetGateway'>> = [];
    for (const e of peeringsOf.get(vnetId) ?? []) {
      if (!e.gatewayTransit || !e.useRemoteGateways || e.to !== vnetId) continue;
      out.push(...gateways.filter((g) => gatewayVnet(g) === e.from));
    }
    return out;
  };

  const out = new Map<Id, SubnetRoutes>();
  for (const s of all) {
    if (s.kind !== 'subnet') continue;
    const vnetId = s.vnet;
    const own = rangesOf(vnetId);
    const routes: EffectiveRoute[] = [];
    for (const r of own) routes.push(system(r.text, r.range, 'VnetLocal'));
    const peerOf = (e: Edge): Id => (e.from === vnetId ? e.to : e.from);
    const peers = [...new Set((peeringsOf.get(vnetId) ?? []).map(peerOf))].sort();
    for (const p of peers) {
      for (const r of rangesOf(p)) {
        routes.push(system(r.text, r.range, 'VNetPeering', p));
      }
    }
    routes.push(system('0.0.0.0/0', cidr('0.0.0.0/0')!, 'Internet'));
    for (const r of reserved) {
      // Equal to a VNet range: the VnetLocal route above replaces it. Inside a wider VNet range: removed.
      if (own.some((o) => contains(o.range, r.range))) continue;
      routes.push(system(r.text, r.range, 'None'));
    }
    const table = get(s.routeTable, 'routeTable');
    const propagate = table ? table.bgpRoutePropagation : true;
    // For a prefix learned over both, ExpressRoute is preferred to VPN (the default routing preference,
    // https://learn.microsoft.com/azure/route-server/hub-routing-preference): list it first so it stays Active.
    const rank = (g: ResourceOf<'vnetGateway'>): number => (g.type === 'expressRoute' ? 0 : 1);
    const vnetGateways = gatewaysFor(vnetId).sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1));
    if (propagate) {
      for (const g of vnetGateways) {
        for (const h of connections.filter((x) => x.gateway === g.id).sort((a, b) => (a.id < b.id ? -1 : 1))) {
          const onPrem = get(h.remote, 'onPremises');
          for (const text of onPrem?.addressSpace ?? []) {
            const range = cidr(text);
            if (!range) continue;
            routes.push({
              source: 'VirtualNetworkGateway',
              state: 'Active',
              prefix: text,
              range,
              nextHopType: 'VirtualNetworkGateway',
              nextHopResource: g.id,
              learnedFrom: h.remote,
            });
          }
        }
      }
    }
    (table?.routes ?? []).forEach((u, i) => {
      const range = cidr(u.prefix);
      if (!range) return;
      let resource = u.nextHopResource;
      if (!resource && u.nextHopType === 'VirtualAppliance' && u.nextHopAddress) {
        resource = appliances.find((a) => a.privateIp === u.nextHopAddress)?.id;
      }
      if (!resource && u.nextHopType === 'VirtualNetworkGateway') resource = vnetGateways[0]?.id;
      routes.push({
        source: 'User',
        state: 'Active',
        prefix: u.prefix,
        range,
        nextHopType: u.nextHopType,
        ...(u.nextHopAddress !== undefined ? { nextHopAddress: u.nextHopAddress } : {}),
        ...(resource !== undefined ? { nextHopResource: resource } : {}),
        routeTable: table!.id,
        routeName: u.name,
        routeIndex: i,
      });
    });
    markInvalid(routes);
    out.set(s.id, {
      subnet: s.id,
      vnet: vnetId,
      ...(table ? { routeTable: table.id } : {}),
      gatewayRoutePropagation: propagate,
      routes,
    });
  }
  return out;
}

/** A system (`Default`) route. */
function system(prefix: string, range: CidrRange, nextHopType: NextHopType, nextHopResource?: Id): EffectiveRoute {
  const route: EffectiveRoute = { source: 'Default', state: 'Active', prefix, range, nextHopType };
  if (nextHopResource) route.nextHopResource = nextHopResource;
  return route;
}

/** For every prefix, the route of the highest-priority source stays Active; the others become Invalid. */
function markInvalid(routes: EffectiveRoute[]): void {
  const best = new Map<string, EffectiveRoute>();
  for (const r of routes) {
    const key = `${r.range.first}/${r.range.prefix}`;
    const cur = best.get(key);
    if (!cur || SOURCE_RANK[r.source] < SOURCE_RANK[cur.source]) best.set(key, r);
  }
  for (const r of routes) if (best.get(`${r.range.first}/${r.range.prefix}`) !== r) r.state = 'Invalid';
}

/**
 * The route Azure uses for a destination (an address or a CIDR, every address of which must match):
 * longest prefix among the Active routes, except that a gateway route never beats the VNet's own or
 * a peering's system route.
 */
export function routeFor(table: SubnetRoutes, destination: string): EffectiveRoute | undefined {
  const n = ipToNumber(destination);
  const dest = n !== undefined ? { first: n, last: n } : cidr(destination);
  if (!dest) return undefined;
  const matches = table.routes.filter(
    (r) => r.state === 'Active' && r.range.first <= dest.first && r.range.last >= dest.last,
  );
  const local = matches.some(
    (r) => r.source === 'Default' && (r.nextHopType === 'VnetLocal' || r.nextHopType === 'VNetPeering'),
  );
  let best: EffectiveRoute | undefined;
  for (const r of matches) {
    if (local && r.source === 'VirtualNetworkGateway') continue;
    if (!best || r.range.prefix > best.range.prefix) best = r;
  }
  return best;
}

/** The route internet-bound traffic takes from a subnet: its effective 0.0.0.0/0 route. */
export function defaultRouteFor(table: SubnetRoutes): EffectiveRoute | undefined {
  return routeFor(table, '0.0.0.0/0');
}
