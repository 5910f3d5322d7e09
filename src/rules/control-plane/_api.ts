/** Small views over a cluster's API server settings shared by the control-plane rules. */
import type { ModelQuery } from '../../model/query.js';
import { accessClient } from '../../model/access.js';
import type { Model, ClusterResource, Id, ResourceOf } from '../../model/types.js';

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

/**
 * Where an access path enters the Azure network: the subnet of its Bastion, jump box or self-hosted agents, or the
 * gateway subnet of a hybrid connection (`hybrid`: its clients sit on premises). Undefined for paths that do not start
 * in a VNet (Microsoft-hosted agents, command invoke, GitOps in the cluster).
 */
export function accessEntry(q: ModelQuery, a: Access): { from: NonNullable<ReturnType<ModelQuery['get']>>; subnet: Id; hybrid: boolean } | undefined {
  // Bastion is never where kubectl runs; without the VM it opens, the entry is unknown (rules ask for the VM).
  if (accessClient(q, a).kind === 'unstated') return undefined;
  const from = q.get(a.from);
  if (from?.kind === 'bastion' || from?.kind === 'jumpBox') return from.subnet ? { from, subnet: from.subnet, hybrid: false } : undefined;
  if (from?.kind === 'buildAgents' && from.hosting === 'self-hosted') return from.subnet ? { from, subnet: from.subnet, hybrid: false } : undefined;
  if (from?.kind === 'hybridConnection') {
    const subnet = q.getAs(from.gateway, 'vnetGateway')?.subnet;
    return subnet ? { from, subnet, hybrid: true } : undefined;
  }
  return undefined;
}

/**
 * The VNets in which the private DNS zone of a private cluster answers for its API server. AKS links the zone to the
 * VNet that hosts the cluster itself: the zone it creates (system) only there, and a zone you bring there as well,
 * even when the zone's declared links leave that VNet out.
 * https://learn.microsoft.com/azure/aks/private-clusters#hub-and-spoke-with-custom-dns
 * `complete` is false when a zone you bring does not state its links (other VNets may be linked). Undefined for a
 * public endpoint, privateDnsZone 'none', an AKS-managed VNet, or a zone reference that does not resolve.
 */
export function zoneLinks(q: ModelQuery, c: ClusterResource): { zone?: ResourceOf<'privateDnsZone'>; linked: Id[]; complete: boolean } | undefined {
  const a = c.apiServer;
  if (!isPrivate(c) || a.mode === 'public' || a.privateDnsZone === 'none' || c.managedVnet) return undefined;
  const zone = a.privateDnsZone === 'system' ? undefined : q.getAs(a.privateDnsZone, 'privateDnsZone');
  if (a.privateDnsZone !== 'system' && !zone) return undefined;
  const linked = new Set<Id>(zone?.links ?? []);
  for (const s of q.nodeSubnets(c.id)) linked.add(s.vnet);
  return { ...(zone ? { zone } : {}), linked: [...linked], complete: !zone || zone.links !== undefined };
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
