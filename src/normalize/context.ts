/**
 * The state of one normalization run: the parts seen so far and their ids, the elements and edges
 * built, and the issues and defaults recorded. `ref()` is how every module resolves a reference:
 * it registers a part on first sight and hands it to the part normalizer.
 */
import type { ControlPlaneAccessModel, Edge, EgressPathModel, Id, IngressPathModel, Resource } from '../model/types.js';
import { Fields, describe, isRecord } from './reader.js';
import type { Sink } from './reader.js';
import { article } from './util.js';

/** The optional lists of `network`, in the order they are visited. */
export const NETWORK_LISTS = [
  'privateDnsZones',
  'privateEndpoints',
  'onPremises',
  'gateways',
  'hybridConnections',
  'firewallPolicies',
  'firewalls',
  'nvas',
  'bastions',
  'jumpBoxes',
  'buildAgents',
  'loadBalancers',
  'routeTables',
  'nsgs',
  'publicIps',
  'natGateways',
  'privateLinkServices',
  'frontDoors',
  'trafficManagers',
] as const;

/** Parts of the DSL that become model elements, by their `kind` tag. */
export type PartKind =
| 'vnet'
  | 'subnet'
  | 'routeTable'
  | 'nsg'
  | 'natGateway'
  | 'ddosProtectionPlan'
  | 'privateDnsZone'
  | 'paas'
  | 'privateEndpoint'
  | 'onPremises'
  | 'vnetGateway'
  | 'hybridConnection'
  | 'bastion'
  | 'jumpBox'
  | 'buildAgents'
  | 'azureFirewall'
  | 'nva'
  | 'frontDoor'
  | 'applicationGateway'
  | 'agc'
  | 'apiManagement'
  | 'loadBalancer'
  | 'privateLinkService'
  | 'ingressController'
  | 'cluster'
  | 'nodePool'
  | 'firewallPolicy'
  | 'publicIp'
  | 'trafficManager';

interface Registered {
  id: Id;
  path: string;
}

/** Normalizes a newly registered part (injected so that this module does not import the part modules). */
export type PartNormalizer = (n: NormalizeContext, kind: PartKind, id: Id, name: string, f: Fields) => void;

export class NormalizeContext {
  constructor(private readonly normalizePart: PartNormalizer) {}

  readonly sink: Sink = { issues: [], defaults: [], unknown: [] };

  readonly seen = new Map<object, Registered>();
  /**
   * Plain objects of the design that become elements of their own (an egress destination in a cluster's list), by
   * element id: their fields, unknown keys included, are the element's, not the part's that holds the list.
   */
  readonly ownElements = new WeakMap<object, Id>();

  readonly usedIds = new Set<Id>();

  readonly namesByKind = new Map<string, Map<string, string>>();

  readonly resources = new Map<Id, Resource>();

  readonly edges = new Map<Id, Edge>();

  /** Scope (VNet / cluster name) of subnets, node pools and ingress controllers known before they are visited. */
  readonly scopes = new Map<object, string>();

  readonly ingressPaths: IngressPathModel[] = [];

  /** Ids of ingressPaths (a duplicate name is found without scanning the list for every path). */
  readonly ingressPathIds = new Set<Id>();

  readonly egressPaths: EgressPathModel[] = [];

  readonly access: ControlPlaneAccessModel[] = [];

  /** Where each part is declared; a part reached by reference first still gets its declaration path. */
  readonly declared = new Map<object, string>();

  declare(root: Record<string, unknown>): void {
    const put = (v: unknown, path: string): void => {
      if (isRecord(v) && !this.declared.has(v)) this.declared.set(v, path);
    };
    const list = (v: unknown, path: string, each?: (item: Record<string, unknown>, p: string) => void): void => {
      if (!Array.isArray(v)) return;
      v.forEach((item, i) => {
        put(item, `${path}[${i}]`);
        if (each && isRecord(item)) each(item, `${path}[${i}]`);
      });
    };
    const network = isRecord(root.network) ? root.network : {};
    list(network.vnets, 'network.vnets', (v, p) => list(v.subnets, `${p}.subnets`));
    for (const key of NETWORK_LISTS) {
      list(network[key], `network.${key}`);
    }
    list(root.clusters, 'clusters', (c, p) => {
      list(c.nodePools, `${p}.nodePools`);
      list(c.ingressControllers, `${p}.ingressControllers`);
    });
  }

  schema(path: string, message: string, element?: Id): void {
    this.sink.issues.push({ ruleId: 'structure/schema', message, path, element });
  }

  /**
   * Resolves a reference to a DSL part, registering and normalizing it on first sight.
   * Returns its id, or undefined when the value is not a part of an expected kind.
   */
  ref(value: unknown, kinds: readonly PartKind[], path: string): Id | undefined {
    if (!isRecord(value) || typeof value.kind !== 'string') {
      const hint = typeof value === 'string' ? ` (references are objects: pass the variable holding the ${kinds[0]}, not its name)` : '';
      const ruleId = typeof value === 'string' ? 'structure/unknown-reference' : 'structure/schema';
      this.sink.issues.push({ ruleId, message: `expected ${article(kinds)}, got ${describe(value)}${hint}`, path });
      return undefined;
    }
    if (!(kinds as readonly string[]).includes(value.kind)) {
      this.schema(path, `expected ${article(kinds)}, got ${describe(value)}`);
      return undefined;
    }
    const known = this.seen.get(value);
    if (known) return known.id;
    const kind = value.kind as PartKind;
    path = this.declared.get(value) ?? path;
    const f = new Fields(value, path, this.sink);
    const name = f.str('name', `unnamed-${kind}`);
    const id = this.allocateId(kind, name, this.scopes.get(value) ?? clusterScope(kind, value), path);
    this.seen.set(value, { id, path });
    const fields = new Fields(value, path, this.sink, id);
    this.normalizePart(this, kind, id, name, fields);
    return id;
  }

  allocateId(kind: PartKind, name: string, scope: string | undefined, path: string): Id {
    const scoped = kind === 'subnet' || kind === 'nodePool' || kind === 'ingressController';
    const key = scoped ? `${scope ?? '?'}/${name}` : name;
    let names = this.namesByKind.get(kind);
    if (!names) this.namesByKind.set(kind, (names = new Map()));
    const firstPath = names.get(key);
    let id: Id = `${kind}:${key}`;
    if (firstPath !== undefined) {
      const where = scoped && scope ? ` in ${scope}` : '';
      this.sink.issues.push({
        ruleId: 'structure/duplicate-name',
        // Both paths: a part built by a helper function is located at the helper, so the path is what tells the two apart.
        message: `two different ${kind} parts are both named "${name}"${where} (this one is at ${path || 'the root'}, the first at ${firstPath || 'the root'})`,
        path: `${path}.name`,
      });
      let n = 2;
      while (this.usedIds.has(`${id}#${n}`)) n++;
      id = `${id}#${n}`;
    } else {
      names.set(key, path);
    }
    this.usedIds.add(id);
    return id;
  }

  add<R extends Resource>(r: R): R {
    this.resources.set(r.id, r);
    return r;
  }

  edge(e: Omit<Edge, 'id'> & { id?: Id }): Id {
    const id = e.id ?? `${e.class}:${e.from}->${e.to}`;
    if (!this.edges.has(id)) this.edges.set(id, { ...e, id });
    return id;
  }

  readonly pendingRoles: Array<{ id: Id; path: string }> = [];

  region(name: string, path: string): Id | undefined {
    if (!name) return undefined;
    const id = `region:${name}`;
    if (!this.resources.has(id)) this.add({ id, kind: 'region', name, source: { path } });
    return id;
  }
}

/** An ingress controller is scoped by the name of the cluster it runs in, like a node pool. */
function clusterScope(kind: PartKind, value: Record<string, unknown>): string | undefined {
  if (kind !== 'ingressController' || !isRecord(value.cluster)) return undefined;
  return typeof value.cluster.name === 'string' ? value.cluster.name : undefined;
}
