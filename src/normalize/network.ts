/** Network foundations: the VNet lists, VNets, subnets, peerings, route tables and NSGs. */
import type { Id, NormalizedNsgRule, NormalizedRoute } from '../model/types.js';
import type { SubnetPurpose } from '../../dsl/types.js';
import { azureUsable, parseCidr } from '../model/cidr.js';
import { Fields, describe, isRecord } from './reader.js';
import { REASONS } from './defaults.js';
import { isId, optional, stripUndefined } from './util.js';
import { NETWORK_LISTS, type NormalizeContext, type PartKind } from './context.js';

export function readNetwork(n: NormalizeContext, nf: Fields): void {
  const vnets = nf.arr('vnets', true);
  // Scopes of all subnets must be known before any subnet is visited by reference: a subnet of
  // the first VNet can reach one of a later VNet (route table → firewall → firewall subnet).
  for (const v of vnets) {
    if (isRecord(v) && Array.isArray(v.subnets) && typeof v.name === 'string') {
      for (const s of v.subnets) if (isRecord(s) && !n.scopes.has(s)) n.scopes.set(s, v.name);
    }
  }
  vnets.forEach((v, i) => n.ref(v, ['vnet'], `network.vnets[${i}]`));
  nf.arr('peerings').forEach((p, i) => readPeering(n, p, `network.peerings[${i}]`));
  const kinds: Record<(typeof NETWORK_LISTS)[number], PartKind[]> = {
    privateDnsZones: ['privateDnsZone'],
    privateEndpoints: ['privateEndpoint'],
    onPremises: ['onPremises'],
    gateways: ['vnetGateway'],
    hybridConnections: ['hybridConnection'],
    firewallPolicies: ['firewallPolicy'],
    firewalls: ['azureFirewall'],
    nvas: ['nva'],
    bastions: ['bastion'],
    jumpBoxes: ['jumpBox'],
    buildAgents: ['buildAgents'],
    loadBalancers: ['loadBalancer'],
    routeTables: ['routeTable'],
    nsgs: ['nsg'],
    publicIps: ['publicIp'],
    natGateways: ['natGateway'],
    privateLinkServices: ['privateLinkService'],
    frontDoors: ['frontDoor'],
    trafficManagers: ['trafficManager'],
  };
  for (const key of NETWORK_LISTS) nf.arr(key).forEach((v, i) => n.ref(v, kinds[key], `network.${key}[${i}]`));
}

export function readVnet(n: NormalizeContext, id: Id, name: string, f: Fields): void {
  const region = f.str('region');
  const addressSpace = f.strArr('addressSpace', true);
  const subnets = f
    .arr('subnets')
    .map((s, i) => n.ref(s, ['subnet'], `${f.at('subnets')}[${i}]`))
    .filter(isId);
  const ddos = f.has('ddosProtectionPlan') ? n.ref(f.raw('ddosProtectionPlan'), ['ddosProtectionPlan'], f.at('ddosProtectionPlan')) : undefined;
  const regionId = n.region(region, f.path);
  const role = f.oneOf('role', ['hub', 'spoke', 'standalone'] as const);
  n.add({
    id,
    kind: 'vnet',
    name,
    parent: regionId,
    source: { path: f.path },
    region,
    addressSpace,
    // Inferred later when peerings are known; recorded as a default then.
    role: role ?? 'standalone',
    ...optional('ddosProtectionPlan', ddos),
    dnsServers: readDnsServers(f),
    ...optional('flowLogs', f.bool('flowLogs')),
    subnets,
  });
  if (!role) n.pendingRoles.push({ id, path: f.at('role') });
  for (const s of subnets) {
    const sub = n.resources.get(s);
    if (sub?.kind === 'subnet') {
      sub.vnet = id;
      sub.parent = id;
    }
  }
}

export function readSubnet(n: NormalizeContext, id: Id, name: string, f: Fields): void {
  const text = f.str('cidr');
  const parsed = parseCidr(text);
  if (!n.scopes.has(f.value)) {
    n.sink.issues.push({
      ruleId: 'structure/unknown-reference',
      message: `subnet "${name}" is referenced but is not in the subnets of any VNet in network.vnets`,
      path: f.path,
      element: id,
      unresolved: true,
    });
  }
  const nsg = f.has('nsg') ? n.ref(f.raw('nsg'), ['nsg'], f.at('nsg')) : undefined;
  const rt = f.has('routeTable') ? n.ref(f.raw('routeTable'), ['routeTable'], f.at('routeTable')) : undefined;
  const nat = f.has('natGateway') ? n.ref(f.raw('natGateway'), ['natGateway'], f.at('natGateway')) : undefined;
  n.add({
    id,
    kind: 'subnet',
    name,
    source: { path: f.path },
    vnet: '',
    cidr: text,
    usableAddresses: parsed.ok ? azureUsable(parsed.range) : 0,
    ...purposesOf(f),
    ...optional('nsg', nsg),
    ...optional('routeTable', rt),
    ...optional('natGateway', nat),
    ...optional('delegation', f.optStr('delegation')),
    ...optional(
      'defaultOutboundAccess',
      f.has('defaultOutboundAccess')
        ? f.bool('defaultOutboundAccess')
        : f.unknown('defaultOutboundAccess', 'whether the subnet is private (no default outbound access)', 'true'),
    ),
  });
}

export function readPeering(n: NormalizeContext, value: unknown, path: string): void {
  if (!isRecord(value) || value.kind !== 'peering') {
    n.schema(path, `expected a peering object, got ${describe(value)}`);
    return;
  }
  const probe = new Fields(value, path, n.sink);
  const from = n.ref(probe.raw('from'), ['vnet'], probe.at('from'));
  const to = n.ref(probe.raw('to'), ['vnet'], probe.at('to'));
  if (!from || !to) return;
  if (from === to) {
    probe.issue('to', 'a VNet cannot be peered with itself');
    return;
  }
  const id = `peering:${from}<->${to}`;
  const f = new Fields(value, path, n.sink, id);
  const transit = f.bool('allowGatewayTransit') === true;
  // Use remote gateways matters only where transit is allowed; Azure leaves it off unless set.
  const remote = f.has('useRemoteGateways')
    ? f.bool('useRemoteGateways')
    : transit
      ? f.defaulted('useRemoteGateways', false, REASONS.useRemoteGateways)
      : undefined;
  n.edge({
    id,
    from,
    to,
    class: 'peering',
    label: transit ? (remote ? 'peering (gateway transit)' : 'peering (transit allowed, not used)') : 'peering',
    ...(transit ? { gatewayTransit: true } : {}),
    ...(remote !== undefined ? { useRemoteGateways: remote } : {}),
    ...optional('forwardedTraffic', f.bool('allowForwardedTraffic')),
    source: { path },
  });
}

export function readRouteTable(n: NormalizeContext, id: Id, name: string, f: Fields): void {
  const routes: NormalizedRoute[] = f.arr('routes').flatMap((r, i) => {
    const path = `${f.at('routes')}[${i}]`;
    if (!isRecord(r)) {
      // A dropped route shifts the positions of those after it: the table's verdicts wait for it (a stand-in).
      n.sink.issues.push({ ruleId: 'structure/schema', message: `a route must be an object, got ${describe(r)}`, path, element: id, standIn: true });
      return [];
    }
    const rf = new Fields(r, path, n.sink, id);
    const prefix = rf.str('prefix');
    const hop = r.nextHop;
    const name = rf.optStr('name') ?? `route-${i + 1}`;
    if (isRecord(hop) && (hop.kind === 'azureFirewall' || hop.kind === 'nva')) {
      const target = n.ref(hop, ['azureFirewall', 'nva'], rf.at('nextHop'));
      const address = typeof hop.privateIp === 'string' ? hop.privateIp : undefined;
      return [stripUndefined({ name, prefix, nextHopType: 'VirtualAppliance' as const, nextHopAddress: address, nextHopResource: target })];
    }
    if (isRecord(hop) && typeof hop.type === 'string') {
      const hf = new Fields(hop, rf.at('nextHop'), n.sink, id);
      const type = hf.reqOneOf('type', ['VirtualAppliance', 'Internet', 'VirtualNetworkGateway', 'VnetLocal', 'None'] as const);
      const address = type === 'VirtualAppliance' ? hf.str('address') : undefined;
      return [stripUndefined({ name, prefix, nextHopType: type, nextHopAddress: address })];
    }
    rf.invalid('nextHop', `"nextHop" must be a firewall, an NVA or { type: … }, got ${describe(hop)}`);
    return [];
  });
  n.add({
    id,
    kind: 'routeTable',
    name,
    source: { path: f.path },
    routes,
    bgpRoutePropagation: f.bool('bgpRoutePropagation') ?? f.defaulted('bgpRoutePropagation', true, REASONS.bgpRoutePropagation),
  });
}

export function readNsg(n: NormalizeContext, id: Id, name: string, f: Fields): void {
  if (!f.has('rules')) f.unknown('rules', 'security rules');
  const rules: NormalizedNsgRule[] = f.arr('rules').flatMap((r, i) => {
    const path = `${f.at('rules')}[${i}]`;
    if (!isRecord(r)) {
      // A dropped rule shifts the positions of those after it: the NSG's verdicts wait for it (a stand-in).
      n.sink.issues.push({ ruleId: 'structure/schema', message: `an NSG rule must be an object, got ${describe(r)}`, path, element: id, standIn: true });
      return [];
    }
    const rf = new Fields(r, path, n.sink, id);
    const src = readNsgEndpoint(n, rf, 'source');
    const dst = readNsgEndpoint(n, rf, 'destination');
    return [
      stripUndefined({
        name: rf.str('name'),
        direction: rf.reqOneOf('direction', ['inbound', 'outbound'] as const),
        access: rf.reqOneOf('access', ['allow', 'deny'] as const),
        priority: rf.num('priority', { min: 100, max: 4096 }) ?? 4096,
        protocol: rf.oneOf('protocol', ['tcp', 'udp', 'icmp', '*'] as const) ?? '*',
        source: src.text,
        sourceSubnet: src.subnet,
        destination: dst.text,
        destinationSubnet: dst.subnet,
        ports: readPorts(n, rf),
      }),
    ];
  });
  n.add({
    id,
    kind: 'nsg',
    name,
    source: { path: f.path },
    ...optional('rules', f.has('rules') ? rules : undefined),
    ...optional('flowLogs', f.has('flowLogs') ? f.bool('flowLogs') : f.unknown('flowLogs', 'whether flow logs are on')),
  });
}

export function readNsgEndpoint(n: NormalizeContext, f: Fields, key: 'source' | 'destination'): { text: string; subnet?: Id } {
  const v = f.raw(key);
  if (isRecord(v)) {
    const subnet = n.ref(v, ['subnet'], f.at(key));
    return { text: typeof v.cidr === 'string' ? v.cidr : '?', subnet };
  }
  if (typeof v === 'string' && v) return { text: v };
  f.issue(key, v === undefined ? `missing required field "${key}"` : `"${key}" must be a service tag, CIDR or subnet, got ${describe(v)}`);
  return { text: '?' };
}

export function readPorts(n: NormalizeContext, f: Fields): Array<[number, number]> {
  const v = f.raw('ports');
  const items = Array.isArray(v) ? v : [v];
  const out: Array<[number, number]> = [];
  for (const item of items) {
    if (item === '*') out.push([0, 65535]);
    else if (typeof item === 'number' && Number.isInteger(item) && item >= 0 && item <= 65535) out.push([item, item]);
    else if (typeof item === 'string' && /^\d+-\d+$/.test(item)) {
      const [a, b] = item.split('-').map(Number) as [number, number];
      if (a <= b && b <= 65535) out.push([a, b]);
      else f.issue('ports', `invalid port range "${item}"`);
    } else f.issue('ports', v === undefined ? 'missing required field "ports"' : `invalid port ${describe(item)}`);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

const PURPOSES = [
  'aks-nodes',
  'aks-pods',
  'aks-apiserver',
  'ingress',
  'application-gateway',
  'agc',
  'private-endpoints',
  'private-link-service',
  'firewall',
  'firewall-management',
  'gateway',
  'bastion',
  'jumpbox',
  'build-agents',
  'apim',
  'nva',
  'workload',
  'general',
] as const;

/** One purpose, or several for a shared subnet; `purpose` keeps the first for rules that read one. */
function purposesOf(f: Fields): { purpose?: SubnetPurpose; purposes: SubnetPurpose[] } {
  const raw = f.raw('purpose');
  if (Array.isArray(raw)) {
    const purposes: SubnetPurpose[] = [];
    raw.forEach((v) => {
      if (typeof v === 'string' && (PURPOSES as readonly string[]).includes(v)) {
        if (!purposes.includes(v as SubnetPurpose)) purposes.push(v as SubnetPurpose);
      } else f.issue('purpose', `each purpose must be one of ${PURPOSES.map((a) => `"${a}"`).join(', ')}, got ${describe(v)}`);
    });
    if (raw.length === 0) f.issue('purpose', 'a purpose list needs at least one purpose (omit "purpose" when it is not decided)');
    return { ...optional('purpose', purposes[0]), purposes };
  }
  const one = f.oneOf('purpose', PURPOSES);
  return { ...optional('purpose', one), purposes: one ? [one] : [] };
}

/** Custom DNS servers are IPv4 addresses; omitted means Azure-provided DNS. */
function readDnsServers(f: Fields): string[] {
  // Left out, the VNet resolves through Azure-provided DNS: a platform default, listed so rules that lean on it say so.
  if (!f.has('dnsServers')) {
    f.defaulted('dnsServers', 'Azure-provided DNS', REASONS.dnsServers);
    return [];
  }
  const list = f.strArr('dnsServers');
  list.forEach((ip, i) => {
    const ok = /^\d{1,3}(\.\d{1,3}){3}$/.test(ip) && ip.split('.').every((o) => Number(o) <= 255);
    if (!ok) f.issue(`dnsServers[${i}]`, `a DNS server must be an IPv4 address, got "${ip}"`);
  });
  return list;
}
