/**
 * State of one import run: the resources read, an index by id, the declarations made so far, and
 * the notes (what could not be imported) that end up in the file header and the command output.
 */
import type { Zone } from '../../dsl/types.js';
import { DesignBuilder, type Decl } from './design.js';
import { idKey, lastName, parentId, parseId, type AzureResource, type JNode } from './resource.js';

/** Maps one Azure resource type. Parts become declarations; details are read by their parent's mapper. */
export interface Mapper {
  /** Lower-case resource type. */
  type: string;
  /** The az command that lists it (named in error messages). */
  command: string;
  /** Builds the part's declaration; details return undefined and are consumed by a parent. */
  map?(ctx: ImportContext, r: AzureResource): Decl | undefined;
  /** Mapped only when another part refers to it (a public IP nothing uses is noted, not declared). */
  onDemand?: boolean;
}

export interface Unmapped {
  /** Azure resource id. */
  id: string;
  /** Azure property (or resource type) not imported. */
  property: string;
  /** Why, in a few words. */
  reason: string;
}

export interface SubnetInfo {
  decl: Decl;
  vnet: AzureResource;
  cidr: string;
  node: JNode;
  /** Purposes seen, strongest first after sorting by rank. */
  uses: Array<{ purpose: string; rank: number }>;
}

export class ImportContext {
  readonly design = new DesignBuilder();
  private readonly byId = new Map<string, AzureResource>();
  private readonly byProviderPath = new Map<string, AzureResource[]>();
  private readonly byType = new Map<string, AzureResource[]>();
  private readonly parts = new Map<AzureResource, Decl | undefined>();
  private readonly stubs = new Map<string, Decl>();
  readonly subnets = new Map<string, SubnetInfo>();
  /** Resources read by some mapper (parts and the details their parents consumed). */
  readonly consumed = new Set<AzureResource>();
  readonly unmapped: Unmapped[] = [];
  /** TODO notes for the reader of the imported file. */
  readonly todos: string[] = [];

  constructor(
    readonly resources: AzureResource[],
    private readonly mappers: ReadonlyMap<string, Mapper>,
    /**
     * For drift: a fact the DSL cannot express without a part the export lacks is left out (so it
     * is unknown and compared nowhere) instead of failing the run.
     */
    readonly lenient = false,
  ) {
    for (const r of resources) {
      this.byId.set(idKey(r.id), r);
      const pp = providerPath(r.id);
      if (pp) this.byProviderPath.set(pp, [...(this.byProviderPath.get(pp) ?? []), r]);
      this.byType.set(r.type, [...(this.byType.get(r.type) ?? []), r]);
    }
  }

  /** The resource with this id: exact, else the only one with the same provider path (ARM exports). */
  find(id: string): AzureResource | undefined {
    const exact = this.byId.get(idKey(id));
    if (exact) return exact;
    const pp = providerPath(id);
    const same = pp ? this.byProviderPath.get(pp) : undefined;
    return same && same.length === 1 ? same[0] : undefined;
  }

  ofType(type: string): AzureResource[] {
    return this.byType.get(type) ?? [];
  }

  /** Child resources (ARM child types, link lists) of a parent id. */
  children(type: string, parent: string): AzureResource[] {
    const pp = providerPath(parent);
    return this.ofType(type).filter((r) => {
      const own = providerPath(parentId(r.id));
      return own !== undefined && own === pp;
    });
  }

  /** The declaration of a resource, mapping it on first use. */
  part(r: AzureResource): Decl | undefined {
    if (this.parts.has(r)) return this.parts.get(r);
    this.parts.set(r, undefined);
    this.consumed.add(r);
    const d = this.mappers.get(r.type)?.map?.(this, r);
    this.parts.set(r, d);
    return d;
  }

  /**
   * The declaration a reference points at. A referenced resource missing from the input is an
   * error naming the reference's JSON path and the command that lists it.
   */
  required(id: string, at: JNode, what: string): Decl {
    const r = this.find(id);
    const d = r ? this.part(r) : undefined;
    if (d) return d;
    const type = parseId(id)?.type ?? '';
    const cmd = this.mappers.get(type)?.command;
    throw at.error(`${what} ${lastName(id)} (${id}) is not in the input${cmd ? `; add the output of \`${cmd}\`` : ''}`);
  }

  /** Marks a detail resource as read. */
  use(r: AzureResource | undefined): AzureResource | undefined {
    if (r) this.consumed.add(r);
    return r;
  }

  /** A part known only from a reference (e.g. a DDoS plan in another subscription), declared by name. */
  stub(id: string, make: () => Decl): Decl {
    const k = idKey(id);
    const r = this.find(id);
    if (r) {
      const d = this.part(r);
      if (d) return d;
    }
    let d = this.stubs.get(k);
    if (!d) this.stubs.set(k, (d = make()));
    return d;
  }

  /** The subnet declaration for a subnet id (maps its VNet on first use). */
  subnet(id: string, at: JNode, what = 'subnet'): SubnetInfo {
    const k = providerPath(id);
    const known = k ? this.subnets.get(k) : undefined;
    if (known) return known;
    const vnetId = parentId(id);
    const vnet = this.find(vnetId);
    if (!vnet) {
      throw at.error(
        `${what} ${lastName(id)} is in virtual network ${lastName(vnetId)}, which is not in the input; ` +
          'add the output of `az network vnet list`',
      );
    }
    this.part(vnet);
    const found = k ? this.subnets.get(k) : undefined;
    if (!found)
      throw at.error(`${what} ${lastName(id)} is not among the subnets of virtual network ${vnet.name} in the input`);
    return found;
  }

  /** Records what a subnet is used for; the strongest use becomes its purpose. */
  useSubnet(info: SubnetInfo, purpose: string, rank: number): void {
    info.uses.push({ purpose, rank });
  }

  note(id: string, property: string, reason: string): void {
    this.unmapped.push({ id, property, reason });
  }
}

/**
 * Lower-case provider path (`microsoft.network/virtualnetworks/vnet-hub/subnets/a`), for matching ids
 * across scopes.
 */
export function providerPath(id: string): string | undefined {
  const i = id.toLowerCase().indexOf('/providers/');
  return i < 0
    ? undefined
    : id
        .slice(i + '/providers/'.length)
        .toLowerCase()
        .replace(/\/+$/, '');
}

/** Azure zones (`["1","2"]`) as DSL zones; other values are dropped. */
export function zonesOf(n: JNode, key = 'zones'): Zone[] | undefined {
  const z = n.at(key)?.value;
  if (!Array.isArray(z)) return undefined;
  const out = z.map((x) => Number(x)).filter((x): x is Zone => x === 1 || x === 2 || x === 3);
  return out.length > 0 ? [...new Set(out)].sort() : undefined;
}

/** `West Europe` → `westeurope` (Azure accepts both; the DSL uses the short name). */
export function regionOf(location: string | undefined): string | undefined {
  return location?.toLowerCase().replace(/\s+/g, '');
}
