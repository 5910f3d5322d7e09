/**
 * The overview view, in the manner of Microsoft's published AKS reference-architecture diagrams: the topology
 * (regions, VNets, subnets, the clusters, gateways, firewall, private endpoints) with the ingress and egress flows
 * drawn on it as numbered steps, and a numbered legend that says what happens at each step.
 *
 * Nothing here re-derives a flow: ingress steps are the segments of the model's ingress paths with the TLS state
 * `model/tls.ts` gives them (the state the ingress view and the narrative read), egress steps are the edges of
 * the model's egress paths (built from the effective routes, `model/routing.ts`), in path order. Boxes carry
 * names only (the icon says the kind, the step legend what each hop does, the topology view the particulars), and
 * subnets nothing is drawn in or through are one line of their VNet, so the whole picture fits one landscape page.
 */
import { pathSegments } from '../model/tls.js';
import { ModelQuery } from '../model/query.js';
import { clusterResolution, type EndpointResolution } from '../model/private-dns.js';
import type { Edge, Id, IngressHopModel, Model, ResourceOf, TlsState } from '../model/types.js';
import { TLS_LEGEND } from '../render/glyphs.js';
import type { FlowStep, ViewGraph } from './graph.js';
import { Builder, KIND_NAMES, drawHybridEntry, hybridEntry } from './views.js';
import { partOrder } from '../model/order.js';

/** How a hop treats TLS, in the words of the step legend. */
const HOP_TLS: Record<IngressHopModel['tls'], string> = {
  terminate: 'terminates TLS',
  reencrypt: 'terminates TLS and re-encrypts',
  passthrough: 'passes TLS through',
  originate: 'originates TLS to the next hop',
  plain: 'uses no TLS',
};

/** A segment's encryption; a segment the design leaves unjudged says so instead of guessing. */
export function tlsWords(tls: TlsState | undefined): string {
  return tls ? TLS_LEGEND[tls] : 'encryption not stated';
}

/** How a cluster's note on the private endpoints it uses begins (followed by the cluster's name). */
export const PRIVATE_LINK_NOTE = 'Private Link: ';

/** The most destinations one legend line names before it counts the rest. */
const MAX_NAMED = 4;

function list(names: string[]): string {
  if (names.length <= MAX_NAMED) return names.join(', ');
  return `${names.slice(0, MAX_NAMED - 1).join(', ')} and ${names.length - MAX_NAMED + 1} more`;
}

/** A step's end as the legend names it: the resource's name, and its kind where the name alone is not enough. */
function who(q: ModelQuery, id: Id): string {
  const r = q.get(id);
  if (!r) return id;
  switch (r.kind) {
    case 'client':
    case 'cluster':
      return r.name;
    case 'internet':
      return 'Internet';
    case 'workload':
      return `pods ${r.name}`;
    default:
      return `${KIND_NAMES[r.kind] ?? r.kind} ${r.name}`;
  }
}


/**
 * What one overview draws: the whole design, or one region of a multi-region design (`region`). A region's overview
 * has that region's VNets, clusters and the paths that end in them, and the global entry parts (Front Door,
 * Traffic Manager, API Management outside a VNet) with their edges into that region only; steps are numbered
 * 1..N on each, in the same order (ingress, then egress, in path order) as the whole overview.
 */
export interface OverviewScope {
  region?: string;
}

/** The regions of a design in the one part order, each with a VNet or a cluster. */
export function overviewRegions(model: Model): string[] {
  return partOrder(new ModelQuery(model)).regions;
}

/** Derives the overview; undefined when the design (or the region) has nothing to draw. */
export function overview(model: Model, scope: OverviewScope = {}): ViewGraph | undefined {
  const q = new ModelQuery(model);
  const region = scope.region;
  const b = new Builder(q, 'overview', true, true);
  const inRegion = (id: Id | undefined): boolean => {
    if (region === undefined) return true;
    const r = q.get(id);
    if (!r) return false;
    if (r.kind === 'vnet' || r.kind === 'cluster') return r.region === region;
    if (r.kind === 'subnet') return q.getAs(r.vnet, 'vnet')?.region === region;
    return inRegion(r.parent);
  };
  /** A path belongs to the region of its cluster; one without a cluster to every region one of its hops is in. */
  const pathInRegion = (p: { cluster?: Id; hops: Array<{ resource: Id }> | Id[] }): boolean => {
    if (region === undefined) return true;
    if (p.cluster) return inRegion(p.cluster);
    return p.hops.some((h) => inRegion(typeof h === 'string' ? h : h.resource));
  };
  const m: Model = region === undefined
    ? q.model
    : {
        ...q.model,
        ingressPaths: q.model.ingressPaths.filter((p) => pathInRegion(p)),
        egressPaths: q.model.egressPaths.filter((p) => pathInRegion(p)),
      };

  // Clients first, so ELK puts them in the first layer on the left as the ingress view does. A corporate client
  // whose hybrid connection comes from a drawn on-premises site sits in the On-premises box with that site: its
  // users are on premises, not outside every network.
  const onPrem = q.all('onPremises');
  const onPremZone = () => b.zone('zone:on-premises', 'On-premises');
  for (const p of m.ingressPaths) {
    const client = q.get(p.client);
    if (!client) continue;
    const conn = client.kind === 'client' && client.via ? q.getAs(client.via, 'hybridConnection') : undefined;
    if (conn && onPrem.some((o) => o.id === conn.remote)) b.leaf(client, { parent: onPremZone(), style: 'actor', details: [] });
    else b.leaf(client, { parent: null, layer: 'first', style: 'actor', details: [] });
  }
  if (onPrem.length) {
    const zone = onPremZone();
    for (const o of onPrem) b.leaf(o, { parent: zone, details: [] });
  }
  const global = [...q.all('trafficManager'), ...q.all('frontDoor'), ...q.all('apiManagement').filter((a) => !a.subnet)];
  if (global.length) {
    const zone = b.zone('zone:global', 'Global edge');
    for (const r of global) b.leaf(r, { parent: zone, details: [] });
  }

  // VNets and every subnet, with the CIDR only (created before anything the builder would place in them, so the
  // builder's fuller topology boxes are not used).
  for (const v of partOrder(q).vnets) {
    if (!inRegion(v.id)) continue;
    const parent = b.region(v.region);
    const role = v.role === 'standalone' ? 'VNet' : `${v.role} VNet`;
    b.node({ id: v.id, kind: 'vnet', label: v.name, details: [`${role} · ${v.addressSpace.join(', ')}`], style: 'vnet',
      ...(parent ? { parent } : {}), element: v.id });
    for (const s of v.subnets) {
      const sub = q.getAs(s, 'subnet');
      // Name and CIDR on two lines: the overview is wider than a landscape page, never taller, so a narrow
      // header is worth its extra line.
      if (sub) {
        b.node({ id: sub.id, kind: 'subnet', label: sub.name, details: [sub.cidr], style: 'subnet', parent: v.id,
          element: sub.id });
      }
    }
  }
  for (const c of q.all('cluster')) {
    if (!inRegion(c.id)) continue;
    const parent = b.clusterParent(c);
    // The cluster's name, and where a private API server's endpoint is: no line of the overview starts or ends at
    // the API server, so it is not a box of its own (tier, CNI and node pools are the topology view's).
    const api = q.getAs(c.apiServerEndpoint, 'apiServer');
    const details = api?.exposure === 'private' && api.subnet ? [`private API server in ${q.name(api.subnet)}`] : [];
    b.node({ id: c.id, kind: 'cluster', label: `${c.name} (AKS)`, details, style: 'cluster',
      ...(parent ? { parent } : {}), element: c.id, icon: 'cluster' });
  }
  for (const r of m.resources) {
    if (r.kind === 'apiServer') continue;
    if (q.get(r.parent)?.kind === 'subnet' && b.has(r.parent!)) b.leaf(r, { details: [] });
  }

  // ---- ingress: one step per distinct segment, in path order; a hop shared by several paths is one step ----
  const steps: FlowStep[] = [];
  const pathsOf = new Map<FlowStep, string[]>();
  /** What the hop a step ends at does with TLS, per path taking the step (a shared controller can differ per path). */
  const actionsOf = new Map<FlowStep, Array<{ path: string; tls: IngressHopModel['tls'] }>>();
  const ingressSig = new Map<string, FlowStep>();
  for (const p of m.ingressPaths) {
    for (const h of p.hops) {
      const r = q.get(h.resource);
      if (r) b.leaf(r, { details: [] });
    }
    const target = q.get(p.target);
    if (target) b.leaf(target, { details: [] });
    for (const s of pathSegments(m, p)) {
      if (!b.has(s.from) || !b.has(s.to) || s.from === s.to) continue;
      const e = s.edge;
      const sig = JSON.stringify([s.from, s.to, e.protocol ?? '', e.port ?? 0, s.tls ?? '']);
      const known = ingressSig.get(sig);
      const at = p.hops.find((h) => h.resource === e.to);
      if (known) {
        pathsOf.get(known)!.push(p.name);
        if (at) actionsOf.get(known)?.push({ path: p.name, tls: at.tls });
        continue;
      }
      const entry = s.from === p.client ? hybridEntry(q, p) : undefined;
      const step: FlowStep = { n: steps.length + 1, flow: 'ingress', text: ingressText(q, p.hops, e, s.tls, entry), edges: [e.id] };
      // A corporate client's first segment enters through its hybrid connection's gateway (views.ts).
      const entered = drawHybridEntry(b, q, p, e, { edge: { step: step.n, ...(s.tls ? { tls: s.tls } : {}) }, gatewayDetails: [] });
      if (entered) step.edges.push(`${e.id}:entry`);
      else b.edge({ id: e.id, from: s.from, to: s.to, style: 'ingress', ...(s.tls ? { tls: s.tls } : {}), step: step.n });
      ingressSig.set(sig, step);
      pathsOf.set(step, [p.name]);
      if (at) actionsOf.set(step, [{ path: p.name, tls: at.tls }]);
      steps.push(step);
    }
  }
  // A hop several paths share can treat TLS differently on each (nginx terminating one path's TLS and re-encrypting
  // the other's): the step then says what it does on which path instead of the first path's action for all.
  for (const [step, actions] of actionsOf) {
    const kinds = [...new Set(actions.map((a) => a.tls))];
    if (kinds.length < 2) continue;
    const perPath = kinds.map((k) => {
      const names = actions.filter((a) => a.tls === k).map((a) => a.path);
      return `${HOP_TLS[k]} on ${names.length === 1 ? 'path' : 'paths'} ${names.join(', ')}`;
    });
    step.text = step.text.replace(`(${HOP_TLS[actions[0]!.tls]}`, `(${perPath.join('; ')}`);
  }
  // A step that only some of the paths take names them; one every path takes needs no names.
  for (const [step, names] of pathsOf) {
    if (m.ingressPaths.length > 1 && names.length < m.ingressPaths.length) step.text += ` (${names.length === 1 ? 'path' : 'paths'} ${names.join(', ')})`;
  }

  // ---- egress: the egress paths' edges in order (cluster → route table → firewall → internet) ----
  const subnets = q.all('subnet');
  /**
   * A route table or NAT gateway sits in a VNet only when every subnet using it is in that VNet (as in the egress
   * view); one shared by the VNets of one region sits in that region's box (both are regional resources).
   */
  const attachedVnet = (id: Id): string | undefined => {
    const vnets = [...new Set(subnets.filter((x) => x.routeTable === id || x.natGateway === id).map((x) => x.vnet))];
    if (vnets.length === 1 && b.has(vnets[0]!)) return vnets[0];
    const regions = [...new Set(vnets.map((v) => q.getAs(v, 'vnet')?.region))];
    return regions.length === 1 && regions[0] !== undefined ? b.region(regions[0]) : undefined;
  };
  for (const p of m.egressPaths) {
    const c = q.getAs(p.cluster, 'cluster');
    if (!c || !b.has(c.id)) continue;
    // Pods with a way out of their own (a pod subnet's route or NAT gateway) leave through other boxes than the nodes.
    for (const hop of [...p.hops, ...(p.podEgress ?? []).flatMap((pe) => pe.hops)]) {
      if (hop === c.id || b.has(hop)) continue;
      const r = q.get(hop);
      if (!r) b.node({ id: hop, kind: 'unknown', label: hop, details: [], style: 'leaf', icon: 'generic' });
      else if (r.kind === 'internet') {
        // The SNAT addresses are in the legend's step into the internet (its edge label).
        b.leaf(r, { parent: null, style: 'actor', layer: 'first', details: [] });
      } else if (r.kind === 'routeTable' || (r.kind === 'natGateway' && !r.parent)) {
        const parent = attachedVnet(r.id);
        b.leaf(r, { parent: parent ?? null, details: [] });
      } else b.leaf(r, { details: [] });
    }
  }
  const egressSig = new Map<string, FlowStep>();
  const clustersOf = new Map<FlowStep, string[]>();
  for (const p of m.egressPaths) {
    const cluster = q.getAs(p.cluster, 'cluster');
    const edges = [...p.edges, ...(p.podEgress ?? []).flatMap((pe) => pe.edges)]
      .map((id) => m.edges.find((e) => e.id === id))
      .filter((e): e is Edge => e !== undefined);
    for (const e of edges) {
      if (!b.has(e.from) || !b.has(e.to) || e.from === e.to) continue;
      const sig = JSON.stringify([e.from, e.to, e.label ?? '']);
      const known = egressSig.get(sig);
      if (known) {
        if (cluster) clustersOf.get(known)!.push(cluster.name);
        continue;
      }
      const step: FlowStep = { n: steps.length + 1, flow: 'egress', text: egressText(q, p, e), edges: [e.id] };
      b.edge({ id: e.id, from: e.from, to: e.to, style: 'egress', step: step.n });
      egressSig.set(sig, step);
      clustersOf.set(step, cluster ? [cluster.name] : []);
      steps.push(step);
    }
  }
  for (const [step, names] of clustersOf) {
    if (m.egressPaths.length > 1 && names.length > 1) step.text += ` (shared by ${names.length} clusters: ${list(names)})`;
  }

  // ---- private endpoints: no lines of their own. Each cluster's legend note says which services it reaches that
  // way, and the endpoints' subnet is a line of its VNet ("Private Link: … pe-kv → kv-x"): a column of endpoint
  // boxes and another of PaaS services would cost the picture two columns and its one landscape page. ----
  const notes: string[] = [];
  for (const e of m.edges) {
    if (e.class === 'peering') b.modelEdge(e, 'peering', { undirected: true });
    else if (e.class === 'hybrid') b.modelEdge(e, 'hybrid');
  }
  for (const p of m.egressPaths) {
    const pes = p.privateEndpoints.map((id) => q.getAs(id, 'privateEndpoint')).filter((x): x is ResourceOf<'privateEndpoint'> => !!x && b.has(x.id));
    if (!pes.length) continue;
    // Private only where the cluster's DNS returns the endpoint's address (the zone-link rules and the narrative agree).
    const by = (kind: EndpointResolution['kind']) => pes.filter((pe) => clusterResolution(q, p.cluster, pe).kind === kind);
    const [privately, publicly, open] = [by('private'), by('public'), by('unknown')];
    const targets = (xs: typeof pes) => list(xs.map((pe) => q.name(pe.target)));
    const parts = [
      // The endpoints' own names are the topology view's: the overview does not draw them.
      ...(privately.length
        ? [`${q.name(p.cluster)} reaches ${targets(privately)} through ${privately.length} private endpoint${privately.length === 1 ? '' : 's'}; this traffic never leaves the virtual network.`]
        : []),
      ...(publicly.length ? [`${q.name(p.cluster)} resolves ${targets(publicly)} to the public address: the private DNS zone is not linked where its DNS answers.`] : []),
      ...(open.length ? [`${q.name(p.cluster)} may resolve ${targets(open)} to the private endpoint or not: the DNS that decides it is not stated.`] : []),
    ];
    notes.push(`${PRIVATE_LINK_NOTE}${parts.join(' ')}`);
  }

  const built = region === undefined ? b.build() : withoutUnlinked(b.build());
  if (built.nodes.length === 0) return undefined;
  const g = foldIdleSubnets(built, q);
  const title = region === undefined ? g.title : `${g.title} · region ${region}`;
  return { ...g, title, compact: true, ...(steps.length ? { steps } : {}), ...(notes.length ? { notes } : {}) };
}

/**
 * A region's overview keeps the parts outside every region (on-premises networks, global entry parts) only where
 * a line of this region ends at them, and drops a zone left empty.
 */
function withoutUnlinked(g: ViewGraph): ViewGraph {
  const linked = new Set(g.edges.flatMap((e) => [e.from, e.to]));
  const outside = new Set(g.nodes.filter((n) => n.style === 'zone').map((n) => n.id));
  let nodes = g.nodes.filter((n) => !(n.parent !== undefined && outside.has(n.parent) && !linked.has(n.id)));
  const used = new Set(nodes.map((n) => n.parent));
  nodes = nodes.filter((n) => !outside.has(n.id) || used.has(n.id));
  const kept = new Set(nodes.map((n) => n.id));
  const { hints: all, ...rest } = g;
  const hints = (all ?? []).filter((h) => kept.has(h.from) && kept.has(h.to));
  return { ...rest, nodes, ...(hints.length ? { hints } : {}) };
}

/**
 * The overview cut per region, for a multi-region design whose whole overview is too large for one page: one graph
 * per region in the part order (a region with nothing to draw is left out). A single-region design gets none.
 */
export function regionOverviews(model: Model): Array<{ region: string; graph: ViewGraph }> {
  const regions = overviewRegions(model);
  if (regions.length < 2) return [];
  return regions.flatMap((region) => {
    const graph = overview(model, { region });
    return graph ? [{ region, graph }] : [];
  });
}

/**
 * Subnets no line starts or ends in (Bastion, jump boxes, build agents, an unused gateway subnet, private
 * endpoints) are not boxes on the overview but named on one header line of their VNet ("no flows: snet-ops,
 * AzureBastionSubnet"; "Private Link: snet-pe (3 endpoints)"): the picture keeps its room for what carries a flow,
 * and the topology view draws them in full.
 */
function foldIdleSubnets(g: ViewGraph, q: ModelQuery): ViewGraph {
  const parentOf = new Map(g.nodes.map((n) => [n.id, n.parent]));
  const busy = new Set<string>();
  for (const e of g.edges) {
    for (const end of [e.from, e.to]) {
      for (let id: string | undefined = end; id !== undefined; id = parentOf.get(id)) busy.add(id);
    }
  }
  const within = (id: string, top: string): boolean => {
    for (let p = parentOf.get(id); p !== undefined; p = parentOf.get(p)) if (p === top) return true;
    return false;
  };
  const idle = g.nodes.filter((n) => n.kind === 'subnet' && !busy.has(n.id) && n.parent !== undefined);
  if (!idle.length) return g;
  const gone = new Set<string>();
  /** Per VNet: its node, pod, private-endpoint and other idle subnets, by name (the topology view has the rest). */
  const folded = new Map<string, { nodes: string[]; link: string[]; pods: string[]; idle: string[] }>();
  // A pod subnet carries the flows into the pods, which the overview draws in their cluster's box; a node subnet
  // with no box of its own (the cluster drawn in the VNet beside its pod subnet) holds the nodes its egress leaves.
  const podsOf = new Map<string, string[]>();
  const nodesOf = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, subnet: string, cluster: string) => {
    const names = m.get(subnet) ?? [];
    if (!names.includes(cluster)) names.push(cluster);
    m.set(subnet, names);
  };
  for (const c of q.all('cluster')) {
    for (const s of q.podSubnets(c.id)) add(podsOf, s.id, c.name);
    for (const s of q.nodeSubnets(c.id)) add(nodesOf, s.id, c.name);
  }
  for (const s of idle) {
    const inside = g.nodes.filter((n) => within(n.id, s.id));
    for (const n of [s, ...inside]) gone.add(n.id);
    const at = folded.get(s.parent!) ?? { nodes: [], link: [], pods: [], idle: [] };
    const pes = inside.filter((n) => q.get(n.id)?.kind === 'privateEndpoint').length;
    // Which endpoint reaches which service is the legend note's ("Private Link: … reaches …").
    const pods = podsOf.get(s.id);
    const nodes = nodesOf.get(s.id);
    if (nodes) at.nodes.push(`${s.label} (${nodes.join(', ')})`);
    else if (pods) at.pods.push(`${s.label} (${pods.join(', ')})`);
    else if (inside.length && pes === inside.length) at.link.push(`${s.label} (${pes} endpoint${pes === 1 ? '' : 's'})`);
    else at.idle.push(s.label);
    folded.set(s.parent!, at);
  }
  const lines = (f: { nodes: string[]; link: string[]; pods: string[]; idle: string[] }) => [
    ...(f.nodes.length ? [`node subnet: ${f.nodes.join(', ')}`] : []),
    ...(f.pods.length ? [`pod subnet: ${f.pods.join(', ')}`] : []),
    ...(f.link.length ? [`Private Link: ${f.link.join(', ')}`] : []),
    ...(f.idle.length ? [`no flows: ${f.idle.join(', ')}`] : []),
  ];
  const nodes = g.nodes
    .filter((n) => !gone.has(n.id))
    .map((n) => (folded.has(n.id) ? { ...n, details: [...n.details, ...lines(folded.get(n.id)!)] } : n));
  const hints = (g.hints ?? []).filter((h) => !gone.has(h.from) && !gone.has(h.to));
  return { ...g, nodes, hints };
}

function ingressText(
  q: ModelQuery,
  hops: IngressHopModel[],
  e: Edge,
  tls: TlsState | undefined,
  entry?: { gateway: { name: string }; label: string; connection: string },
): string {
  const label = e.label ?? (e.protocol && e.port ? `${e.protocol}:${e.port}` : 'protocol not stated');
  const at = hops.find((h) => h.resource === e.to);
  // What the hop does goes in brackets right after its name (once: the legend must fit the overview's one page).
  const does: string[] = [];
  if (at) {
    does.push(HOP_TLS[at.tls]);
    if (at.waf) does.push(`WAF ${at.waf}`);
    if (at.dnat) does.push(`DNAT to ${at.dnat.translatedAddress ?? at.dnat.translatedFqdn ?? '?'}:${at.dnat.translatedPort}`);
  }
  const to = does.length ? `${who(q, e.to)} (${does.join(', ')})` : who(q, e.to);
  const from = entry ? `${who(q, e.from)} → ${entry.gateway.name} (${entry.label} ${entry.connection})` : who(q, e.from);
  return `${from} → ${to}: ${label} · ${tlsWords(tls)}`;
}

function egressText(q: ModelQuery, p: Model['egressPaths'][number], e: Edge): string {
  // Pods with addresses of a pod subnet send from there, not from their node: the legend names the same origin as the
  // egress narrative, from the same query.
  // A pod subnet with a way out of its own starts its own chain: the nodes' chain names only the pods that follow it.
  const own = (p.podEgress ?? []).find((pe) => pe.edges.includes(e.id));
  const apart = new Set((p.podEgress ?? []).flatMap((pe) => pe.subnets));
  if (own && q.get(e.from)?.kind === 'cluster') {
    const text = `${q.name(e.from)} pods (pod subnet ${list(own.subnets.map((s) => q.name(s)))}) → ${who(q, e.to)}`;
    return e.label ? `${text}: ${e.label.replace(/^pods \([^)]*\): /, '')}` : text;
  }
  const pods = q.get(e.from)?.kind === 'cluster' ? q.podSubnets(e.from).filter((s) => !apart.has(s.id)) : [];
  const from =
    q.get(e.from)?.kind !== 'cluster'
      ? who(q, e.from)
      : pods.length
        ? `${q.name(e.from)} nodes and pods (pod subnet ${list(pods.map((s) => s.name))})`
        : `${q.name(e.from)} nodes`;
  let text = `${from} → ${who(q, e.to)}`;
  if (e.label) text += `: ${e.label}`;
  if (q.get(e.to)?.kind === 'internet') {
    const out = p.destinations
      .map((id) => q.getAs(id, 'egressDestination'))
      .filter((d): d is ResourceOf<'egressDestination'> => !!d && !d.privateEndpoint)
      .map((d) => `${d.name} (${d.protocol}:${d.port})`);
    text += out.length ? ` · to ${list(out)}` : ' · no internet destinations declared';
  }
  return text;
}
