/** Read-only lookups over a normalized model, shared by rules, layout and reports. */
import type { Edge, Id, Model, Resource, ResourceKind, ResourceOf } from './types.js';

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

  /** The VNet a subnet belongs to. */
  vnetOf(subnetId: Id | undefined): ResourceOf<'vnet'> | undefined {
    const s = this.getAs(subnetId, 'subnet');
    return s ? this.getAs(s.vnet, 'vnet') : undefined;
  }

  /** VNets peered with the given VNet. */
  peers(vnetId: Id): Array<ResourceOf<'vnet'>> {
    return this.model.edges
      .filter((e) => e.class === 'peering' && (e.from === vnetId || e.to === vnetId))
      .map((e) => this.getAs(e.from === vnetId ? e.to : e.from, 'vnet'))
      .filter((v): v is ResourceOf<'vnet'> => !!v);
  }

  /** Edges of a traffic class. */
  edges(cls?: Edge['class']): Edge[] {
    return cls ? this.model.edges.filter((e) => e.class === cls) : this.model.edges;
  }

  /** Ingress paths that end in a cluster. */
  ingressPathsOf(clusterId: Id) {
    return this.model.ingressPaths.filter((p) => p.cluster === clusterId);
  }

  /** Egress path of a cluster. */
  egressPathOf(clusterId: Id) {
    return this.model.egressPaths.find((p) => p.cluster === clusterId);
  }
}
