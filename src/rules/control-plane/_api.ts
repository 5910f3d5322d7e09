/** Small views over a cluster's API server settings shared by the control-plane rules. */
import type { Model, ClusterResource } from '../../model/types.js';

/** Whether the API server has a public endpoint (public mode, or VNet integration without private). */
export function isPublic(c: ClusterResource): boolean {
  return c.apiServer.mode === 'public' || (c.apiServer.mode === 'vnet-integration' && !c.apiServer.private);
}

/** Whether the API server is reachable only privately. */
export function isPrivate(c: ClusterResource): boolean {
  return c.apiServer.mode === 'private' || (c.apiServer.mode === 'vnet-integration' && c.apiServer.private);
}

/** Authorized IP ranges of a public endpoint (empty otherwise). */
export function authorizedRanges(c: ClusterResource): string[] {
  const a = c.apiServer;
  if (a.mode === 'public' || (a.mode === 'vnet-integration' && !a.private)) return a.authorizedIpRanges ?? [];
  return [];
}

/** Whether the ranges restrict anything (non-empty and without 0.0.0.0/0). */
export function restricts(ranges: string[]): boolean {
  return ranges.length > 0 && !ranges.includes('0.0.0.0/0');
}

/** Whether the cluster's API server section was filled in by the normalizer (not written). */
export function apiServerDefaulted(model: Model, c: ClusterResource): boolean {
  return indexOf(model).defaultedApi.has(c.id);
}

/** Access paths declared for a cluster. */
export function accessOf(model: Model, c: ClusterResource) {
  return indexOf(model).access.get(c.id) ?? [];
}

// Built once per model (h15, issue #15): scanning every access path and default per cluster made the
// control-plane rules quadratic in clusters.
type Access = Model['controlPlaneAccess'][number];
const indexes = new WeakMap<Model, { access: Map<string, Access[]>; defaultedApi: Set<string> }>();
function indexOf(model: Model) {
  let ix = indexes.get(model);
  if (!ix) {
    const access = new Map<string, Access[]>();
    for (const a of model.controlPlaneAccess) access.set(a.cluster, [...(access.get(a.cluster) ?? []), a]);
    const defaultedApi = new Set(model.defaults.filter((d) => d.path.endsWith('apiServer.mode')).map((d) => d.element));
    indexes.set(model, (ix = { access, defaultedApi }));
  }
  return ix;
}
