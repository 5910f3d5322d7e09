/**
 * Split: a flow view too large for one printed page cut into pictures of its own, one per region, spoke or
 * cluster (or a run of them), instead of page tiles that cut boxes and edges at arbitrary lines.
 *
 * A view's nodes are first assigned to units: the region boxes of a multi-region design, else the spokes
 * (collapse.ts's spoke units, a collapsed view's note box with the spoke it stands beside), else (the topology of
 * one spoke drawn for many) the VNets, else the clusters.
 * Nodes that belong to no unit (the hub, the firewall, the internet, a shared route table, a Front Door in front of
 * every stamp) are shared. A part drawing some units holds their nodes, every shared node reached from them over
 * shared nodes (a global Front Door and its clients, the internet and its destinations), the far end of an edge that
 * leaves the units for another unit, and the boxes around all of these. Edges and layout hints go with a part when
 * both of their ends do. So no node or edge of the view is lost: each is in at least one part (tested).
 */
import { ModelQuery } from '../model/query.js';
import type { Id, Model } from '../model/types.js';
import type { ViewGraph, ViewNode } from '../model/view-graph.js';
import { spokeOwners, spokeUnits } from './collapse.js';

/** One unit a view can be split by: a region, a spoke or a cluster, with the nodes that are its own. */
export interface SplitUnit {
  /** Id of the unit's view node (region box, spoke VNet, cluster). */
  id: string;
  /** What the unit is called in a part's title ("Region westeurope", "vnet-spoke-3"). */
  name: string;
  nodes: Set<string>;
  /** Ids of the view edges of this unit's own paths (an edge into a destination several stamps share). */
  edges: Set<string>;
}

export type SplitBy = 'region' | 'spoke' | 'cluster' | 'vnet';

/** Views a pack may split: the flow views, whose parts are whole flows, and the topology (by VNet). */
export const SPLITTABLE_VIEWS = new Set<string>(['ingress', 'egress', 'control-plane', 'topology']);

/** Which cluster each model element, path and access belongs to (by `cluster` field or parent chain). */
function clusterOwners(model: Model, q: ModelQuery): Map<string, Id> {
  const out = new Map<string, Id>();
  const of = (id: Id | undefined, depth = 0): Id | undefined => {
    const r = q.get(id);
    if (!r || depth > 32) return undefined;
    if (r.kind === 'cluster') return r.id;
    const c = (r as { cluster?: unknown }).cluster;
    if (typeof c === 'string' && q.get(c)?.kind === 'cluster') return c;
    return of(r.parent, depth + 1);
  };
  for (const r of model.resources) {
    const c = of(r.id);
    if (c) out.set(r.id, c);
  }
  for (const p of [...model.ingressPaths, ...model.egressPaths, ...model.controlPlaneAccess]) {
    if (p.cluster) out.set(p.id, p.cluster);
  }
  return out;
}

/** The cluster a view node stands for: by its element, else by a model id inside a derived id (`actor:<access>`). */
function clusterOfNode(n: ViewNode, owners: Map<string, Id>): Id | undefined {
  if (n.element && owners.has(n.element)) return owners.get(n.element);
  for (let i = n.id.indexOf(':'); i >= 0; i = n.id.indexOf(':', i + 1)) {
    const c = owners.get(n.id.slice(i + 1));
    if (c) return c;
  }
  return undefined;
}

/**
 * Gives each unit the view edges of its own paths: an edge whose model edge lies on a path (or whose id names an
 * access) of a cluster of that unit, such as "https:443 · aks-bookings-neu" into a destination both stamps use.
 */
function ownEdges(
  graph: ViewGraph,
  model: Model,
  owners: Map<string, Id>,
  units: SplitUnit[],
  unitOfCluster: (c: Id) => string | undefined,
): void {
  const byId = new Map(units.map((u) => [u.id, u]));
  const pathOf = new Map(model.edges.map((e) => [e.id, e.path]));
  for (const e of graph.edges) {
    const path = pathOf.get(e.id);
    let c = path ? owners.get(path) : undefined;
    for (let i = e.id.indexOf(':'); !c && i >= 0; i = e.id.indexOf(':', i + 1)) {
      const rest = e.id.slice(i + 1);
      c = owners.get(rest) ?? owners.get(rest.slice(0, Math.max(0, rest.indexOf(':'))));
    }
    const u = c ? byId.get(unitOfCluster(c) ?? '') : undefined;
    if (u) u.edges.add(e.id);
  }
}

/**
 * The units a view splits into, in view order: by region when it draws two regions or more, else by spoke, else by
 * cluster; none when it has fewer than two of each. Every node not assigned is shared.
 */
export function splitUnits(graph: ViewGraph, model: Model): { by: SplitBy; units: SplitUnit[] } | undefined {
  const q = new ModelQuery(model);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const ancestorOf = (n: ViewNode, test: (p: ViewNode) => boolean): ViewNode | undefined => {
    let p = n.parent ? byId.get(n.parent) : undefined;
    for (let depth = 0; p && depth < 64; depth++) {
      if (test(p)) return p;
      p = p.parent ? byId.get(p.parent) : undefined;
    }
    return undefined;
  };
  const owners = clusterOwners(model, q);
  const regions = graph.nodes.filter((n) => n.kind === 'region');
  if (regions.length >= 2) {
    const units = new Map(
      regions.map((r) => [r.id, { id: r.id, name: r.label, nodes: new Set<string>([r.id]), edges: new Set<string>() }]),
    );
    for (const n of graph.nodes) {
      const box = n.kind === 'region' ? n : ancestorOf(n, (p) => p.kind === 'region');
      // Outside every region box: a client, an administrator or a destination of one stamp goes with its stamp.
      const c = box ? undefined : clusterOfNode(n, owners);
      const region = box?.id ?? (c ? `region:${q.getAs(c, 'cluster')?.region ?? ''}` : undefined);
      if (region) units.get(region)?.nodes.add(n.id);
    }
    const list = [...units.values()];
    ownEdges(graph, model, owners, list, (c) => `region:${q.getAs(c, 'cluster')?.region ?? ''}`);
    return { by: 'region', units: list };
  }
  const spokes = spokeUnits(graph, spokeOwners(model, q));
  if (spokes.size >= 2) {
    // Spoke VNets in the order the view draws them (the design's part order).
    const rank = new Map(graph.nodes.map((n, i) => [n.id, i]));
    const units = [...spokes]
      .map(([id, nodes]) => ({
        id,
        name: q.name(id),
        nodes: new Set(nodes.map((n) => n.id)),
        edges: new Set<string>(),
      }))
      .sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || (a.id < b.id ? -1 : 1));
    const spokeOf = spokeOwners(model, q);
    ownEdges(graph, model, owners, units, (c) => spokeOf.get(c));
    return { by: 'spoke', units };
  }
  // The topology of one spoke drawn (a collapsed hub-spoke): the hub and the spoke, each with what hangs off it.
  const vnets = graph.nodes.filter((n) => n.kind === 'vnet');
  if (graph.view === 'topology' && vnets.length >= 2) {
    const units = new Map(
      vnets.map((v) => [v.id, { id: v.id, name: v.label, nodes: new Set<string>(), edges: new Set<string>() }]),
    );
    for (const n of graph.nodes) {
      const box = n.kind === 'vnet' ? n : ancestorOf(n, (p) => p.kind === 'vnet');
      if (box) units.get(box.id)?.nodes.add(n.id);
    }
    return { by: 'vnet', units: [...units.values()] };
  }
  const clusters = graph.nodes.filter((n) => n.kind === 'cluster');
  if (clusters.length >= 2) {
    const units = new Map(
      clusters.map((c) => [c.id, { id: c.id, name: c.label, nodes: new Set<string>(), edges: new Set<string>() }]),
    );
    for (const n of graph.nodes) {
      const box = n.kind === 'cluster' ? n : ancestorOf(n, (p) => p.kind === 'cluster');
      const c = box?.id ?? clusterOfNode(n, owners);
      if (c) units.get(c)?.nodes.add(n.id);
    }
    const list = [...units.values()];
    ownEdges(graph, model, owners, list, (c) => c);
    return { by: 'cluster', units: list };
  }
  return undefined;
}

/**
 * The part of a view that draws the given units (see the module comment). `orphans`: also the shared nodes no unit
 * reaches (given to the first part, so that they are drawn somewhere).
 */
export function partGraph(graph: ViewGraph, all: SplitUnit[], drawn: SplitUnit[], orphans = false): ViewGraph {
  const unitOf = new Map<string, string>();
  for (const u of all) for (const id of u.nodes) if (!unitOf.has(id)) unitOf.set(id, u.id);
  const edgeUnit = new Map<string, string>();
  for (const u of all) for (const id of u.edges) if (!edgeUnit.has(id)) edgeUnit.set(id, u.id);
  const mine = new Set(drawn.map((u) => u.id));
  // Another unit's path edge is no way into the shared nodes: it belongs to that unit's part.
  const ours = (id: string) => !edgeUnit.has(id) || mine.has(edgeUnit.get(id)!);
  const linksOf = (edges: ViewGraph['edges']) => {
    const links = new Map<string, string[]>();
    for (const e of edges) {
      for (const [a, b] of [
        [e.from, e.to],
        [e.to, e.from],
      ] as const) {
        const list = links.get(a);
        if (list) list.push(b);
        else links.set(a, [b]);
      }
    }
    return links;
  };
  const links = linksOf(graph.edges.filter((e) => ours(e.id)));
  const own = new Set(drawn.flatMap((u) => [...u.nodes]));
  const keep = new Set(own);
  // The units' own path edges come with both of their ends.
  for (const e of graph.edges) {
    if (edgeUnit.has(e.id) && mine.has(edgeUnit.get(e.id)!)) keep.add(e.from).add(e.to);
  }
  // Shared nodes reached from the units over shared nodes only; the far end of an edge into another unit.
  const queue = [...keep];
  while (queue.length) {
    const id = queue.pop()!;
    for (const next of links.get(id) ?? []) {
      if (keep.has(next)) continue;
      const shared = !unitOf.has(next);
      if (shared) {
        keep.add(next);
        queue.push(next);
      } else if (own.has(id)) keep.add(next);
    }
  }
  if (orphans) {
    const reached = new Set<string>();
    const walk = [...unitOf.keys()];
    const every = linksOf(graph.edges);
    while (walk.length) {
      const id = walk.pop()!;
      for (const next of every.get(id) ?? []) {
        if (!reached.has(next) && !unitOf.has(next)) {
          reached.add(next);
          walk.push(next);
        }
      }
    }
    // Containers come with what they hold; a shared leaf or empty box nothing reaches goes here.
    const parents = new Set(graph.nodes.map((n) => n.parent).filter((p): p is string => !!p));
    for (const n of graph.nodes) if (!unitOf.has(n.id) && !reached.has(n.id) && !parents.has(n.id)) keep.add(n.id);
  }
  withContainers(graph, keep);
  const out: ViewGraph = {
    ...graph,
    nodes: graph.nodes.filter((n) => keep.has(n.id)),
    edges: graph.edges.filter((e) => ours(e.id) && keep.has(e.from) && keep.has(e.to)),
  };
  const hints = (graph.hints ?? []).filter((h) => keep.has(h.from) && keep.has(h.to));
  if (hints.length) out.hints = hints;
  else delete out.hints;
  // One cluster left: ELK's crossing minimisation may order it freely, as in any single-cluster view.
  if (out.nodes.filter((n) => n.kind === 'cluster').length < 2) delete out.keepOrder;
  return out;
}

/** The view node of the private DNS zones' column (views.ts): a piece of its own when a VNet is cut into subnets. */
export const DNS_ZONES = 'zone:private-dns';

/**
 * The subnets of a topology picture in view order, each with the boxes it holds (a cluster, its pools, a gateway),
 * then the private DNS zones' column: the pieces a VNet too large for one printed page is cut into. The zones link
 * to VNet boxes, not to a subnet, so as shared boxes they would all crowd into the first run. What no piece holds
 * (the VNet boxes, PaaS services) is shared: a run takes what its boxes link to, the first run what nothing reaches.
 */
export function subnetUnits(graph: ViewGraph): SplitUnit[] {
  const children = new Map<string, string[]>();
  for (const n of graph.nodes) {
    if (n.parent === undefined) continue;
    const list = children.get(n.parent);
    if (list) list.push(n.id);
    else children.set(n.parent, [n.id]);
  }
  const unit = (id: string, name: string): SplitUnit => {
    const nodes = new Set<string>([id]);
    const walk = [id];
    while (walk.length) {
      for (const c of children.get(walk.pop()!) ?? []) {
        if (nodes.has(c)) continue;
        nodes.add(c);
        walk.push(c);
      }
    }
    return { id, name, nodes, edges: new Set<string>() };
  };
  const units = graph.nodes.filter((n) => n.kind === 'subnet').map((s) => unit(s.id, s.label));
  const zones = graph.nodes.find((n) => n.id === DNS_ZONES);
  if (zones && units.length) units.push(unit(zones.id, 'Private DNS zones'));
  return units;
}

/**
 * The title of a run of subnets ("subnet snet-a", "subnets snet-a and snet-b", "subnets snet-a to snet-d"), with
 * "and the private DNS zones" when the run ends with them.
 */
export function subnetTitle(units: SplitUnit[]): string {
  const subnets = units.filter((u) => u.id !== DNS_ZONES);
  const zones = subnets.length < units.length;
  const first = subnets[0]?.name ?? '';
  const last = subnets[subnets.length - 1]?.name ?? '';
  const named =
    subnets.length === 0
      ? ''
      : subnets.length === 1
        ? `subnet ${first}`
        : `subnets ${first} ${subnets.length === 2 ? 'and' : 'to'} ${last}`;
  if (!zones) return named;
  if (subnets.length === 0) return 'private DNS zones';
  // Two subnets already take "and": "subnets snet-a, snet-b and the private DNS zones".
  return subnets.length === 2 ? `subnets ${first}, ${last} and the private DNS zones` : `${named} and the private DNS zones`;
}

/** Adds to `keep` every box around a node it holds: a part draws the containers of what it draws. */
function withContainers(graph: ViewGraph, keep: Set<string>): void {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const id of [...keep]) {
    for (let p = byId.get(id)?.parent, depth = 0; p !== undefined && depth < 64; p = byId.get(p)?.parent, depth++) {
      keep.add(p);
    }
  }
}

/** The title of a part: what it covers, in the view's words ("Region westeurope", "vnet-spoke-1 to vnet-spoke-4"). */
export function partTitle(by: SplitBy, units: SplitUnit[]): string {
  const first = units[0]?.name ?? '';
  const last = units[units.length - 1]?.name ?? '';
  if (units.length === 1) return by === 'cluster' ? `cluster ${first}` : first;
  if (by === 'region') {
    const names = units.map((u) => u.name.replace(/^Region /, ''));
    return `Regions ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  }
  return units.length === 2 ? `${first} and ${last}` : `${first} to ${last}`;
}

/**
 * One piece of a flow picture smaller than a unit, for a region, spoke or cluster whose part alone is too large for
 * a page: the routes into one end of the flow (a destination, a workload, the API server), or the hops that leave
 * one layer of the flow (a single long path cut into runs of hops).
 */
export interface FlowPiece {
  /** The end node's id (`to`), or the hop number (`hop`). */
  id: string;
  /** The end node's label, or the hop number as text. */
  name: string;
  /** Ids of the nodes at both ends of the piece's edges. */
  nodes: Set<string>;
  edges: Set<string>;
  /**
   * The step numbers the piece's edges carry (`hop` pieces of a picture whose every edge has one): a part's title
   * counts hops by the badges the reader sees, not by graph depth, which a hybrid entry edge sharing its path's
   * step 1 would put one ahead.
   */
  steps?: number[];
}

export type PieceBy = 'to' | 'from' | 'hop';

/**
 * The routes of a picture by where they end: one piece per end node (a node that edges come into and none leave),
 * holding every edge from which that end can be reached. Edges that reach no end (a cycle) are in no piece:
 * `pieceGraph` gives them to the first part.
 *
 * The ends come in the order of the first edge into each, the order the design's routes are drawn in, not the order
 * of the boxes: a box shared by several regions (Azure Resource Manager) is listed among the boxes where the first
 * region reaches it, so by box order two identical stamps would list their ends, and cut their parts, differently.
 */
export function endPieces(graph: ViewGraph): FlowPiece[] {
  const into = new Map<string, ViewGraph['edges']>();
  const leaves = new Set<string>();
  for (const e of graph.edges) {
    const list = into.get(e.to);
    if (list) list.push(e);
    else into.set(e.to, [e]);
    leaves.add(e.from);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const ends = [...into.keys()].filter((id) => !leaves.has(id) && byId.has(id)).map((id) => byId.get(id)!);
  return ends.map((end) => {
    const nodes = new Set([end.id]);
    const edges = new Set<string>();
    const queue = [end.id];
    while (queue.length) {
      for (const e of into.get(queue.pop()!) ?? []) {
        if (edges.has(e.id)) continue;
        edges.add(e.id);
        if (!nodes.has(e.from)) {
          nodes.add(e.from);
          queue.push(e.from);
        }
      }
    }
    return { id: end.id, name: end.label, nodes, edges };
  });
}

/**
 * The routes of a picture by where they start: one piece per start node (a node that edges leave and none come
 * into: an administrator, a build agent, a GitOps agent), holding every edge reachable from it. So one access path
 * (administrators → Bastion → jump box → API server) stays one picture, where runs of hops would cut it in the middle
 * and the routes to each end would put every path that meets at the API server into one. Edges no start reaches (a
 * cycle) are in no piece: `pieceGraph` gives them to the first part. Starts in the order of their first edge.
 */
export function startPieces(graph: ViewGraph): FlowPiece[] {
  const from = new Map<string, ViewGraph['edges']>();
  const entered = new Set<string>();
  for (const e of graph.edges) {
    const list = from.get(e.from);
    if (list) list.push(e);
    else from.set(e.from, [e]);
    entered.add(e.to);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const starts = [...from.keys()].filter((id) => !entered.has(id) && byId.has(id)).map((id) => byId.get(id)!);
  return starts.map((start) => {
    const nodes = new Set([start.id]);
    const edges = new Set<string>();
    const queue = [start.id];
    while (queue.length) {
      for (const e of from.get(queue.pop()!) ?? []) {
        if (edges.has(e.id)) continue;
        edges.add(e.id);
        if (!nodes.has(e.to)) {
          nodes.add(e.to);
          queue.push(e.to);
        }
      }
    }
    return { id: start.id, name: start.label, nodes, edges };
  });
}

/**
 * The hops of a picture by how far along the flow they start: piece k holds the edges leaving the nodes k edges from
 * the start (longest way in), so consecutive pieces are consecutive hops and the node between two runs is drawn at
 * the end of one and the start of the next. Undefined when the edges form a cycle (no order of hops).
 */
export function hopPieces(graph: ViewGraph): FlowPiece[] | undefined {
  const indegree = new Map<string, number>();
  const out = new Map<string, ViewGraph['edges']>();
  for (const e of graph.edges) {
    indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
    if (!indegree.has(e.from)) indegree.set(e.from, 0);
    const list = out.get(e.from);
    if (list) list.push(e);
    else out.set(e.from, [e]);
  }
  const depth = new Map<string, number>();
  const ready = [...indegree].filter(([, d]) => d === 0).map(([id]) => id);
  for (const id of ready) depth.set(id, 0);
  let done = 0;
  while (ready.length) {
    const id = ready.shift()!;
    done++;
    for (const e of out.get(id) ?? []) {
      depth.set(e.to, Math.max(depth.get(e.to) ?? 0, depth.get(id)! + 1));
      const left = indegree.get(e.to)! - 1;
      indegree.set(e.to, left);
      if (left === 0) ready.push(e.to);
    }
  }
  if (done < indegree.size) return undefined;
  const numbered = graph.edges.every((e) => e.step !== undefined);
  const pieces: FlowPiece[] = [];
  for (const e of graph.edges) {
    const k = depth.get(e.from)!;
    const p = (pieces[k] ??= { id: String(k + 1), name: String(k + 1), nodes: new Set(), edges: new Set() });
    p.nodes.add(e.from).add(e.to);
    p.edges.add(e.id);
    if (numbered && !(p.steps ??= []).includes(e.step!)) p.steps!.push(e.step!);
  }
  return pieces;
}

/**
 * The picture of some pieces: their edges, the nodes at their ends and the boxes around them, with the layout hints
 * between kept nodes. `orphans`: also what no piece holds (a note box without links, an empty box, an edge of a
 * cycle), so that the first part draws it and nothing of the picture is lost.
 */
export function pieceGraph(graph: ViewGraph, all: FlowPiece[], drawn: FlowPiece[], orphans = false): ViewGraph {
  const keep = new Set(drawn.flatMap((p) => [...p.nodes]));
  const edges = new Set(drawn.flatMap((p) => [...p.edges]));
  if (orphans) {
    const held = new Set(all.flatMap((p) => [...p.edges]));
    const touched = new Set(all.flatMap((p) => [...p.nodes]));
    for (const e of graph.edges) {
      if (held.has(e.id)) continue;
      edges.add(e.id);
      keep.add(e.from).add(e.to);
    }
    const parents = new Set(graph.nodes.map((n) => n.parent).filter((p): p is string => !!p));
    for (const n of graph.nodes) if (!touched.has(n.id) && !parents.has(n.id)) keep.add(n.id);
  }
  withContainers(graph, keep);
  const out: ViewGraph = {
    ...graph,
    nodes: graph.nodes.filter((n) => keep.has(n.id)),
    edges: graph.edges.filter((e) => edges.has(e.id) && keep.has(e.from) && keep.has(e.to)),
  };
  const hints = (graph.hints ?? []).filter((h) => keep.has(h.from) && keep.has(h.to));
  if (hints.length) out.hints = hints;
  else delete out.hints;
  if (out.nodes.filter((n) => n.kind === 'cluster').length < 2) delete out.keepOrder;
  return out;
}

/**
 * The title of a run of pieces: "to Mailgun", "to Mailgun and npm registry", "from Administrators", "hops 3 to 5 of 5".
 */
export function pieceTitle(by: PieceBy, all: FlowPiece[], drawn: FlowPiece[]): string {
  const first = drawn[0]?.name ?? '';
  const last = drawn[drawn.length - 1]?.name ?? '';
  if (by === 'hop') {
    // Numbered edges: the badges drawn on them (the hybrid entry and the first hop behind it are both step 1).
    if (all.length && all.every((p) => p.steps?.length)) {
      const steps = drawn.flatMap((p) => p.steps!);
      const [lo, hi] = [Math.min(...steps), Math.max(...steps)];
      const of = Math.max(...all.flatMap((p) => p.steps!));
      return lo === hi ? `hop ${lo} of ${of}` : `hops ${lo} to ${hi} of ${of}`;
    }
    const of = all[all.length - 1]?.name ?? '';
    return drawn.length === 1 ? `hop ${first} of ${of}` : `hops ${first} to ${last} of ${of}`;
  }
  const [word, counted] = by === 'from' ? ['from', 'starts'] : ['to', 'ends'];
  if (drawn.length === 1) return `${word} ${first}`;
  if (drawn.length === 2) return `${word} ${first} and ${last}`;
  if (drawn.length === 3) return `${word} ${first}, ${drawn[1]!.name} and ${last}`;
  return `${word} ${first} … ${last} (${drawn.length} ${counted})`;
}
