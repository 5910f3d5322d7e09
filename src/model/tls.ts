/**
 * Encryption per segment of an ingress path: the one answer the traffic-flow narrative and the diagrams share.
 *
 * The state of each segment is decided once, when the path is normalized (the previous hop's TLS mode, the
 * protocol, a STRICT service mesh on the last segment), and stored on the path's edges; the ingress view draws
 * those edges. Readers that describe a path read the same edges through this module instead of re-deriving
 * encryption from protocols. A segment whose state hangs on a fact the design leaves unknown (the mesh's mTLS
 * mode behind an ingress controller) has no state: readers say "not stated" and `undecidedBy` names the fact.
 */
import type { Edge, Id, IngressPathModel, Model, TlsState } from './types.js';

export interface PathSegment {
  from: Id;
  to: Id;
  /** Undefined when the design does not say (a segment the normalizer could not judge). */
  tls: TlsState | undefined;
  edge: Edge;
}

/** The segments of an ingress path, client first, each with its encryption state. */
export function pathSegments(model: Model, path: IngressPathModel): PathSegment[] {
  // Indexed once per model: a pack asks for every path's segments (500 paths × 5,000 edges otherwise).
  let byId = edgeIndex.get(model);
  if (!byId) {
    byId = new Map(model.edges.map((e) => [e.id, e]));
    edgeIndex.set(model, byId);
  }
  return path.edges
    .map((id) => byId.get(id))
    .filter((e): e is Edge => e !== undefined)
    .map((e) => ({ from: e.from, to: e.to, tls: e.tls, edge: e }));
}

const edgeIndex = new WeakMap<Model, Map<string, Edge>>();

/** Whether a segment's bytes are encrypted on the wire (TLS, mesh mTLS, or TLS passed through). */
export function isEncrypted(tls: TlsState | undefined): boolean {
  return tls === 'tls' || tls === 'mtls' || tls === 'passthrough';
}

/** The unknown fact that leaves a segment without a state, for a rule's unverified check or a reader's wording. */
export interface UndecidedTls {
  /** The element whose fact is missing (the path's cluster). */
  element: Id;
  /** The missing property on that element. */
  property: 'serviceMesh.mtls';
  /** Display name of the element. */
  name: string;
}

/**
 * Why `segment` has no encryption state: only the last segment behind an ingress controller of a mesh whose mTLS
 * mode is unknown is left undecided by the normalizer (src/normalize/paths.ts).
 */
export function undecidedBy(model: Model, path: IngressPathModel, segment: PathSegment): UndecidedTls | undefined {
  if (segment.tls !== undefined || path.target === undefined || segment.to !== path.target) return undefined;
  const cluster = model.resources.find((r) => r.id === path.cluster);
  if (cluster?.kind !== 'cluster' || cluster.serviceMesh.kind === 'none' || cluster.serviceMesh.mtls !== undefined) return undefined;
  return { element: cluster.id, property: 'serviceMesh.mtls', name: cluster.name };
}
