/** Helpers for the ingress rules (not a rule: the file name starts with `_`). */
import type { ModelQuery } from '../../model/query.js';
import type { IngressPathModel } from '../../model/types.js';

/** "agw → ilb → nginx" */
export function hopNames(q: ModelQuery, p: IngressPathModel): string {
  return p.hops.map((h) => q.name(h.resource)).join(' → ');
}

/** Resource kinds that proxy HTTP: they open a new connection, so the next hop never sees the client address. */
export const L7_PROXY_KINDS: ReadonlySet<string> = new Set(['frontDoor', 'applicationGateway', 'agc', 'apiManagement']);
