/** Read-only lookups over a normalized model, shared by rules, layout and reports. */
import type { AppliedDefault, Edge, Id, Model, Resource, ResourceKind, ResourceOf } from './types.js';

/**
 * The pod subnets of node pools that are not also one of their node subnets, in id order: the one definition the
 * egress model (normalize/paths.ts), the narrative and the diagrams share, so none of them names another origin.
 */
export function podSubnetIds(pools: ReadonlyArray<{ subnet: Id; podSubnet?: Id }>): Id[] {
  const nodes = new Set(pools.map((p) => p.subnet));
  return [...new Set(pools.flatMap((p) => (p.podSubnet && !nodes.has(p.podSubnet) ? [p.podSubnet] : [])))].sort();
}

export class ModelQuery {
  private readonly byId = new Map<Id, Resource>();
  private readonly byKind = new Map<ResourceKind, Resource[]>();
  private readonly childrenOf = new Map<Id, Resource[]>();

  constructor(readonly model: Model) {
    for (const r of model.resources) {
      this.byId.set(r.id, r);
      const list = this.byKind.get(r.kind) ?? [];
      list.push(r);
      this.byKind.set(r.kind, list);
      if (r.parent) {
        const kids = this.childrenOf.get(r.parent) ?? [];
        kids.push(r);
        this.childrenOf.set(r.parent, kids);
      }
    }
  }

  /** The element with this id, if any. */
  get(id: Id | undefined): Resource | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  /** The element with this id when it has the given kind. */
  getAs<K extends ResourceKind>(id: Id | undefined, kind: K): ResourceOf<K> | undefined {
    const r = this.get(id);
    return r?.kind === kind ? (r as ResourceOf<K>) : undefined;
  }

  /** All elements of a kind, in id order. */
  all<K extends ResourceKind>(kind: K): Array<ResourceOf<K>> {
    return (this.byKind.get(kind) ?? []) as Array<ResourceOf<K>>;
  }

  /** Direct children (by `parent`), in id order. */
  children(id: Id): Resource[] {
    return this.childrenOf.get(id) ?? [];
  }

  /** Display name of an element, or its id when unknown. */
  name(id: Id | undefined): string {
    return (id && this.byId.get(id)?.name) || id || '?';
  }

  /** Node pools of a cluster. */
  pools(clusterId: Id): Array<ResourceOf<'nodePool'>> {
    const c = this.getAs(clusterId, 'cluster');
    return (c?.nodePools ?? []).map((p) => this.getAs(p, 'nodePool')).filter((p): p is ResourceOf<'nodePool'> => !!p);
  }

  /** Distinct node subnets of a cluster's pools. */
  nodeSubnets(clusterId: Id): Array<ResourceOf<'subnet'>> {
    const ids = [...new Set(this.pools(clusterId).map((p) => p.subnet))].sort();
    return ids.map((s) => this.getAs(s, 'subnet')).filter((s): s is ResourceOf<'subnet'> => !!s);
  }

  /**
   * Distinct pod subnets of a cluster's pools, in id order: where its pods' traffic starts when the CNI gives pods
   * addresses of a subnet of their own (Azure CNI pod subnet). Empty for overlay, kubenet and node-subnet clusters,
   * whose pods leave with their node's address (the normalizer keeps no podSubnet there).
   */
  podSubnets(clusterId: Id): Array<ResourceOf<'subnet'>> {
    return podSubnetIds(this.pools(clusterId))
      .map((s) => this.getAs(s, 'subnet'))
      .filter((s): s is ResourceOf<'subnet'> => !!s);
  }

  /** The VNet a subnet belongs to. */
  vnetOf(subnetId: Id | undefined): ResourceOf<'vnet'> | undefined {
    const s = this.getAs(subnetId, 'subnet');
    return s ? this.getAs(s.vnet, 'vnet') : undefined;
  }

  /** VNets peered with the given VNet. */
  peers(vnetId: Id): Array<ResourceOf<'vnet'>> {
    return [...(this.index().peerings.get(vnetId) ?? [])];
  }

  private indexes?: {
    peerings: Map<Id, Array<ResourceOf<'vnet'>>>;
    ingress: Map<Id, Model['ingressPaths']>;
    egress: Map<Id, Model['egressPaths'][number]>;
    defaults: Map<Id, AppliedDefault[]>;
    /** The last keys of the fields each element leaves unknown. */
    unknown: Map<Id, string[]>;
  };

  /** Look-ups by VNet, cluster and element, built on first use: per-element scans are quadratic at 1,000 spokes. */
  private index(): NonNullable<ModelQuery['indexes']> {
    if (this.indexes) return this.indexes;
    const peerings = new Map<Id, Array<ResourceOf<'vnet'>>>();
    for (const e of this.model.edges) {
      if (e.class !== 'peering') continue;
      for (const [at, other] of e.from === e.to ? [[e.from, e.to]] : [[e.from, e.to], [e.to, e.from]]) {
        const v = this.getAs(other, 'vnet');
        if (!v) continue;
        const list = peerings.get(at!);
        if (list) list.push(v);
        else peerings.set(at!, [v]);
      }
    }
    const ingress = new Map<Id, Model['ingressPaths']>();
    for (const p of this.model.ingressPaths) {
      if (p.cluster === undefined) continue;
      const list = ingress.get(p.cluster);
      if (list) list.push(p);
      else ingress.set(p.cluster, [p]);
    }
    const egress = new Map<Id, Model['egressPaths'][number]>();
    for (const p of this.model.egressPaths) if (!egress.has(p.cluster)) egress.set(p.cluster, p);
    const defaults = new Map<Id, AppliedDefault[]>();
    for (const d of this.model.defaults) {
      const list = defaults.get(d.element);
      if (list) list.push(d);
      else defaults.set(d.element, [d]);
    }
    const unknown = new Map<Id, string[]>();
    for (const u of this.model.unknown) {
      const list = unknown.get(u.element);
      if (list) list.push(lastKey(u.path));
      else unknown.set(u.element, [lastKey(u.path)]);
    }
    this.indexes = { peerings, ingress, egress, defaults, unknown };
    return this.indexes;
  }

  /** Defaults the normalizer filled in for an element, in model order. */
  defaultsOf(id: Id): AppliedDefault[] {
    return this.index().defaults.get(id) ?? [];
  }

  /** Whether the normalizer filled in `field` (the last key of its DSL path, e.g. `networkPolicy`) for an element. */
  isDefaulted(id: Id, field: string): boolean {
    return this.defaultsOf(id).some((d) => lastKey(d.path) === field);
  }

  /** Whether the design leaves `field` of an element unknown (listed in `model.unknown`). */
  isUnknown(id: Id, field: string): boolean {
    return this.index().unknown.get(id)?.includes(field) ?? false;
  }

  /** Edges of a traffic class. */
  edges(cls?: Edge['class']): Edge[] {
    return cls ? this.model.edges.filter((e) => e.class === cls) : this.model.edges;
  }

  /** Ingress paths that end in a cluster. */
  ingressPathsOf(clusterId: Id) {
    return [...(this.index().ingress.get(clusterId) ?? [])];
  }

  /** Egress path of a cluster. */
  egressPathOf(clusterId: Id) {
    return this.index().egress.get(clusterId);
  }
}

/** The last key of a DSL path: `clusters[0].network.networkPolicy` → `networkPolicy`. */
function lastKey(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}
