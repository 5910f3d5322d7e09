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
  return model.defaults.some((d) => d.element === c.id && d.path.endsWith('apiServer.mode'));
}

/** Access paths declared for a cluster. */
export function accessOf(model: Model, c: ClusterResource) {
  return model.controlPlaneAccess.filter((a) => a.cluster === c.id);
}
