/**
 * Traffic paths: ingress paths hop by hop (with the TLS state of every edge), each cluster's egress
 * path, and the links between gateways and the clusters they serve.
 */
import type { ClusterResource, Id, IngressHopModel, Resource, TlsState } from '../model/types.js';
import type { Protocol, TlsMode } from '../../dsl/types.js';
import { ENCRYPTED_PROTOCOLS, HOP_KINDS, PROTOCOLS, TLS_MODES } from '../model/kinds.js';
import { cidr, isPrivateRange } from '../model/cidr.js';
import { Fields, describe, isRecord } from './reader.js';
import { REASONS } from './defaults.js';
import { cmp, optional, stripUndefined, uniqueSorted } from './util.js';
import type { NormalizeContext } from './context.js';

/**
 * The client element of a path. Paths whose clients are alike (same kind, label, connection and
 * source ranges) share one element, so a design with two stamps shows its users once.
 */
export function clientElement(n: NormalizeContext, value: unknown, path: string, key?: string): Id {
  const f = isRecord(value) ? new Fields(value, path, n.sink) : undefined;
  if (!f) {
    n.schema(path, `"from" must be a client object such as { kind: 'internet' }, got ${describe(value)}`);
  }
  const kind = f?.reqOneOf('kind', ['internet', 'corporate', 'partner'] as const) ?? 'internet';
  const label = f?.optStr('label') ?? (kind === 'internet' ? 'Internet users' : kind === 'corporate' ? 'Corporate users' : 'Partners');
  const via = kind === 'corporate' && f ? n.ref(f.raw('via'), ['hybridConnection'], f.at('via')) : undefined;
  const ranges = f?.strArr('sourceRanges') ?? [];
  const id = `client:${key ?? `${kind}/${label}${via ? `@${via}` : ''}${ranges.length ? `[${ranges.join(',')}]` : ''}`}`;
  if (n.resources.has(id)) return id;
  n.add({
    id,
    kind: 'client',
    name: label,
    source: { path },
    clientKind: kind,
    ...optional('via', via),
    sourceRanges: ranges,
  });
  return id;
}

export function ingressPath(n: NormalizeContext, value: unknown, path: string): void {
  if (!isRecord(value) || value.kind !== 'ingressPath') {
    n.schema(path, `expected an ingressPath object, got ${describe(value)}`);
    return;
  }
  const f = new Fields(value, path, n.sink);
  const name = f.str('name', `path-${n.ingressPaths.length + 1}`);
  const pid = `ingressPath:${name}`;
  if (n.ingressPaths.some((p) => p.id === pid)) {
    n.sink.issues.push({ ruleId: 'structure/duplicate-name', message: `two ingress paths are named "${name}"`, path: f.at('name') });
    return;
  }
  const client = clientElement(n, f.raw('from'), f.at('from'));
  const hops: IngressHopModel[] = [];
  f.arr('hops', true).forEach((h, i) => {
    const hpath = `${f.at('hops')}[${i}]`;
    if (!isRecord(h)) {
      n.schema(hpath, `a hop must be an object, got ${describe(h)}`);
      return;
    }
    const hf = new Fields(h, hpath, n.sink);
    const rid = n.ref(h.via, HOP_KINDS, hf.at('via'));
    if (!rid) return;
    const res = n.resources.get(rid)!;
    const protocol = hf.reqOneOf('protocol', PROTOCOLS);
    const port = hf.num('port', { min: 1, max: 65535 }) ?? (hf.has('port') ? 0 : (hf.issue('port', 'missing required field "port"'), 0));
    const tls = hf.reqOneOf('tls', TLS_MODES);
    const layer7 = isLayer7(res, tls);
    const preserves = hf.bool('preservesClientIp') ?? defaultPreserves(n, hf, res, tls);
    const waf = wafOf(res);
    hops.push(
      stripUndefined({
        step: hops.length + 1,
        resource: rid,
        resourceKind: res.kind,
        protocol,
        port,
        tls,
        preservesClientIp: preserves,
        layer7,
        waf,
        note: hf.optStr('note'),
        source: { path: hpath },
      }),
    );
  });
  const t = f.sub('to', true);
  const clusterId = t ? n.ref(t.raw('cluster'), ['cluster'], t.at('cluster')) : undefined;
  const cluster = clusterId ? (n.resources.get(clusterId) as ClusterResource) : undefined;
  const service = t?.str('service') ?? 'service';
  const namespace = t?.optStr('namespace') ?? 'default';
  const targetId = `workload:${cluster?.name ?? '?'}/${namespace}/${service}`;
  const targetProtocol = t?.reqOneOf('protocol', PROTOCOLS) ?? 'http';
  const targetPort = t?.num('port', { min: 1, max: 65535 }) ?? 80;
  if (t && !t.has('port')) t.issue('port', 'missing required field "port"');
  if (!n.resources.has(targetId)) {
    n.add({
      id: targetId,
      kind: 'workload',
      name: `${service} (${namespace})`,
      parent: clusterId,
      source: { path: f.at('to') },
      cluster: clusterId ?? '',
      namespace,
      service,
      port: targetPort,
      protocol: targetProtocol,
    });
  }
  // Edges: client -> hop1 -> ... -> workload, each carrying the receiving side's protocol:port.
  const chain: Array<{ id: Id; protocol: Protocol; port: number }> = [
    ...hops.map((h) => ({ id: h.resource, protocol: h.protocol, port: h.port })),
    { id: targetId, protocol: targetProtocol, port: targetPort },
  ];
  const edges: Id[] = [];
  let prev: Id = client;
  let prevTls: TlsMode | undefined;
  const meshStrict = cluster?.serviceMesh.kind !== 'none' && cluster?.serviceMesh.mtls === 'STRICT';
  chain.forEach((node, i) => {
    let state: TlsState = edgeTls(prevTls, node.protocol);
    const last = i === chain.length - 1;
    const prevHop = hops[i - 1];
    if (last && meshStrict && state === 'plaintext' && prevHop && n.resources.get(prevHop.resource)?.kind === 'ingressController') state = 'mtls';
    const eid = `ingress:${name}#${String(i + 1).padStart(2, '0')}`;
    n.edge({
      id: eid,
      from: prev,
      to: node.id,
      class: 'ingress',
      protocol: node.protocol,
      port: node.port,
      tls: state,
      label: `${node.protocol}:${node.port}`,
      path: pid,
      step: i + 1,
      source: { path: last ? f.at('to') : `${f.at('hops')}[${i}]` },
    });
    edges.push(eid);
    prev = node.id;
    prevTls = hops[i]?.tls;
  });
  const clientRes = n.resources.get(client);
  n.ingressPaths.push(
    stripUndefined({
      id: pid,
      name,
      description: f.optStr('description'),
      client,
      hops,
      target: targetId,
      cluster: clusterId ?? '',
      internetFacing: clientRes?.kind === 'client' && isInternetClient(clientRes.clientKind, clientRes.sourceRanges),
      edges,
      source: { path },
    }),
  );
}

export function defaultPreserves(n: NormalizeContext, f: Fields, res: Resource, tls: TlsMode): boolean {
  const value = res.kind === 'loadBalancer' ? true : res.kind === 'nva' ? true : false;
  void tls;
  return f.defaulted('preservesClientIp', value, REASONS.preservesClientIp);
}

export function linkGatewaysToClusters(n: NormalizeContext): void {
  for (const p of n.ingressPaths) {
    for (const h of p.hops) {
      const r = n.resources.get(h.resource);
      if ((r?.kind === 'applicationGateway' || r?.kind === 'agc') && p.cluster && !r.clusters.includes(p.cluster)) {
        r.clusters.push(p.cluster);
        r.clusters.sort(cmp);
      }
    }
  }
  // VNet roles: a VNet holding a firewall or gateway subnet and peered is a hub; other peered VNets are spokes.
  const peered = new Set<Id>();
  for (const e of n.edges.values()) if (e.class === 'peering') (peered.add(e.from), peered.add(e.to));
  for (const { id, path } of n.pendingRoles) {
    const v = n.resources.get(id);
    if (v?.kind !== 'vnet') continue;
    const names = v.subnets.map((s) => n.resources.get(s)?.name);
    const hubLike = names.includes('AzureFirewallSubnet') || names.includes('GatewaySubnet');
    const role = peered.has(id) ? (hubLike ? 'hub' : 'spoke') : 'standalone';
    v.role = role;
    n.sink.defaults.push({ element: id, path, value: role, reason: REASONS.vnetRole });
  }
}

export function clusterPaths(n: NormalizeContext, c: ClusterResource): void {
  const hops: Id[] = [];
  const edges: Id[] = [];
  let publicIps = 0;
  const src = { path: c.source.path };
  const pools = c.nodePools.map((p) => n.resources.get(p)).filter((p): p is Extract<Resource, { kind: 'nodePool' }> => p?.kind === 'nodePool');
  const subnets = uniqueSorted(pools.map((p) => p.subnet).filter(Boolean));
  const o = c.outbound;
  const pathId = `egressPath:${c.name}`;
  const link = (from: Id, to: Id, label: string): void => {
    const id = `egress:${c.name}#${String(edges.length + 1).padStart(2, '0')}`;
    n.edge({ id, from, to, class: 'egress', label, path: pathId, step: edges.length + 1, source: src });
    edges.push(id);
  };
  let last: Id = c.id;
  hops.push(c.id);
  if (o.type === 'loadBalancer') {
    const lbId = `loadBalancer:${c.name}/kubernetes`;
    n.add({ id: lbId, kind: 'loadBalancer', name: 'kubernetes (outbound)', parent: c.id, source: src, visibility: 'public', sku: c.network.loadBalancerSku === 'basic' ? 'Basic' : 'Standard', zones: [], cluster: c.id });
    link(last, lbId, 'SNAT');
    hops.push(lbId);
    last = lbId;
    publicIps = o.outboundIps;
  } else if (o.type === 'managedNATGateway') {
    const natId = `natGateway:${c.name}/managed`;
    n.add({ id: natId, kind: 'natGateway', name: `${c.name} managed NAT`, parent: c.id, source: src, publicIps: o.outboundIps, publicAddressCount: o.outboundIps, idleTimeoutMinutes: o.idleTimeoutMinutes, zones: [], sku: 'Standard' });
    link(last, natId, 'SNAT');
    hops.push(natId);
    last = natId;
    publicIps = o.outboundIps;
  } else if (o.type === 'userAssignedNATGateway' && o.natGateway) {
    link(last, o.natGateway, 'SNAT');
    hops.push(o.natGateway);
    last = o.natGateway;
    const nat = n.resources.get(o.natGateway);
    publicIps = nat?.kind === 'natGateway' ? nat.publicAddressCount : 0;
  } else if (o.type === 'userDefinedRouting' && o.via) {
    const rts = uniqueSorted(
      subnets.map((s) => n.resources.get(s)).flatMap((s) => (s?.kind === 'subnet' && s.routeTable ? [s.routeTable] : [])),
    );
    for (const rt of rts) {
      link(last, rt, '0.0.0.0/0 UDR');
      hops.push(rt);
      last = rt;
    }
    link(last, o.via, rts.length ? 'next hop' : '0.0.0.0/0');
    hops.push(o.via);
    last = o.via;
    const dev = n.resources.get(o.via);
    if (dev?.kind === 'azureFirewall') {
      const nat = dev.natGateway ? n.resources.get(dev.natGateway) : undefined;
      if (nat?.kind === 'natGateway') {
        link(last, nat.id, 'SNAT');
        hops.push(nat.id);
        last = nat.id;
        publicIps = nat.publicAddressCount;
      } else publicIps = dev.publicIps;
    } else if (dev?.kind === 'nva') publicIps = dev.publicIps;
  }
  const destinations: Id[] = [];
  const privateEndpoints: Id[] = [];
  const dests = [...n.resources.values()].filter((r): r is Extract<Resource, { kind: 'egressDestination' }> => r.kind === 'egressDestination' && r.cluster === c.id);
  const reachesInternet = o.type !== 'none' && o.type !== 'block';
  if (reachesInternet) {
    if (!n.resources.has('internet')) n.add({ id: 'internet', kind: 'internet', name: 'Internet', source: { path: '' } });
    link(last, 'internet', `${publicIps} public IP${publicIps === 1 ? '' : 's'}`);
    hops.push('internet');
  }
  for (const d of dests) {
    destinations.push(d.id);
    if (d.privateEndpoint) {
      privateEndpoints.push(d.privateEndpoint);
      n.edge({ id: `private-link:${c.name}->${d.privateEndpoint}`, from: c.id, to: d.privateEndpoint, class: 'private-link', label: 'private endpoint', path: pathId, source: d.source });
    } else if (reachesInternet) {
      n.edge({ id: `egress:${c.name}->${d.id}`, from: 'internet', to: d.id, class: 'egress', protocol: d.protocol, port: d.port, label: `${d.protocol}:${d.port}`, path: pathId, source: d.source });
    }
  }
  n.egressPaths.push({
    id: pathId,
    cluster: c.id,
    outboundType: o.type,
    hops,
    publicIps,
    destinations: destinations.sort(cmp),
    privateEndpoints: uniqueSorted(privateEndpoints),
    edges,
    source: { path: c.source.path + '.outbound' },
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

function isLayer7(res: Resource, tls: TlsMode): boolean {
  switch (res.kind) {
    case 'frontDoor':
    case 'applicationGateway':
    case 'agc':
    case 'apiManagement':
      return true;
    case 'ingressController':
      return tls !== 'passthrough';
    default:
      return false;
  }
}

function wafOf(res: Resource): 'Detection' | 'Prevention' | undefined {
  if (res.kind === 'frontDoor' || res.kind === 'applicationGateway' || res.kind === 'agc') return res.waf?.mode;
  return undefined;
}

/** TLS state on the edge into a hop, from what the previous hop did with TLS and what this hop receives. */
function edgeTls(prev: TlsMode | undefined, protocol: Protocol): TlsState {
  if (prev === 'passthrough') return 'passthrough';
  if (prev === 'terminate' || prev === 'plain') return 'plaintext';
  if (prev === 'reencrypt' || prev === 'originate') return 'tls';
  return ENCRYPTED_PROTOCOLS.includes(protocol) ? 'tls' : 'plaintext';
}

/**
 * Whether a client reaches the path from the internet: internet users always, corporate users
 * never, partners unless every source range they come from is private (RFC 1918 / RFC 6598), which
 * means they arrive over a private connection.
 */
function isInternetClient(kind: 'internet' | 'corporate' | 'partner', sourceRanges: readonly string[]): boolean {
  if (kind !== 'partner') return kind === 'internet';
  const ranges = sourceRanges.map((t) => cidr(t));
  return ranges.length === 0 || ranges.some((r) => r === undefined || !isPrivateRange(r));
}
