/**
 * Collapse: a view of many spokes drawn with each distinct spoke shape once.
 *
 * A hub with 20 spokes built from one template draws the same picture 20 times, far too large to print at a
 * readable size. Here the spokes of a view graph are grouped by what the diagram shows of them (boxes, nesting,
 * kinds, icons, texts, edges, finding badges), with only their own names and addresses set aside; each group
 * with more than one member keeps its first spoke and gets a note box "+ N more spokes like vnet-spoke-1".
 * The members left out, with the names and addresses that tell them apart, go to a table beside the picture.
 *
 * Honesty: two spokes are grouped only when their abstracted drawings are equal byte for byte; a spoke that
 * differs in a subnet size, a SKU, a TLS state, an edge or a finding stays drawn. A name is set aside only where
 * it is a node's whole label or, inside other text, when it is distinctive (digits, hyphens, dots, spaces), so
 * a pool named "user" is never equated with a "system pool" detail.
 */
import { ModelQuery } from '../model/query.js';
import type { Id, Model } from '../model/types.js';
import type { ViewEdge, ViewGraph, ViewNode } from '../model/view-graph.js';
import { isActive, type Finding } from '../validate/finding.js';

/** One spoke left out of the picture. */
export interface CollapsedMember {
  /** Model id of the spoke VNet. */
  id: Id;
  name: string;
  /** The VNet's address space, comma-separated. */
  addressSpace: string;
  /** Names and addresses of this spoke that differ from the drawn one, in drawing order. */
  differs: string[];
  /** The same, as pairs [the drawn spoke's value, this spoke's value]: text about one reads as text about the other. */
  pairs: Array<[string, string]>;
}

/** A spoke drawn once for several, and the spokes it stands for. */
export interface CollapsedGroup {
  /** The drawn spoke. */
  representative: { id: Id; name: string; addressSpace: string };
  /** Id of the note box in the collapsed view graph. */
  noteId: string;
  /** The note's text ("+ 19 more spokes like vnet-spoke-1"). */
  note: string;
  members: CollapsedMember[];
}

export interface CollapseResult {
  graph: ViewGraph;
  groups: CollapsedGroup[];
  /** How many spokes the view has (drawn and listed). */
  spokes: number;
}

const BOUNDARY_BEFORE = '(?<![A-Za-z0-9_.-])';
const BOUNDARY_AFTER = '(?![A-Za-z0-9_-])';
const IPV4 = '\\d{1,3}(?:\\.\\d{1,3}){3}(?:/\\d{1,2})?';

/** Names that can be told from ordinary words inside a detail line. */
const distinctive = (name: string) => name.length >= 3 && /[\d\-_. ]/.test(name);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Which spoke each model element belongs to: the spoke VNet itself, everything placed in it (by parent chain),
 * clusters whose node subnets lie in it and everything of those clusters, and the ids of the paths and accesses
 * of those clusters (flow views name derived nodes after them).
 */
export function spokeOwners(model: Model, q = new ModelQuery(model)): Map<string, Id> {
  const cached = ownersCache.get(model);
  if (cached) return cached;
  const spokes = new Set(
    q
      .all('vnet')
      .filter((v) => v.role === 'spoke')
      .map((v) => v.id),
  );
  const owner = new Map<string, Id | null>();
  const ownerOf = (id: Id | undefined, depth = 0): Id | null => {
    if (!id || depth > 32) return null;
    const known = owner.get(id);
    if (known !== undefined) return known;
    let u: Id | null = null;
    if (spokes.has(id)) u = id;
    else {
      const r = q.get(id);
      if (r?.kind === 'cluster') {
        const vnets = new Set(q.nodeSubnets(r.id).map((s) => s.vnet));
        const [only] = [...vnets];
        u = vnets.size === 1 && only !== undefined && spokes.has(only) ? only : null;
      } else if (r) {
        u = ownerOf(r.parent, depth + 1);
        const c = (r as { cluster?: Id }).cluster;
        if (u === null && typeof c === 'string') u = ownerOf(c, depth + 1);
      }
    }
    owner.set(id, u);
    return u;
  };
  const out = new Map<string, Id>();
  for (const r of model.resources) {
    const u = ownerOf(r.id);
    if (u) out.set(r.id, u);
  }
  const byCluster = (id: string, cluster: Id | undefined) => {
    const u = ownerOf(cluster);
    if (u) out.set(id, u);
  };
  for (const p of model.ingressPaths) byCluster(p.id, p.cluster);
  for (const p of model.egressPaths) byCluster(p.id, p.cluster);
  for (const a of model.controlPlaneAccess) byCluster(a.id, a.cluster);
  ownersCache.set(model, out);
  return out;
}

/** Owners per model: a pack collapses four views of one model. */
const ownersCache = new WeakMap<Model, Map<string, Id>>();

/** The view nodes of each spoke; spokes whose nodes nest inside another spoke's are left out (never collapsed). */
export function spokeUnits(graph: ViewGraph, owners: Map<string, Id>): Map<Id, ViewNode[]> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const unitOf = new Map<string, Id>();
  const direct = (n: ViewNode): Id | undefined => {
    if (n.element) return owners.get(n.element);
    // Derived nodes (`actor:<access id>`, `gitops:<access id>`) carry the id of what they stand for.
    for (let i = n.id.indexOf(':'); i >= 0; i = n.id.indexOf(':', i + 1)) {
      const u = owners.get(n.id.slice(i + 1));
      if (u) return u;
    }
    return undefined;
  };
  for (const n of graph.nodes) {
    const u = direct(n);
    if (u) unitOf.set(n.id, u);
  }
  const entangled = new Set<Id>();
  // A node inside a spoke's box belongs to that spoke; a box of one spoke inside another's entangles both.
  const inherited = (n: ViewNode, depth = 0): Id | undefined => {
    const p = n.parent ? byId.get(n.parent) : undefined;
    if (!p || depth > 64) return undefined;
    return unitOf.get(p.id) ?? inherited(p, depth + 1);
  };
  for (const n of graph.nodes) {
    const up = inherited(n);
    const own = unitOf.get(n.id);
    if (own && up && own !== up) entangled.add(own).add(up);
    if (!own && up) unitOf.set(n.id, up);
  }
  // Satellites: a free-standing leaf (a client, a PaaS service in its zone) whose every edge ends in one spoke.
  const hasChildren = new Set(graph.nodes.map((n) => n.parent).filter((p): p is string => !!p));
  const neighbours = new Map<string, string[]>();
  for (const e of graph.edges) {
    for (const [a, b] of [
      [e.from, e.to],
      [e.to, e.from],
    ] as const) {
      const list = neighbours.get(a);
      if (list) list.push(b);
      else neighbours.set(a, [b]);
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const n of graph.nodes) {
      if (unitOf.has(n.id) || hasChildren.has(n.id)) continue;
      if (n.element && owners.has(n.element)) continue;
      const parent = n.parent ? byId.get(n.parent) : undefined;
      if (parent && parent.style !== 'zone') continue;
      const ns = neighbours.get(n.id) ?? [];
      const units = new Set(ns.map((x) => unitOf.get(x)));
      const [only] = [...units];
      if (ns.length > 0 && units.size === 1 && only) {
        unitOf.set(n.id, only);
        changed = true;
      }
    }
  }
  const units = new Map<Id, ViewNode[]>();
  for (const n of graph.nodes) {
    const u = unitOf.get(n.id);
    if (!u || entangled.has(u)) continue;
    const list = units.get(u) ?? [];
    list.push(n);
    units.set(u, list);
  }
  return units;
}

interface Slot {
  value: string;
  /** The label of the node (or edge) the value was read in, for the table. */
  context: string;
}

export interface Shape {
  key: string;
  slots: Slot[];
}

/** What the diagram shows of one spoke, with its names and addresses replaced by numbered placeholders. */
function shapeOf(nodes: ViewNode[], edges: readonly ViewEdge[], names: string[], badges: Map<string, string>): Shape {
  const inUnit = new Map(nodes.map((n, i) => [n.id, i]));
  const sorted = [...new Set(names.filter(distinctive))].sort((a, b) => b.length - a.length);
  const re = new RegExp(`${BOUNDARY_BEFORE}(?:${[...sorted.map(escapeRe), IPV4].join('|')})${BOUNDARY_AFTER}`, 'g');
  const numbered = new Map<string, number>();
  const slots: Slot[] = [];
  const slot = (value: string, context: string): string => {
    let k = numbered.get(value);
    if (k === undefined) {
      k = numbered.size;
      numbered.set(value, k);
      slots.push({ value, context });
    }
    return `\u27e8${k}\u27e9`;
  };
  // An address keeps its prefix length in the shape: spokes with subnets of other sizes are not alike.
  const text = (s: string, context: string) =>
    s.replace(re, (m) => (m.includes('/') ? `${slot(m, context)}/${m.split('/')[1]}` : slot(m, context)));
  const nameSet = new Set(names);
  const ref = (id: string) => (inUnit.has(id) ? `#${inUnit.get(id)}` : `@${id}`);
  const parts: unknown[] = nodes.map((n) => {
    const label = nameSet.has(n.label) ? slot(n.label, n.label) : text(n.label, n.label);
    return [
      n.kind,
      n.style,
      n.icon ?? '',
      n.ports ? 1 : 0,
      n.layer ?? '',
      n.parent ? ref(n.parent) : '',
      label,
      n.details.map((d) => text(d, n.label)),
      badges.get(n.element ?? '') ?? '',
    ];
  });
  // Edges in a canonical order: the order a view happens to add them in is not something it draws.
  const edgeParts = edges.map((e) =>
    JSON.stringify([
      'edge',
      ref(e.from),
      ref(e.to),
      e.style,
      text(e.label ?? '', e.label ?? ''),
      e.tls ?? '',
      e.step ?? '',
      e.undirected ? 1 : 0,
    ]),
  );
  return { key: JSON.stringify([parts, edgeParts.sort()]), slots };
}

/**
 * A spoke's nodes as a tree: each box before what it contains, siblings in view order (the order they are
 * drawn in), top-level boxes by kind first, so the order a view happened to create them in does not count.
 */
function treeOrder(nodes: ViewNode[]): ViewNode[] {
  const ids = new Set(nodes.map((n) => n.id));
  const kids = new Map<string, ViewNode[]>();
  const roots: ViewNode[] = [];
  for (const n of nodes) {
    if (n.parent && ids.has(n.parent)) {
      const list = kids.get(n.parent);
      if (list) list.push(n);
      else kids.set(n.parent, [n]);
    } else roots.push(n);
  }
  const rank = new Map(nodes.map((n, i) => [n.id, i]));
  roots.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : rank.get(a.id)! - rank.get(b.id)!));
  const out: ViewNode[] = [];
  const visit = (n: ViewNode, depth: number) => {
    out.push(n);
    if (depth < 64) for (const c of kids.get(n.id) ?? []) visit(c, depth + 1);
  };
  for (const r of roots) visit(r, 0);
  // Never leave a node out of the shape (a parent cycle would): what is not compared could hide a difference.
  if (out.length < nodes.length) {
    const seen = new Set(out);
    out.push(...nodes.filter((n) => !seen.has(n)));
  }
  return out;
}

/** Open findings per element as a stable key: what the badges show, and which rules raised them. */
function badgeKeys(findings: readonly Finding[]): Map<string, string> {
  const per = new Map<string, string[]>();
  for (const f of findings) {
    if (!f.element || !isActive(f)) continue;
    const list = per.get(f.element);
    if (list) list.push(`${f.severity}:${f.ruleId}`);
    else per.set(f.element, [`${f.severity}:${f.ruleId}`]);
  }
  return new Map([...per].map(([k, v]) => [k, v.sort().join(',')]));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Each spoke's view nodes and shape (its drawing with names and addresses abstracted), in natural name order. */
export function spokeShapes(
  graph: ViewGraph,
  model: Model,
  findings: readonly Finding[] = [],
  q = new ModelQuery(model),
): { units: Map<Id, ViewNode[]>; shapes: Map<Id, Shape> } {
  const owners = spokeOwners(model, q);
  const found = spokeUnits(graph, owners);
  const order = [...found.keys()].sort(
    (a, b) => q.name(a).localeCompare(q.name(b), 'en', { numeric: true }) || (a < b ? -1 : 1),
  );
  const units = new Map(order.map((u) => [u, found.get(u)!]));
  const badges = badgeKeys(findings);
  // A spoke's names: of the elements it owns in the model and of those the view attached to it (satellites).
  const namesOf = new Map<Id, string[]>();
  const addName = (id: Id | undefined, u: Id) => {
    const r = q.get(id);
    if (!r) return;
    const list = namesOf.get(u) ?? [];
    list.push(r.name);
    const fqdn = (r as { fqdn?: unknown }).fqdn;
    if (typeof fqdn === 'string') list.push(fqdn);
    namesOf.set(u, list);
  };
  for (const [id, u] of owners) addName(id, u);
  for (const [u, nodes] of units)
    for (const n of nodes) if (n.element && owners.get(n.element) !== u) addName(n.element, u);
  const shapes = new Map<Id, Shape>();
  // The edges each spoke touches, in view order: indexed once, not scanned per spoke.
  const edgesOf = new Map<Id, number[]>();
  const unitOfNode = new Map<string, Id>();
  for (const [u, nodes] of units) for (const n of nodes) unitOfNode.set(n.id, u);
  graph.edges.forEach((e, i) => {
    for (const u of new Set([unitOfNode.get(e.from), unitOfNode.get(e.to)])) {
      if (!u) continue;
      const list = edgesOf.get(u);
      if (list) list.push(i);
      else edgesOf.set(u, [i]);
    }
  });
  for (const [unit, nodes] of units) {
    const edges = (edgesOf.get(unit) ?? []).map((i) => graph.edges[i]!);
    shapes.set(unit, shapeOf(treeOrder(nodes), edges, namesOf.get(unit) ?? [], badges));
  }
  return { units, shapes };
}

/**
 * Groups the spokes of a view by shape and keeps one of each group (with a note box standing for the others).
 * Groups of fewer than `minGroup` spokes are drawn in full. The graph is returned unchanged when nothing groups.
 */
export function collapseView(
  graph: ViewGraph,
  model: Model,
  findings: readonly Finding[] = [],
  minGroup = 2,
): CollapseResult {
  const q = new ModelQuery(model);
  const { units, shapes } = spokeShapes(graph, model, findings, q);
  const classes = new Map<string, Array<{ unit: Id; shape: Shape }>>();
  for (const [unit, shape] of shapes) {
    const list = classes.get(shape.key) ?? [];
    list.push({ unit, shape });
    classes.set(shape.key, list);
  }
  const spokeInfo = (id: Id) => {
    const v = q.getAs(id, 'vnet');
    return { id, name: v?.name ?? q.name(id), addressSpace: v?.addressSpace.join(', ') ?? '' };
  };
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  /** Whether a node lies inside the box `ancestor`. */
  const below = (n: ViewNode, ancestor: string): boolean => {
    let p = n.parent;
    for (let depth = 0; p !== undefined && depth < 64; depth++, p = byId.get(p)?.parent) {
      if (p === ancestor) return true;
    }
    return false;
  };
  const removed = new Set<string>();
  const groups: CollapsedGroup[] = [];
  const extraNodes: ViewNode[] = [];
  const extraEdges: ViewEdge[] = [];
  const extraHints: Array<{ from: string; to: string }> = [];
  for (const members of classes.values()) {
    if (members.length < minGroup) continue;
    const [rep, ...rest] = members as [{ unit: Id; shape: Shape }, ...Array<{ unit: Id; shape: Shape }>];
    const repNodes = units.get(rep.unit)!;
    for (const m of rest) for (const n of units.get(m.unit)!) removed.add(n.id);
    const info = spokeInfo(rep.unit);
    const ownNames = (id: Id) => {
      const i = spokeInfo(id);
      return new Set([i.name, ...i.addressSpace.split(', ')]);
    };
    // A slot goes in the table when its value is not the same in every member of the group.
    const varying = rep.shape.slots.map((_, k) =>
      members.some((m) => m.shape.slots[k]?.value !== rep.shape.slots[k]?.value),
    );
    const listed: CollapsedMember[] = rest.map((m) => {
      const own = ownNames(m.unit);
      const differs = m.shape.slots
        .filter((s, k) => varying[k] && !own.has(s.value))
        .map((s) => (/^\d|\./.test(s.value) && !s.context.includes(s.value) ? `${s.context} ${s.value}` : s.value));
      const pairs = m.shape.slots
        .map((x, k): [string, string] => [rep.shape.slots[k]!.value, x.value])
        .filter(([a, b], k) => varying[k] && a !== b);
      return { ...spokeInfo(m.unit), differs: [...new Set(differs)], pairs };
    });
    const root = repNodes.find((n) => n.element === rep.unit) ?? repNodes[0]!;
    const noteId = `collapsed:${rep.unit}`;
    const note = `+ ${plural(rest.length, 'more spoke', 'more spokes')} like ${info.name}`;
    extraNodes.push({
      id: noteId,
      kind: 'collapsed',
      label: note,
      details: ['same subnets, parts and links;', 'listed in "Spokes drawn once"'],
      style: 'leaf',
      ...(root.parent ? { parent: root.parent } : {}),
    });
    // The note keeps the drawn spoke's links to the rest of the picture, once each, with the count.
    const repIds = new Set(repNodes.map((n) => n.id));
    const seen = new Set<string>();
    // The note's links stand for the other spokes' links: the drawn spoke's own names and addresses ("https:443 ·
    // aks-1") are left out of their labels, which would otherwise name the one spoke the note is not.
    const own = rep.shape.slots
      .filter((_, k) => varying[k])
      .map((x) => escapeRe(x.value))
      .sort((a, b) => b.length - a.length);
    const ownRe = own.length ? new RegExp(`${BOUNDARY_BEFORE}(?:${own.join('|')})${BOUNDARY_AFTER}`, 'g') : undefined;
    const general = (label: string) =>
      ownRe
        ? label
            .replace(ownRe, '')
            .replace(/\s*·\s*(?:·\s*)+/g, ' · ')
            .replace(/^[\s·]+|[\s·]+$/g, '')
        : label;
    // A part of the spoke outside its VNet box that links come into (a destination) gets a note of its own
    // ("+ 19 more like Partner API"), as the whole view draws one per spoke: one note for both ends of a flow (the
    // spokes' routes out, their destinations in) closes a cycle the layout draws as a loop around the picture.
    const satellites = new Map<string, string>();
    const noteFor = (inside: string, incoming: boolean): string => {
      const n = byId.get(inside);
      if (!n || !incoming || inside === root.id || below(n, root.id)) return noteId;
      let id = satellites.get(inside);
      if (id === undefined) {
        id = `${noteId}:like:${inside}`;
        satellites.set(inside, id);
        extraNodes.push({
          id,
          kind: 'collapsed',
          label: `+ ${rest.length} more like ${general(n.label) || n.label}`,
          details: [`one for each spoke like ${info.name}`],
          style: 'leaf',
          ...(n.parent ? { parent: n.parent } : {}),
        });
      }
      return id;
    };
    for (const e of graph.edges) {
      const fromIn = repIds.has(e.from);
      const toIn = repIds.has(e.to);
      if (fromIn === toIn) continue;
      const other = fromIn ? e.to : e.from;
      const inside = noteFor(fromIn ? e.from : e.to, !fromIn);
      const key = JSON.stringify([inside, other, fromIn, e.style, e.label ?? '', e.tls ?? '', e.undirected ?? false]);
      if (seen.has(key)) continue;
      seen.add(key);
      extraEdges.push({
        id: `${noteId}:${seen.size}`,
        from: fromIn ? inside : other,
        to: fromIn ? other : inside,
        style: e.style,
        label: `${e.label && general(e.label) ? `${general(e.label)} ` : ''}\u00d7${rest.length}`,
        ...(e.tls ? { tls: e.tls } : {}),
        ...(e.undirected ? { undirected: true } : {}),
      });
    }
    // The note is not tied after the drawn spoke: with links it sits where they put it, beside the spoke it stands
    // for; tied after it, it adds a column (a row top-down) of its own and pushes everything it links to one further
    // (the 20-spoke egress view: the route table and all after it a row lower). Without links (an ingress view,
    // whose clients belong to the spokes) it has no place to be pushed from.
    groups.push({ representative: info, noteId, note, members: listed });
  }
  if (groups.length === 0) return { graph, groups, spokes: units.size };
  const keep = (id: string) => !removed.has(id);
  const out: ViewGraph = {
    ...graph,
    nodes: [...graph.nodes.filter((n) => keep(n.id)), ...extraNodes],
    edges: [...graph.edges.filter((e) => keep(e.from) && keep(e.to)), ...extraEdges],
  };
  const hints = [...(graph.hints ?? []).filter((h) => keep(h.from) && keep(h.to)), ...extraHints];
  if (hints.length) out.hints = hints;
  else delete out.hints;
  return { graph: out, groups, spokes: units.size };
}
