/**
 * One order for the repeated parts of a design (regions, VNets, clusters), shared by every diagram so that a
 * stamp or spoke keeps its place from the topology to the ingress, egress and control-plane views.
 *
 * Hubs come before the VNets they serve; otherwise the design's own order decides (the index of the DSL value a
 * part came from, `network.vnets[3]`, `clusters[1]`), not the alphabetical order of ids. A region ranks by its
 * first VNet; a cluster ranks by the VNet of its node subnets, then by its own declaration.
 */
import type { ModelQuery } from './query.js';
import type { Id, Resource, ResourceOf } from './types.js';

const ROLE_RANK: Record<string, number> = { hub: 0, standalone: 1, spoke: 2 };

/** The numbers of a DSL path (`network.vnets[3].subnets[1]` → [3, 1]), for comparing declaration order. */
function declaration(r: Resource): number[] {
  return [...r.source.path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

function compareNumbers(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export interface PartOrder {
  /** Regions by name, VNets and clusters by id; lower ranks first. */
  rank: ReadonlyMap<string, number>;
  regions: string[];
  vnets: Array<ResourceOf<'vnet'>>;
  clusters: Array<ResourceOf<'cluster'>>;
}

const cache = new WeakMap<object, PartOrder>();

/** The order of the design's regions, VNets and clusters. */
export function partOrder(q: ModelQuery): PartOrder {
  const hit = cache.get(q.model);
  if (hit) return hit;
  const byDeclaration = (a: Resource, b: Resource): number =>
    compareNumbers(declaration(a), declaration(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const declared = [...q.all('vnet')].sort(byDeclaration);
  // Regions in the order their first VNet is declared (hubs first), then the VNets region by region.
  const regionFirst = new Map<string, number>();
  const byRole = [...declared].sort((a, b) => (ROLE_RANK[a.role] ?? 1) - (ROLE_RANK[b.role] ?? 1));
  for (const v of [...byRole, ...declared]) if (!regionFirst.has(v.region)) regionFirst.set(v.region, regionFirst.size);
  const regionRank = (name: string): number => regionFirst.get(name) ?? regionFirst.size;
  const vnets = [...declared].sort(
    (a, b) =>
      regionRank(a.region) - regionRank(b.region) ||
      (ROLE_RANK[a.role] ?? 1) - (ROLE_RANK[b.role] ?? 1) ||
      byDeclaration(a, b),
  );
  const vnetRank = new Map<Id, number>(vnets.map((v, i) => [v.id, i]));
  const clusterVnet = (c: ResourceOf<'cluster'>): number => {
    const ranks = q.nodeSubnets(c.id).map((s) => vnetRank.get(s.vnet) ?? vnets.length);
    return ranks.length ? Math.min(...ranks) : vnets.length;
  };
  const clusters = [...q.all('cluster')].sort(
    (a, b) => regionRank(a.region) - regionRank(b.region) || clusterVnet(a) - clusterVnet(b) || byDeclaration(a, b),
  );
  const regions = [...new Set([...vnets.map((v) => v.region), ...clusters.map((c) => c.region)])].sort(
    (a, b) => regionRank(a) - regionRank(b) || (a < b ? -1 : 1),
  );
  const rank = new Map<string, number>();
  regions.forEach((r, i) => rank.set(r, i));
  vnets.forEach((v, i) => rank.set(v.id, i));
  clusters.forEach((c, i) => rank.set(c.id, i));
  const order: PartOrder = { rank, regions, vnets, clusters };
  cache.set(q.model, order);
  return order;
}
