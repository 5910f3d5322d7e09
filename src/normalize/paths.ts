/**
 * Traffic paths: ingress paths hop by hop (with the TLS state of every edge), each cluster's egress
 * path, and the links between gateways and the clusters they serve.
 */
import type { ClusterResource, EgressPathModel, Id, IngressHopModel, PodEgressModel, Resource, SubnetDefaultRoute, TlsState } from '../model/types.js';
import { deviceAddressCount } from '../model/snat.js';
import { defaultRouteFor, routeFor, type SubnetRoutes } from '../model/routing.js';
import { podSubnetIds } from '../model/query.js';
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
  if (n.ingressPathIds.has(pid)) {
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
    // A missing port is a stand-in (0) like a wrong one: no rule may judge the hop on it.
    const port = hf.num('port', { min: 1, max: 65535 }) ?? (hf.has('port') ? 0 : (hf.invalid('port', 'missing required field "port"'), 0));
    const tls = hf.reqOneOf('tls', TLS_MODES);
    const layer7 = isLayer7(res, tls);
    const waf = wafOf(res);
    const dnat = readDnatHop(hf, res);
    const preserves = hf.bool('preservesClientIp') ?? defaultPreserves(n, hf, res, tls, res.kind === 'azureFirewall' && hf.has('dnatRule'));
    if (res.kind === 'ingressController') res.onPath = true;
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
        dnat,
        note: hf.optStr('note'),
        source: { path: hpath },
      }),
    );
  });
  // `to` may be left unstated (the backend is not decided yet): the path then ends at its last hop.
  const t = f.sub('to');
  if (!t) f.unknown('to', 'the workload the path reaches');
  const clusterId = t ? n.ref(t.raw('cluster'), ['cluster'], t.at('cluster')) : clusterOfHops(n, hops);
  const cluster = clusterId ? (n.resources.get(clusterId) as ClusterResource) : undefined;
  const service = t?.str('service') ?? 'service';
  const namespace = t?.optStr('namespace') ?? 'default';
  const targetId = t ? `workload:${cluster?.name ?? '?'}/${namespace}/${service}` : undefined;
  const targetProtocol = t?.reqOneOf('protocol', PROTOCOLS) ?? 'http';
  const targetPort = t?.num('port', { min: 1, max: 65535 }) ?? 80;
  if (t && !t.has('port')) t.invalid('port', 'missing required field "port"');
  if (targetId && !n.resources.has(targetId)) {
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
    ...(targetId ? [{ id: targetId, protocol: targetProtocol, port: targetPort }] : []),
  ];
  const edges: Id[] = [];
  let prev: Id = client;
  let prevTls: TlsMode | undefined;
  const mesh = cluster && cluster.serviceMesh.kind !== 'none' ? cluster.serviceMesh : undefined;
  chain.forEach((node, i) => {
    let state: TlsState | undefined = edgeTls(prevTls, node.protocol);
    const last = targetId !== undefined && i === chain.length - 1;
    const prevHop = hops[i - 1];
    if (last && mesh && state === 'plaintext' && prevHop && n.resources.get(prevHop.resource)?.kind === 'ingressController') {
      // The sidecars wrap this leg only under STRICT; with the mode unstated the leg's encryption is unknown, so the
      // edge carries no state (src/model/tls.ts names the fact to state) rather than a guessed "plaintext".
      if (mesh.mtls === 'STRICT') state = 'mtls';
      else if (mesh.mtls === undefined) state = undefined;
    }
    const eid = `ingress:${name}#${String(i + 1).padStart(2, '0')}`;
    n.edge({
      id: eid,
      from: prev,
      to: node.id,
      class: 'ingress',
      protocol: node.protocol,
      port: node.port,
      ...(state ? { tls: state } : {}),
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
  n.ingressPathIds.add(pid);
  n.ingressPaths.push(
    stripUndefined({
      id: pid,
      name,
      description: f.optStr('description'),
      client,
      hops,
      target: targetId,
      cluster: clusterId,
      internetFacing: clientRes?.kind === 'client' && isInternetClient(clientRes.clientKind, clientRes.sourceRanges),
      edges,
      source: { path },
    }),
  );
}

/** A firewall hop names the DNAT rule that publishes the path; the rule must exist on that firewall. */
function readDnatHop(hf: Fields, res: Resource): IngressHopModel['dnat'] {
  const rule = hf.optStr('dnatRule');
  if (rule === undefined) return undefined;
  if (res.kind !== 'azureFirewall') {
    hf.issue('dnatRule', `"dnatRule" applies to an Azure Firewall hop, not to ${res.kind} ${res.name}`);
    return undefined;
  }
  const r = res.dnatRules.find((d) => d.name === rule);
  if (!r) {
    const known = res.dnatRules.map((d) => `"${d.name}"`).join(', ');
    hf.issue('dnatRule', `firewall ${res.name} has no DNAT rule "${rule}"${known ? ` (it has ${known})` : ''}`);
    return undefined;
  }
  if (hf.num('port', { min: 1, max: 65535 }) !== undefined && hf.raw('port') !== r.destinationPort) {
    hf.issue('port', `the hop listens on ${String(hf.raw('port'))} but DNAT rule "${rule}" listens on ${r.destinationPort}`);
  }
  return stripUndefined({ rule, translatedAddress: r.translatedAddress, translatedFqdn: r.translatedFqdn, translatedPort: r.translatedPort });
}

/** The cluster of the first hop that belongs to one (an ingress controller or a cluster's load balancer). */
function clusterOfHops(n: NormalizeContext, hops: IngressHopModel[]): Id | undefined {
  for (const h of hops) {
    const r = n.resources.get(h.resource);
    if (r?.kind === 'ingressController' && r.cluster) return r.cluster;
    if (r?.kind === 'loadBalancer' && r.cluster) return r.cluster;
  }
  return undefined;
}

/**
 * Whether a hop the design does not say about passes the client's source address on: false for the proxies (Front
 * Door, Application Gateway, AGC, API Management, an ingress controller open a new connection from their own address;
 * a Private Link service NATs the source to an address of its NAT subnet) and for a firewall hop through a DNAT rule
 * (the firewall translates the source to one of its own addresses). Unknown where the platform decides nothing: a load
 * balancer in front of a Kubernetes Service keeps it only with `externalTrafficPolicy: Local` (the default, Cluster,
 * replaces it with a node address), an NVA's NAT is its own configuration, and a firewall hop without DNAT keeps it
 * under network rules to private ranges but not under application rules.
 */
export function defaultPreserves(n: NormalizeContext, f: Fields, res: Resource, tls: TlsMode, dnat: boolean): boolean | undefined {
  void n;
  void tls;
  if (res.kind === 'loadBalancer') {
    return f.unknown(
      'preservesClientIp',
      "whether the load balancer keeps the client's source IP (a LoadBalancer Service keeps it only with externalTrafficPolicy: Local; the default, Cluster, replaces it with a node IP)",
      'kept',
    );
  }
  if (res.kind === 'nva') {
    return f.unknown('preservesClientIp', "whether the appliance keeps the client's source IP (it depends on its NAT configuration)", 'kept');
  }
  if (res.kind === 'azureFirewall' && !dnat) {
    return f.unknown(
      'preservesClientIp',
      "whether the firewall keeps the client's source IP (network rules to private ranges keep it; application rules replace it)",
      'replaced',
    );
  }
  return f.defaulted('preservesClientIp', false, REASONS.preservesClientIp);
}

export function linkGatewaysToClusters(n: NormalizeContext): void {
  // Every ingress controller is listed on its cluster, whether it is on a path or only declared there.
  for (const r of n.resources.values()) {
    if (r.kind !== 'ingressController') continue;
    const c = n.resources.get(r.cluster);
    if (c?.kind === 'cluster' && !c.ingressControllers.includes(r.id)) c.ingressControllers.push(r.id);
  }
  for (const r of n.resources.values()) if (r.kind === 'cluster') r.ingressControllers.sort(cmp);
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
    n.sink.defaults.push({ element: id, path, value: role, ...REASONS.vnetRole });
  }
}

/**
 * A cluster's egress path, from the effective 0.0.0.0/0 route of its node subnets (exitPlan says how a route leads
 * out), and the way out of every pod subnet whose own route or NAT gateway leads elsewhere (`podEgress`).
 */
export function clusterPaths(
  n: NormalizeContext,
  c: ClusterResource,
  routing: Map<Id, SubnetRoutes>,
  destinationsByCluster: ReadonlyMap<Id, readonly EgressDestination[]> = egressDestinationsByCluster(n),
): void {
  const hops: Id[] = [];
  const edges: Id[] = [];
  const src = { path: c.source.path };
  const pools = c.nodePools.map((p) => n.resources.get(p)).filter((p): p is Extract<Resource, { kind: 'nodePool' }> => p?.kind === 'nodePool');
  const nodeSubnets = uniqueSorted(pools.map((p) => p.subnet).filter(Boolean));
  const podSubnets = podSubnetIds(pools);
  const defaultRoutes: SubnetDefaultRoute[] = [];
  for (const [role, list] of [['nodes', nodeSubnets], ['pods', podSubnets]] as const) {
    for (const s of list) {
      const t = routing.get(s);
      const r = t ? defaultRouteFor(t) : undefined;
      if (!r) continue;
      defaultRoutes.push(
        stripUndefined({
          subnet: s,
          role,
          nextHopType: r.nextHopType,
          source: r.source,
          nextHopResource: r.nextHopResource,
          nextHopAddress: r.nextHopAddress,
          routeTable: r.routeTable,
          routeName: r.routeName,
          routeIndex: r.routeIndex,
        }),
      );
    }
  }
  const o = c.outbound;
  const pathId = `egressPath:${c.name}`;
  // Fields of `outbound` stated with an invalid value: the model holds stand-ins there (reader.ts `invalid`).
  const outboundAt = `${c.source.path}.outbound.`;
  const invalidOutbound = uniqueSorted(
    n.sink.issues.filter((i) => i.standIn && i.path.startsWith(outboundAt)).map((i) => i.path.slice(outboundAt.length)),
  );
  const ipsInvalid = invalidOutbound.includes('outboundIps');
  // The devices the outbound type creates exist whether or not the routes use them.
  let outboundDevice: Id | undefined;
  if (o.type === 'loadBalancer') {
    outboundDevice = `loadBalancer:${c.name}/kubernetes`;
    n.add({ id: outboundDevice, kind: 'loadBalancer', name: 'kubernetes (outbound)', parent: c.id, source: src, visibility: 'public', sku: c.network.loadBalancerSku === 'basic' ? 'Basic' : 'Standard', cluster: c.id, managedByAks: true });
  } else if (o.type === 'managedNATGateway' || o.type === 'managedNATGatewayV2') {
    outboundDevice = `natGateway:${c.name}/managed`;
    const sku = o.type === 'managedNATGatewayV2' ? 'StandardV2' : 'Standard';
    n.add({ id: outboundDevice, kind: 'natGateway', name: `${c.name} managed NAT`, parent: c.id, source: src, publicIps: o.outboundIps, publicAddressCount: o.outboundIps, idleTimeoutMinutes: o.idleTimeoutMinutes, zones: [], sku, publicIpResources: [] });
  } else if (o.type === 'userAssignedNATGateway' && o.natGateway) outboundDevice = o.natGateway;

  const nodeRoutes = defaultRoutes.filter((r) => r.role === 'nodes');
  const nodes = exitPlan(n, c, nodeRoutes.length ? nodeRoutes : defaultRoutes, nodeSubnets, outboundDevice, ipsInvalid, true);
  const chain = walkPlan(n, c, pathId, `egress:${c.name}`, nodes, src);
  hops.push(...chain.hops);
  edges.push(...chain.edges);
  const { via, nextHop, publicIps } = nodes;
  const unassociatedNatGateway = nodes.unassociatedNatGateway;
  // Pods of an Azure CNI pod subnet are routed by their own subnet: one whose route or NAT gateway differs from the
  // nodes' leaves another way, with other public addresses. Pod subnets that leave alike share one chain.
  const podPlans = new Map<string, { plan: ExitPlan; subnets: Id[] }>();
  for (const s of podSubnets) {
    const routes = defaultRoutes.filter((r) => r.role === 'pods' && r.subnet === s);
    if (routes.length === 0) continue;
    const plan = exitPlan(n, c, routes, [s], outboundDevice, ipsInvalid, false);
    if (plan.key === nodes.key) continue;
    const known = podPlans.get(plan.key);
    if (known) known.subnets.push(s);
    else podPlans.set(plan.key, { plan, subnets: [s] });
  }
  const podEgress: PodEgressModel[] = [...podPlans.values()].map(({ plan, subnets }, i) => {
    const names = subnets.map((s) => n.resources.get(s)?.name ?? s).join(', ');
    const pods = walkPlan(n, c, pathId, `egress:${c.name}/pods${i === 0 ? '' : i + 1}`, plan, src, `pods (${names})`);
    return stripUndefined({ subnets, via: plan.via, nextHop: plan.nextHop, hops: pods.hops, publicIps: plan.publicIps, edges: pods.edges });
  });
  const destinations: Id[] = [];
  const privateEndpoints: Id[] = [];
  const dests = destinationsByCluster.get(c.id) ?? [];
  const reachesInternet = hops.includes('internet');
  // A destination given as a CIDR takes its own effective route from the first node subnet, which
  // may differ from the default route (a more specific user route, a peering, a gateway route).
  const destinationRoutes: EgressPathModel['destinationRoutes'] = [];
  const firstTable = nodeSubnets.map((s) => routing.get(s)).find((t) => t !== undefined);
  for (const d of dests) {
    destinations.push(d.id);
    const edge = { class: 'egress' as const, protocol: d.protocol, port: d.port, path: pathId, source: d.source };
    if (d.privateEndpoint) {
      privateEndpoints.push(d.privateEndpoint);
      n.edge({ id: `private-link:${c.name}->${d.privateEndpoint}`, from: c.id, to: d.privateEndpoint, class: 'private-link', label: 'private endpoint', path: pathId, source: d.source });
      continue;
    }
    const r = d.cidr && firstTable ? routeFor(firstTable, d.cidr) : undefined;
    if (r) {
      destinationRoutes.push(
        stripUndefined({
          destination: d.id,
          subnet: firstTable!.subnet,
          nextHopType: r.nextHopType,
          source: r.source,
          nextHopResource: r.nextHopResource,
          routeTable: r.routeTable,
          routeName: r.routeName,
        }),
      );
      const sameWay =
        (r.nextHopType === 'Internet' && (via === 'internet' || via === 'loadBalancer' || via === 'natGateway')) ||
        (r.nextHopType === 'VirtualAppliance' && via === 'appliance' && r.nextHopResource === nextHop);
      if (r.nextHopType === 'None') continue;
      if (!sameWay) {
        const how = r.nextHopResource ? `via ${n.resources.get(r.nextHopResource)?.name ?? r.nextHopResource}` : r.nextHopType;
        n.edge({ id: `egress:${c.name}->${d.id}`, from: c.id, to: d.id, label: `${d.protocol}:${d.port} ${how}`, ...edge });
        continue;
      }
    }
    if (reachesInternet) {
      n.edge({ id: `egress:${c.name}->${d.id}`, from: 'internet', to: d.id, label: `${d.protocol}:${d.port}`, ...edge });
    }
  }
  n.egressPaths.push(
    stripUndefined({
      id: pathId,
      cluster: c.id,
      outboundType: o.type,
      via,
      nextHop,
      outboundDevice,
      defaultRoutes,
      destinationRoutes,
      hops,
      publicIps,
      destinations: destinations.sort(cmp),
      privateEndpoints: uniqueSorted(privateEndpoints),
      edges,
      podEgress: podEgress.length ? podEgress : undefined,
      unassociatedNatGateway,
      invalidOutbound: invalidOutbound.length ? invalidOutbound : undefined,
      source: { path: c.source.path + '.outbound' },
    }),
  );
}

/** How one set of node or pod subnets leaves: the steps from the cluster to the internet, and what they amount to. */
interface ExitPlan {
  via: EgressPathModel['via'];
  nextHop?: Id;
  publicIps: number;
  /** The count of `publicIps` comes from an invalid value of the cluster's outbound settings. */
  ipsInvalid?: boolean;
  unassociatedNatGateway?: Id;
  steps: Array<{ to: Id; label: string }>;
  /** Plans with the same key take the same way out. */
  key: string;
}

/**
 * The way out of the given subnets from their effective 0.0.0.0/0 routes: a user route to a firewall or NVA sends
 * traffic there whatever the outbound type says; a gateway route forces it to on-premises; a route to None drops it;
 * otherwise a NAT gateway on the subnets wins over the load balancer's outbound rules, then the outbound type decides.
 * `nodes`: the node subnets, whose outbound type decides where no route is known, and which the cluster's
 * user-assigned NAT gateway must be associated with.
 */
function exitPlan(
  n: NormalizeContext,
  c: ClusterResource,
  decisive: readonly SubnetDefaultRoute[],
  subnets: readonly Id[],
  outboundDevice: Id | undefined,
  ipsInvalid: boolean,
  nodes: boolean,
): ExitPlan {
  const o = c.outbound;
  const steps: ExitPlan['steps'] = [];
  const step = (to: Id, label: string): void => void steps.push({ to, label });
  const toAppliance = decisive.find((r) => r.nextHopType === 'VirtualAppliance');
  const toGateway = decisive.find((r) => r.nextHopType === 'VirtualNetworkGateway');
  const userTables = (match: (r: SubnetDefaultRoute) => boolean): Id[] =>
    uniqueSorted(decisive.filter((r) => match(r) && r.source === 'User' && r.routeTable).map((r) => r.routeTable!));
  const viaTables = (tables: Id[], label: string): void => {
    for (const rt of tables) step(rt, label);
  };
  let via: EgressPathModel['via'];
  let nextHop: Id | undefined;
  let publicIps = 0;
  let invalid = false;
  let unassociatedNatGateway: Id | undefined;
  const natIps = (id: Id): number => {
    const nat = n.resources.get(id);
    return nat?.kind === 'natGateway' ? deviceAddressCount(nat) : 0;
  };
  if (toAppliance || (nodes && decisive.length === 0 && o.type === 'userDefinedRouting' && o.via)) {
    via = 'appliance';
    // An appliance route whose address matches no declared appliance still names the declared one.
    nextHop = toAppliance?.nextHopResource ?? (nodes && o.type === 'userDefinedRouting' ? o.via : undefined);
    const target = nextHop;
    const tables = userTables((r) => r.nextHopType === 'VirtualAppliance' && (!target || !r.nextHopResource || r.nextHopResource === target));
    viaTables(tables, '0.0.0.0/0 UDR');
    if (target) {
      step(target, tables.length ? 'next hop' : '0.0.0.0/0');
      const dev = n.resources.get(target);
      if (dev?.kind === 'azureFirewall') {
        const nat = dev.natGateway ? n.resources.get(dev.natGateway) : undefined;
        if (nat?.kind === 'natGateway') {
          step(nat.id, 'SNAT');
          publicIps = deviceAddressCount(nat);
        } else publicIps = deviceAddressCount(dev);
      } else if (dev?.kind === 'nva') publicIps = deviceAddressCount(dev);
    }
  } else if (toGateway) {
    via = 'gateway';
    nextHop = toGateway.nextHopResource;
    viaTables(userTables((r) => r.nextHopType === 'VirtualNetworkGateway'), '0.0.0.0/0 UDR');
    if (nextHop) step(nextHop, 'forced tunnel');
  } else if (decisive.length > 0 && decisive.every((r) => r.nextHopType === 'None')) {
    via = 'none';
    viaTables(userTables(() => true), '0.0.0.0/0 → None');
  } else {
    // Internet next hop: a NAT gateway on the subnets wins over the load balancer's outbound rules.
    const subnetNat = subnets.map((s) => n.resources.get(s)).find((s) => s?.kind === 'subnet' && s.natGateway);
    const natId = subnetNat?.kind === 'subnet' ? subnetNat.natGateway : undefined;
    viaTables(userTables((r) => r.nextHopType === 'Internet'), '0.0.0.0/0 UDR');
    if (natId && o.type !== 'none' && o.type !== 'block') {
      via = 'natGateway';
      step(natId, 'SNAT');
      publicIps = natIps(natId);
    } else if (o.type === 'loadBalancer' && outboundDevice) {
      via = 'loadBalancer';
      step(outboundDevice, 'SNAT');
      publicIps = ipsInvalid ? 0 : o.outboundIps;
      invalid = ipsInvalid;
    } else if (nodes && (o.type === 'managedNATGateway' || o.type === 'managedNATGatewayV2') && outboundDevice) {
      via = 'natGateway';
      step(outboundDevice, 'SNAT');
      publicIps = ipsInvalid ? 0 : natIps(outboundDevice);
      invalid = ipsInvalid;
    } else if (o.type === 'userAssignedNATGateway') {
      // A NAT gateway serves only the subnets associated with it: one the node subnets do not carry is no way out
      // (https://learn.microsoft.com/azure/aks/nat-gateway: the outbound type needs the gateway on the subnet).
      via = 'none';
      if (nodes && outboundDevice) unassociatedNatGateway = outboundDevice;
    } else via = o.type === 'none' || o.type === 'block' ? 'none' : 'internet';
  }
  const reachesInternet = via !== 'none' && via !== 'gateway' && !(via === 'appliance' && !nextHop);
  if (reachesInternet) {
    if (!n.resources.has('internet')) n.add({ id: 'internet', kind: 'internet', name: 'Internet', source: { path: '' } });
    step('internet', invalid ? 'SNAT (public IP count invalid)' : `${publicIps} public IP${publicIps === 1 ? '' : 's'}`);
  }
  const key = JSON.stringify([via, nextHop ?? '', steps.map((x) => x.to)]);
  return stripUndefined({ via, nextHop, publicIps, ipsInvalid: invalid || undefined, unassociatedNatGateway, steps, key });
}

/** Adds a plan's edges from the cluster, numbered under `edgePrefix`; `lead` names whose traffic the first edge carries. */
function walkPlan(
  n: NormalizeContext,
  c: ClusterResource,
  pathId: Id,
  edgePrefix: string,
  plan: ExitPlan,
  src: { path: string },
  lead?: string,
): { hops: Id[]; edges: Id[] } {
  const hops: Id[] = [c.id];
  const edges: Id[] = [];
  let last: Id = c.id;
  for (const { to, label } of plan.steps) {
    const id = `${edgePrefix}#${String(edges.length + 1).padStart(2, '0')}`;
    const text = lead && edges.length === 0 ? `${lead}: ${label}` : label;
    n.edge({ id, from: last, to, class: 'egress', label: text, path: pathId, step: edges.length + 1, source: src });
    edges.push(id);
    hops.push(to);
    last = to;
  }
  return { hops, edges };
}

type EgressDestination = Extract<Resource, { kind: 'egressDestination' }>;

/**
 * Each cluster's egress destinations, in declaration order. Built once per model and passed to every
 * `clusterPaths` call: scanning all elements per cluster made normalize quadratic in spokes.
 */
export function egressDestinationsByCluster(n: NormalizeContext): Map<Id, EgressDestination[]> {
  const byCluster = new Map<Id, EgressDestination[]>();
  for (const r of n.resources.values()) {
    if (r.kind !== 'egressDestination') continue;
    const list = byCluster.get(r.cluster);
    if (list) list.push(r);
    else byCluster.set(r.cluster, [r]);
  }
  return byCluster;
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
  // A disabled policy (or a legacy configuration switched off) inspects nothing.
  if (res.kind === 'frontDoor' || res.kind === 'applicationGateway' || res.kind === 'agc') return res.waf?.enabled ? res.waf.mode : undefined;
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
