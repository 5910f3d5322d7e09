/** Mappers for VNets (with subnets and peerings), route tables, NSGs, NAT gateways, DDoS plans and Bastion. */
import type { Mapper, ImportContext, SubnetInfo } from '../context.js';
import { providerPath, regionOf, zonesOf } from '../context.js';
import { Commented, type Decl, type Value } from '../design.js';
import { lastName, type AzureResource, type JNode } from '../resource.js';

export const PEERING_TYPE = 'microsoft.network/virtualnetworks/virtualnetworkpeerings';

/** Subnet names Azure requires for some services. */
const NAMED_PURPOSE: Record<string, string> = {
  azurefirewallsubnet: 'firewall',
  azurefirewallmanagementsubnet: 'firewall-management',
  azurebastionsubnet: 'bastion',
  gatewaysubnet: 'gateway',
};

export interface PeeringSide {
  vnet: AzureResource;
  remoteId: string;
  allowForwardedTraffic?: boolean;
  allowGatewayTransit?: boolean;
  useRemoteGateways?: boolean;
  /** `peeringState` as Azure writes it (`Connected`, `Initiated`, `Disconnected`); absent stays unknown. */
  state?: string;
  allowVirtualNetworkAccess?: boolean;
  node: JNode;
}

/** Peerings seen while mapping VNets; paired into one `peering()` per VNet pair afterwards. */
export const peeringSides = new WeakMap<ImportContext, PeeringSide[]>();

export const vnetMapper: Mapper = {
  type: 'microsoft.network/virtualnetworks',
  command: 'az network vnet list',
  map(ctx, r) {
    const n = r.node;
    const region = regionOf(r.location);
    if (!region) throw n.error('the virtual network has no "location"');
    const prefixes = n.strings('addressSpace.addressPrefixes');
    if (prefixes.length === 0) throw n.error('the virtual network has no addressSpace.addressPrefixes');
    const d = ctx.design.add('vnet', r.name, [r.id], `vnet:${r.name}`);
    d.comments.push(r.id);
    const inline = n.list('subnets');
    const names = new Set(inline.map((s) => (s.str('name') ?? '').toLowerCase()));
    const all = ctx.children('microsoft.network/virtualnetworks/subnets', r.id);
    all.forEach((c) => ctx.use(c));
    const children = all.filter((c) => !names.has(c.name.toLowerCase()));
    const subnetNodes = [...inline, ...children.map((c) => c.node)];
    // Every subnet is registered before any reference is resolved, so a route table that points
    // at a firewall in a subnet of this same VNet finds that subnet.
    const subnets = subnetNodes.map((s) => registerSubnet(ctx, r, s));
    subnets.forEach((s) => resolveSubnet(ctx, s));
    const ddosRef = n.ref('ddosProtectionPlan');
    const ddos =
      ddosRef && n.bool('enableDdosProtection') !== false
        ? ctx.stub(ddosRef.value as string, () => {
            const name = lastName(ddosRef.value as string);
            const p = ctx.design.add(
              'ddosProtectionPlan',
              name,
              [ddosRef.value as string],
              `ddosProtectionPlan:${name}`,
            );
            p.comments.push(ddosRef.value as string);
            p.spec = { name };
            return p;
          })
        : undefined;
    const dns = n.strings('dhcpOptions.dnsServers');
    d.spec = {
      name: r.name,
      region,
      addressSpace: prefixes,
      subnets: subnets.map((s) => s.decl),
      ...(ddos ? { ddosProtectionPlan: ddos } : {}),
      ...(dns.length > 0 ? { dnsServers: dns } : {}),
    };
    const sides = peeringSides.get(ctx) ?? [];
    peeringSides.set(ctx, sides);
    const peerNodes = [
      ...n.list('virtualNetworkPeerings'),
      ...ctx.children(PEERING_TYPE, r.id).map((c) => (ctx.use(c), c.node)),
    ];
    const seen = new Set<string>();
    for (const p of peerNodes) {
      const remote = p.ref('remoteVirtualNetwork');
      if (!remote || seen.has(String(remote.value).toLowerCase())) continue;
      seen.add(String(remote.value).toLowerCase());
      sides.push({
        vnet: r,
        remoteId: remote.value as string,
        allowForwardedTraffic: p.bool('allowForwardedTraffic'),
        allowGatewayTransit: p.bool('allowGatewayTransit'),
        useRemoteGateways: p.bool('useRemoteGateways'),
        state: p.str('peeringState'),
        allowVirtualNetworkAccess: p.bool('allowVirtualNetworkAccess'),
        node: p,
      });
    }
    return d;
  },
};

function registerSubnet(ctx: ImportContext, vnet: AzureResource, s: JNode): SubnetInfo {
  const id = s.str('id');
  const name = s.str('name') ?? (id ? lastName(id) : undefined);
  if (!name) throw s.error('the subnet has no "name"');
  const one = s.at('addressPrefix');
  if (one && typeof one.value !== 'string') {
    throw one.error(`subnet ${name}'s addressPrefix is not a string (found ${JSON.stringify(one.value)})`);
  }
  const many = s.strings('addressPrefixes');
  const cidr = s.str('addressPrefix') ?? many[0];
  if (!cidr) throw s.error(`subnet ${name} has no addressPrefix`);
  // The DSL's subnet has one CIDR: further prefixes are said, not dropped silently.
  const dropped = many.filter((p) => p !== cidr);
  if (dropped.length > 0) {
    ctx.note(
      s.str('id') ?? `${vnet.id}/subnets/${name}`,
      'addressPrefixes',
      `subnet ${name} has ${dropped.length + 1} address prefixes; the DSL takes one, so ${cidr} is imported and ` +
        `${dropped.join(', ')} ${dropped.length === 1 ? 'is' : 'are'} not`,
    );
  }
  const decl = ctx.design.add('subnet', name, id ? [id] : [], `subnet:${vnet.name}/${name}`);
  if (id) decl.comments.push(id);
  const info: SubnetInfo = { decl, vnet, cidr, node: s, uses: [] };
  const key = providerPath(id ?? `${vnet.id}/subnets/${name}`);
  if (key) ctx.subnets.set(key, info);
  const named = NAMED_PURPOSE[name.toLowerCase()];
  if (named) ctx.useSubnet(info, named, 100);
  decl.spec = { name, cidr };
  return info;
}

function resolveSubnet(ctx: ImportContext, info: SubnetInfo): void {
  const s = info.node;
  const { decl, cidr } = info;
  const name = decl.spec.name as string;
  const nsgRef = s.ref('networkSecurityGroup');
  const rtRef = s.ref('routeTable');
  const natRef = s.ref('natGateway');
  const delegation = s.list('delegations')[0]?.str('serviceName');
  if (delegation === 'Microsoft.ServiceNetworking/trafficControllers') ctx.useSubnet(info, 'agc', 90);
  const outbound = s.bool('defaultOutboundAccess');
  decl.spec = {
    name,
    cidr,
    ...(nsgRef ? { nsg: ctx.required(nsgRef.value as string, nsgRef, 'network security group') } : {}),
    ...(rtRef ? { routeTable: ctx.required(rtRef.value as string, rtRef, 'route table') } : {}),
    ...(natRef ? { natGateway: ctx.required(natRef.value as string, natRef, 'NAT gateway') } : {}),
    ...(delegation ? { delegation } : {}),
    ...(outbound !== undefined ? { defaultOutboundAccess: outbound } : {}),
  };
}

/**
 * Puts each subnet's purpose in DSL field order: its one use, or, for a subnet several kinds of part
 * share (e.g. an internal load balancer's frontend and a Private Link Service's NAT IPs), the list of
 * uses, strongest first.
 */
export function finishSubnets(ctx: ImportContext): void {
  for (const info of ctx.subnets.values()) {
    const sorted = [...info.uses].sort((a, b) => b.rank - a.rank || (a.purpose < b.purpose ? -1 : 1));
    const purposes = [...new Set(sorted.map((u) => u.purpose))];
    if (purposes.length === 0) continue;
    const { name, cidr, ...rest } = info.decl.spec;
    info.decl.spec = { name, cidr, purpose: purposes.length === 1 ? purposes[0]! : purposes, ...rest };
  }
}

export const routeTableMapper: Mapper = {
  type: 'microsoft.network/routetables',
  command: 'az network route-table list',
  map(ctx, r) {
    const n = r.node;
    const d = ctx.design.add('routeTable', r.name, [r.id], `routeTable:${r.name}`);
    d.comments.push(r.id);
    const inline = n.list('routes');
    const names = new Set(inline.map((x) => (x.str('name') ?? '').toLowerCase()));
    const children = ctx
      .children('microsoft.network/routetables/routes', r.id)
      .filter((c) => !names.has(c.name.toLowerCase()));
    children.forEach((c) => ctx.use(c));
    const routes: Value[] = [...inline, ...children.map((c) => c.node)].map((rt) => route(ctx, rt));
    const disable = n.bool('disableBgpRoutePropagation');
    d.spec = { name: r.name, routes, ...(disable !== undefined ? { bgpRoutePropagation: !disable } : {}) };
    return d;
  },
};

function route(ctx: ImportContext, rt: JNode): Value {
  const prefix = rt.str('addressPrefix');
  if (!prefix) throw rt.error('the route has no addressPrefix');
  const type = rt.str('nextHopType');
  const name = rt.str('name');
  const head = { ...(name ? { name } : {}), prefix };
  switch (type) {
    case 'VirtualAppliance': {
      const ip = rt.str('nextHopIpAddress');
      if (!ip) throw rt.error('a VirtualAppliance route has no nextHopIpAddress');
      const fw = applianceByIp(ctx, ip);
      return { ...head, nextHop: fw ?? { type: 'VirtualAppliance', address: ip } };
    }
    case 'Internet':
    case 'VirtualNetworkGateway':
    case 'VnetLocal':
    case 'None':
      return { ...head, nextHop: { type } };
    default:
      throw rt.error(`unknown nextHopType ${JSON.stringify(type ?? null)}`);
  }
}

/** The Azure Firewall in the input whose private IP is this address. */
export function applianceByIp(ctx: ImportContext, ip: string) {
  for (const fw of ctx.ofType('microsoft.network/azurefirewalls')) {
    if (fw.node.list('ipConfigurations').some((c) => c.str('privateIPAddress') === ip)) return ctx.part(fw);
  }
  return undefined;
}

const PROTOCOLS: Record<string, string> = { tcp: 'tcp', udp: 'udp', icmp: 'icmp', '*': '*' };

export const nsgMapper: Mapper = {
  type: 'microsoft.network/networksecuritygroups',
  command: 'az network nsg list',
  map(ctx, r) {
    const d = ctx.design.add('nsg', r.name, [r.id], `nsg:${r.name}`);
    d.comments.push(r.id);
    const inline = r.node.list('securityRules');
    const names = new Set(inline.map((x) => (x.str('name') ?? '').toLowerCase()));
    const children = ctx
      .children('microsoft.network/networksecuritygroups/securityrules', r.id)
      .filter((c) => !names.has(c.name.toLowerCase()));
    children.forEach((c) => ctx.use(c));
    const rules = [...inline, ...children.map((c) => c.node)]
      .sort((a, b) => (a.num('priority') ?? 0) - (b.num('priority') ?? 0))
      .flatMap((x) => nsgRule(ctx, r, x));
    d.spec = { name: r.name, rules };
    return d;
  },
};

function nsgRule(ctx: ImportContext, nsg: AzureResource, x: JNode): Value[] {
  const name = x.str('name');
  const priority = x.num('priority');
  const direction = x.str('direction')?.toLowerCase();
  const access = x.str('access')?.toLowerCase();
  if (
    !name ||
    priority === undefined ||
    (direction !== 'inbound' && direction !== 'outbound') ||
    (access !== 'allow' && access !== 'deny')
  ) {
    throw x.error('an NSG rule needs name, priority, direction (Inbound/Outbound) and access (Allow/Deny)');
  }
  const proto = x.str('protocol')?.toLowerCase() ?? '*';
  const sources = endpoints(x, 'source');
  const dests = endpoints(x, 'destination');
  if (sources.length === 0 || dests.length === 0) {
    ctx.note(nsg.id, `securityRules/${name}`, 'uses application security groups, which the DSL has no part for');
    return [];
  }
  const range = x.str('destinationPortRange');
  const ranges = x.strings('destinationPortRanges');
  const ports: Value = range !== undefined ? port(range) : ranges.length === 1 ? port(ranges[0]!) : ranges.map(port);
  // The DSL's NSG rule has no source ports and only tcp, udp, icmp and *: the rule is written wider
  // than Azure's, and that is said (a comment on the rule, a note in the header and on stderr).
  const srcPorts = [
    ...(x.str('sourcePortRange') !== undefined ? [x.str('sourcePortRange')!] : []),
    ...x.strings('sourcePortRanges'),
  ].filter((p) => p !== '*');
  const widened: string[] = [];
  if (srcPorts.length > 0) {
    widened.push(`source port(s) ${srcPorts.join(', ')} are not in the DSL; written without a source-port restriction`);
  }
  if (!PROTOCOLS[proto]) widened.push(`Azure protocol ${proto} is not in the DSL; written as *`);
  for (const w of widened) ctx.note(nsg.id, `securityRules/${name}`, `${w} (the rule is wider than Azure's)`);
  const out: Value[] = [];
  const split = sources.length * dests.length > 1;
  let k = 0;
  for (const source of sources) {
    for (const destination of dests) {
      k++;
      const rule: Record<string, Value> = {
        name: split ? `${name}-${k}` : name,
        direction,
        access,
        priority,
        protocol: PROTOCOLS[proto] ?? '*',
        source,
        destination,
        ports,
      };
      const whys = [...(split ? [`Azure rule ${name} lists several prefixes; the DSL takes one per rule`] : []), ...widened];
      const why = whys.length > 0 ? whys.join('; ') : undefined;
      out.push(why ? new Commented(rule, why) : rule);
    }
  }
  return out;
}

function endpoints(x: JNode, side: 'source' | 'destination'): string[] {
  const one = x.str(`${side}AddressPrefix`);
  if (one !== undefined) return [one];
  return x.strings(`${side}AddressPrefixes`);
}

function port(p: string): Value {
  if (p === '*') return '*';
  return /^\d+$/.test(p) ? Number(p) : p;
}

export const natGatewayMapper: Mapper = {
  type: 'microsoft.network/natgateways',
  command: 'az network nat gateway list',
  map(ctx, r) {
    const n = r.node;
    const d = ctx.design.add('natGateway', r.name, [r.id], `natGateway:${r.name}`);
    d.comments.push(r.id);
    const ips = n
      .list('publicIpAddresses')
      .map((p) => p.str('id'))
      .filter((x): x is string => !!x);
    const addresses = publicAddresses(ctx, ips);
    const resources = ips.map((id) => publicIpPart(ctx, id));
    const prefix = prefixLength(ctx, r);
    const sku = n.str('sku.name');
    d.spec = {
      name: r.name,
      publicIps: ips.length,
      ...(prefix !== undefined ? { publicIpPrefixLength: prefix } : {}),
      ...(addresses ? { publicIpAddresses: addresses } : {}),
      ...(n.num('idleTimeoutInMinutes') !== undefined ? { idleTimeoutMinutes: n.num('idleTimeoutInMinutes') } : {}),
      ...(zonesOf(n) ? { zones: zonesOf(n) } : {}),
      ...(sku === 'Standard' || sku === 'StandardV2' ? { sku } : {}),
      ...(resources.length > 0 && resources.every((x) => x) ? { publicIpResources: resources as Decl[] } : {}),
    };
    return d;
  },
};

/** Length of the NAT gateway's public IP prefix, when exactly one is attached and it is in the input. */
function prefixLength(ctx: ImportContext, r: AzureResource): number | undefined {
  const refs = r.node
    .list('publicIpPrefixes')
    .map((p) => p.str('id'))
    .filter((x): x is string => !!x);
  if (refs.length === 0) return undefined;
  if (refs.length > 1) {
    ctx.note(r.id, 'publicIpPrefixes', `${refs.length} prefixes are attached; the DSL takes one prefix length`);
    return undefined;
  }
  const p = ctx.use(ctx.find(refs[0]!));
  const len = p?.node.num('prefixLength');
  if (len === undefined)
    ctx.note(
      r.id,
      'publicIpPrefixes',
      `prefix ${lastName(refs[0]!)} is not in the input (az network public-ip prefix list)`,
    );
  return len;
}

const PIP_SKUS = ['Standard', 'StandardV2', 'Basic'];

/**
 * A public IP as a part. Azure's JSON lists every zone of a zonal or zone-redundant address, so a
 * Standard address without zones has none. DDoS IP Protection is `ddosSettings.protectionMode`
 * (`Enabled`; `VirtualNetworkInherited` is the VNet's plan, not IP Protection).
 */
export const publicIpMapper: Mapper = {
  type: 'microsoft.network/publicipaddresses',
  command: 'az network public-ip list',
  onDemand: true,
  map(ctx, r) {
    const n = r.node;
    const d = ctx.design.add('publicIp', r.name, [r.id], `publicIp:${r.name}`);
    d.comments.push(r.id);
    const sku = n.str('sku.name');
    const ddos = n.str('ddosSettings.protectionMode');
    const address = n.str('ipAddress');
    d.spec = {
      name: r.name,
      ...(sku && PIP_SKUS.includes(sku) ? { sku } : {}),
      zones: zonesOf(n) ?? [],
      ...(ddos ? { ddosIpProtection: ddos === 'Enabled' } : {}),
      ...(address ? { address } : {}),
    };
    return d;
  },
};

export const publicIpPrefixDetail: Mapper = {
  type: 'microsoft.network/publicipprefixes',
  command: 'az network public-ip prefix list',
};

/** The public IP part of an id, when the address is in the input. */
export function publicIpPart(ctx: ImportContext, id: string): Decl | undefined {
  const r = ctx.find(id);
  return r ? ctx.part(r) : undefined;
}

/** The addresses of public IPs, as /32 prefixes, when every one of them is in the input with an address. */
export function publicAddresses(ctx: ImportContext, ids: string[]): string[] | undefined {
  if (ids.length === 0) return undefined;
  const out: string[] = [];
  for (const id of ids) {
    const pip = ctx.use(ctx.find(id));
    const ip = pip?.node.str('ipAddress');
    if (!ip) return undefined;
    out.push(`${ip}/32`);
  }
  return out;
}

export const ddosMapper: Mapper = {
  type: 'microsoft.network/ddosprotectionplans',
  command: 'az network ddos-protection list',
  map(ctx, r) {
    const d = ctx.design.add('ddosProtectionPlan', r.name, [r.id], `ddosProtectionPlan:${r.name}`);
    d.comments.push(r.id);
    d.spec = { name: r.name };
    return d;
  },
};

export const bastionMapper: Mapper = {
  type: 'microsoft.network/bastionhosts',
  command: 'az network bastion list',
  map(ctx, r) {
    const cfg = r.node.list('ipConfigurations')[0];
    const sub = cfg?.ref('subnet');
    if (!cfg || !sub) throw r.node.error('the Bastion host has no ipConfigurations[0].subnet');
    const info = ctx.subnet(sub.value as string, sub);
    ctx.useSubnet(info, 'bastion', 100);
    const d = ctx.design.add('bastion', r.name, [r.id], `bastion:${r.name}`);
    d.comments.push(r.id);
    const sku = r.node.str('sku.name');
    d.spec = {
      name: r.name,
      subnet: info.decl,
      ...(sku && ['Developer', 'Basic', 'Standard', 'Premium'].includes(sku) ? { sku } : {}),
    };
    return d;
  },
};
