/**
 * A layout request with its boxes and lines named by position. ELK never sees the diagram's ids (elk.ts hands it
 * `n0`, `n1`, … and `e0`, `e1`, …), so two requests that differ only in names get the same layout: a renamed
 * ingress controller whose box keeps its size, or two spokes drawn alike. Keying the layout cache on this form
 * lets such a request reuse a stored layout; the stored layout is kept under these names and read back under the
 * asking request's own.
 */
import type { Box, LayoutRequest, LayoutResult, Route } from './elk.js';

export interface CanonicalRequest {
  /** The request with node ids `n<i>` and edge ids `e<i>` (`hint:e<i>` for a layout hint: elk.ts reads the prefix). */
  request: LayoutRequest;
  /** The asking request's node ids, by position. */
  nodeIds: readonly string[];
  /** The asking request's edge ids, by position. */
  edgeIds: readonly string[];
}

const HINT = 'hint:';

/**
 * The positional form of `req`, or undefined when the request is malformed (a duplicate id, an edge or parent
 * naming no node): that one is left to ELK's own checks, which report it by its real names.
 */
export function canonicalRequest(req: LayoutRequest): CanonicalRequest | undefined {
  const index = new Map<string, string>();
  for (const [i, n] of req.nodes.entries()) {
    if (index.has(n.id)) return undefined;
    index.set(n.id, `n${i}`);
  }
  const seen = new Set<string>();
  const nodes = [];
  for (const n of req.nodes) {
    const parent = n.parent === undefined ? undefined : index.get(n.parent);
    if (n.parent !== undefined && parent === undefined) return undefined;
    nodes.push({ ...n, id: index.get(n.id)!, ...(parent === undefined ? {} : { parent }) });
  }
  const edges = [];
  for (const [i, e] of req.edges.entries()) {
    const from = index.get(e.from);
    const to = index.get(e.to);
    if (from === undefined || to === undefined || seen.has(e.id)) return undefined;
    seen.add(e.id);
    edges.push({ ...e, id: `${e.id.startsWith(HINT) ? HINT : ''}e${i}`, from, to });
  }
  return {
    request: { ...req, nodes, edges },
    nodeIds: req.nodes.map((n) => n.id),
    edgeIds: req.edges.map((e) => e.id),
  };
}

/** Entries of a result keyed by the asking request's ids, renamed to positional ones (order kept). */
export function toPositional(result: LayoutResult, c: CanonicalRequest): { nodes: Array<[string, Box]>; edges: Array<[string, Route]> } {
  const node = new Map(c.nodeIds.map((id, i) => [id, `n${i}`]));
  const edge = new Map(c.edgeIds.map((id, i) => [id, `e${i}`]));
  return {
    nodes: [...result.nodes].map(([id, box]) => [node.get(id) ?? id, box]),
    edges: [...result.edges].map(([id, route]) => [edge.get(id) ?? id, route]),
  };
}

/** Positional entries renamed back to the asking request's ids; undefined if one names no box or line of it. */
export function fromPositional(
  nodes: ReadonlyArray<[string, Box]>,
  edges: ReadonlyArray<[string, Route]>,
  c: CanonicalRequest,
): { nodes: Map<string, Box>; edges: Map<string, Route> } | undefined {
  const back = (id: string, prefix: 'n' | 'e', ids: readonly string[]): string | undefined => {
    const m = /^[ne](0|[1-9]\d*)$/.exec(id);
    return m && id[0] === prefix ? ids[Number(m[1])] : undefined;
  };
  const outNodes = new Map<string, Box>();
  for (const [id, box] of nodes) {
    const real = back(id, 'n', c.nodeIds);
    if (real === undefined) return undefined;
    outNodes.set(real, box);
  }
  const outEdges = new Map<string, Route>();
  for (const [id, route] of edges) {
    const real = back(id, 'e', c.edgeIds);
    if (real === undefined) return undefined;
    outEdges.set(real, route);
  }
  return { nodes: outNodes, edges: outEdges };
}
