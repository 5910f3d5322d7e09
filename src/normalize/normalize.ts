/**
 * Turns an architecture value (as written in the DSL) into the normalized model.
 *
 * The walk visits the architecture in a fixed order (VNets and their subnets first, then the other
 * network lists, clusters, ingress paths), so each part's canonical DSL path and id are the same on
 * every run. Parts reached only by reference are discovered on the way. The stages live in their own
 * modules: `context` (registration and ids), `parts`, `network`, `cluster`, `paths`, `document`.
 */
import type { Model } from '../model/types.js';
import { computeRouting } from '../model/routing.js';
import { primeRouting } from '../model/egress.js';
import { NormalizeContext } from './context.js';
import { readDecisions, readMetadata, readReview } from './document.js';
import { readNetwork } from './network.js';
import { normalizePart } from './parts.js';
import { clusterPaths, egressDestinationsByCluster, ingressPath, linkGatewaysToClusters } from './paths.js';
import { Fields, describe, isRecord, type NormalizeIssue } from './reader.js';
import { cmp, dedupeDefaults, dedupeUnknown } from './util.js';
import { checkInput } from './input-checks.js';
import { unknownKeys } from './unknown-keys.js';

export interface NormalizeResult {
  model: Model;
  issues: NormalizeIssue[];
}

/** Normalizes an architecture value into the model plus the structural issues found on the way. */
export function normalize(input: unknown): NormalizeResult {
  const n = new NormalizeContext(normalizePart);
  const root = isRecord(input) ? input : {};
  if (!isRecord(input)) {
    n.sink.issues.push({ ruleId: 'structure/schema', message: `the architecture must be an object, got ${describe(input)}`, path: '' });
  }
  const named = new Map<NormalizeIssue, object>();
  n.sink.issues.push(...checkInput(root, named));
  const arch = new Fields(root, '', n.sink);
  n.declare(root);
  const metadata = readMetadata(n, arch);
  const decisions = readDecisions(n, arch);
  const network = arch.sub('network', true);
  if (network) readNetwork(n, network);
  arch.arr('clusters', true).forEach((c, i) => n.ref(c, ['cluster'], `clusters[${i}]`));
  arch.arr('ingress').forEach((p, i) => ingressPath(n, p, `ingress[${i}]`));
  const routing = computeRouting({ resources: [...n.resources.values()], edges: [...n.edges.values()] });
  // clusterPaths adds outbound devices, never egress destinations: the index holds for the whole loop.
  const destinations = egressDestinationsByCluster(n);
  for (const r of [...n.resources.values()]) if (r.kind === 'cluster') clusterPaths(n, r, routing, destinations);
  linkGatewaysToClusters(n);
  const review = readReview(n, arch);
  // After the walk, so that each part is named by its canonical path and element id.
  n.sink.issues.push(
    ...unknownKeys(root, (part) => {
      const seen = n.seen.get(part);
      if (seen) return { path: seen.path, element: seen.id };
      const own = n.ownElements.get(part);
      return own === undefined ? undefined : { element: own };
    }),
  );

  const model: Model = {
    schemaVersion: 1,
    metadata,
    decisions,
    resources: [...n.resources.values()].sort((a, b) => cmp(a.id, b.id)),
    edges: [...n.edges.values()].sort((a, b) => cmp(a.id, b.id)),
    ingressPaths: n.ingressPaths,
    egressPaths: n.egressPaths,
    controlPlaneAccess: n.access,
    defaults: dedupeDefaults(n.sink.defaults),
    unknown: dedupeUnknown(n.sink.unknown),
    review,
  };
  // The routes were computed before clusterPaths and linkGatewaysToClusters, which add only outbound
  // devices, the internet, egress and private-link edges, and set VNet roles and gateway-cluster
  // links: nothing routing reads. So they are the model's routes too.
  primeRouting(model, routing);
  // A name issue is about the part the model reads: its path and element, not the path the input walk met it by.
  for (const [issue, part] of named) {
    const reg = n.seen.get(part);
    if (!reg) continue;
    issue.path = `${reg.path}.name`;
    issue.element = reg.id;
  }
  return { model, issues: n.sink.issues };
}

export type { NormalizeIssue } from './reader.js';
