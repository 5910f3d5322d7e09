/** Helpers shared by the egress, ingress, reliability and lifecycle rules (not a rule: the file name starts with `_`). */
import { clusterDemand } from '../../model/capacity.js';
import { clustersEgressingVia, routingOf } from '../../model/egress.js';
import type { ModelQuery } from '../../model/query.js';
import { defaultRouteFor } from '../../model/routing.js';
import type {
  ClusterResource,
  Model,
  NormalizedRoute,
  ResourceOf,
} from '../../model/types.js';

/** Whether the design describes a production environment (`metadata.environment`). */
export function isProduction(model: Model): boolean {
  // Stryker disable next-line StringLiteral: equivalent, no stand-in text for a missing environment reads as production
  const env = model.metadata.environment ?? '';
  return /\bprod(uction)?\b/i.test(env) && !/\bnon-?prod/i.test(env);
}

/** 64000 -> "64,000" (locale-independent). */
export function fmt(n: number): string {
  // Infinity and NaN pass through unchanged: Math.trunc keeps them and the pattern needs digits.
  const s = String(Math.trunc(n));
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 node" / "3 nodes". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${fmt(n)} ${n === 1 ? word : many}`;
}

/**
 * The user route that is a subnet's effective 0.0.0.0/0 route, with its table and index; undefined
 * when no user route wins (the system Internet route or a gateway route applies).
 */
export function defaultRouteOf(
  q: ModelQuery,
  subnet: ResourceOf<'subnet'> | undefined,
): { table: ResourceOf<'routeTable'>; route: NormalizedRoute; index: number } | undefined {
  const t = subnet ? routingOf(q.model).get(subnet.id) : undefined;
  const r = t ? defaultRouteFor(t) : undefined;
  // Only a user route has an index, and routing gives it its table too.
  if (r?.routeIndex === undefined) return undefined;
  const table = q.getAs(r.routeTable, 'routeTable')!;
  return { table, route: table.routes[r.routeIndex]!, index: r.routeIndex };
}

/** Node count of a cluster at maximum scale and its upgrade surge (the capacity model's, summed over pools). */
export function clusterScale(q: ModelQuery, c: ClusterResource): { nodes: number; surge: number } {
  const d = clusterDemand(q, c);
  return { nodes: d.nodes, surge: d.surge };
}

export { fqdnAllowed, portIncluded } from '../../model/firewall.js';

/** Display of a zone list: "zones 1, 2, 3" / "no zones". */
export function zonesText(zones: readonly number[] | undefined): string {
  if (zones === undefined) return 'availability zones not stated';
  return zones.length === 0 ? 'no zones' : `zone${zones.length === 1 ? '' : 's'} ${zones.join(', ')}`;
}

/** The clusters whose effective egress path goes through the given firewall or NVA. */
export function clustersVia(q: ModelQuery, applianceId: string): ClusterResource[] {
  return clustersEgressingVia(q, applianceId);
}
