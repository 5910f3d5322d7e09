/** Helpers shared by the egress, ingress, reliability and lifecycle rules (not a rule: the file name starts with `_`). */
import type { ModelQuery } from '../../model/query.js';
import type { ClusterResource, Model, NormalizedRoute, ResourceOf } from '../../model/types.js';
import { REGIONS, zoneSupport } from '../../model/data/regions.js';

/** Whether the design describes a production environment (`metadata.environment`). */
export function isProduction(model: Model): boolean {
  const env = model.metadata.environment ?? '';
  return /\bprod(uction)?\b/i.test(env) && !/\bnon-?prod/i.test(env);
}

/** 64000 -> "64,000" (locale-independent). */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(Math.trunc(n));
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 node" / "3 nodes". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${fmt(n)} ${n === 1 ? word : many}`;
}

/** The 0.0.0.0/0 route of a subnet's route table, with its index in the table. */
export function defaultRouteOf(
  q: ModelQuery,
  subnet: ResourceOf<'subnet'> | undefined,
): { table: ResourceOf<'routeTable'>; route: NormalizedRoute; index: number } | undefined {
  const table = q.getAs(subnet?.routeTable, 'routeTable');
  if (!table) return undefined;
  const index = table.routes.findIndex((r) => r.prefix === '0.0.0.0/0');
  if (index < 0) return undefined;
  return { table, route: table.routes[index]!, index };
}

/** Whether a route sends traffic to a firewall or NVA. */
export function toAppliance(route: NormalizedRoute | undefined): boolean {
  return route?.nextHopType === 'VirtualAppliance';
}

/** Node count of a cluster at maximum scale, plus the largest upgrade surge of one pool (pools upgrade one at a time). */
export function clusterScale(q: ModelQuery, c: ClusterResource): { nodes: number; surge: number } {
  let nodes = 0;
  let surge = 0;
  for (const p of q.pools(c.id)) {
    nodes += Number.isFinite(p.maxNodes) ? Math.max(0, p.maxNodes) : 0;
    if (Number.isFinite(p.surgeNodes)) surge = Math.max(surge, p.surgeNodes);
  }
  return { nodes, surge };
}

/** Whether an FQDN allow entry (`*`, `*.example.com`, `api.example.com`) matches an FQDN (which may itself be a wildcard). */
export function fqdnAllowed(rule: string, fqdn: string): boolean {
  const r = rule.trim().toLowerCase().replace(/\.$/, '');
  const f = fqdn.trim().toLowerCase().replace(/\.$/, '');
  if (!r || !f) return false;
  if (r === '*' || r === f) return true;
  if (r.startsWith('*.')) return f.endsWith(r.slice(1));
  return false;
}

/** Regions with availability zones, from the region table (src/model/data/regions.ts). */
export const ZONAL_REGIONS: ReadonlySet<string> = new Set(
  Object.entries(REGIONS)
    .filter(([, r]) => r.zones)
    .map(([name]) => name),
);

/** Whether the region table says the region has zones (false for unknown regions: see zoneSupport). */
export function hasZones(region: string | undefined): boolean {
  return zoneSupport(region) === 'zonal';
}

/** Display of a zone list: "zones 1, 2, 3" / "no zones". */
export function zonesText(zones: readonly number[]): string {
  return zones.length === 0 ? 'no zones' : `zone${zones.length === 1 ? '' : 's'} ${zones.join(', ')}`;
}

/** The clusters whose egress leaves through the given firewall or NVA (outbound userDefinedRouting). */
export function clustersVia(q: ModelQuery, applianceId: string): ClusterResource[] {
  if (!applianceId) return [];
  return q.all('cluster').filter((c) => c.outbound.type === 'userDefinedRouting' && c.outbound.via === applianceId);
}
