/**
 * Encryption per segment of an ingress path: the one answer the traffic-flow narrative and the diagrams share.
 *
 * The state of each segment is decided once, when the path is normalized (the previous hop's TLS mode, the
 * protocol, a STRICT service mesh on the last segment), and stored on the path's edges; the ingress view draws
 * those edges. Readers that describe a path read the same edges through this module instead of re-deriving
 * encryption from protocols.
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
