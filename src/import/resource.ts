/**
 * Azure resources as read from any input style, and a reader over their JSON that accepts the three
 * shapes Azure prints: REST/Resource Graph/ARM (`properties` envelope, `vnetSubnetID`) and Azure CLI
 * (properties flattened, `vnetSubnetId`). Keys match case-insensitively; a value is looked up on the
 * object first and then in its `properties`.
 */
import type { AksnetError } from '../shared/errors.js';
import { childPath, importError, type JsonDoc } from './json-source.js';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON value with its document and JSON path. */
export class JNode {
  constructor(
    readonly doc: JsonDoc,
    readonly path: string,
    readonly value: unknown,
  ) {}

  /** A field, case-insensitively, on the object or inside its `properties`. */
  get(key: string): JNode | undefined {
    if (!isRecord(this.value)) return undefined;
    const own = findKey(this.value, key);
    if (own !== undefined && this.value[own] !== null && this.value[own] !== undefined) {
      return new JNode(this.doc, childPath(this.path, own), this.value[own]);
    }
    const props = findKey(this.value, 'properties');
    if (props !== undefined && isRecord(this.value[props])) {
      return new JNode(this.doc, childPath(this.path, props), this.value[props]).get(key);
    }
    return undefined;
  }

  /** Follows a dotted key path (`networkProfile.podCidr`). */
  at(path: string): JNode | undefined {
    return path.split('.').reduce<JNode | undefined>((n, k) => n?.get(k), this);
  }

  str(key: string): string | undefined {
    const v = this.at(key)?.value;
    return typeof v === 'string' && v !== '' ? v : undefined;
  }

  num(key: string): number | undefined {
    const v = this.at(key)?.value;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
    return undefined;
  }

  bool(key: string): boolean | undefined {
    const v = this.at(key)?.value;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'True') return true;
    if (v === 'false' || v === 'False') return false;
    return undefined;
  }

  /** Elements of an array field (empty when absent). */
  list(key: string): JNode[] {
    const n = this.at(key);
    if (!n || !Array.isArray(n.value)) return [];
    return n.value.map((v, i) => new JNode(this.doc, childPath(n.path, i), v));
  }

  /** Strings of an array field. */
  strings(key: string): string[] {
    const n = this.at(key);
    return n && Array.isArray(n.value) ? n.value.filter((v): v is string => typeof v === 'string') : [];
  }

  /** The `id` of a `{ "id": … }` reference field. */
  ref(key: string): JNode | undefined {
    const n = this.at(key);
    const id = n?.get('id');
    return typeof id?.value === 'string' ? id : undefined;
  }

  error(message: string): AksnetError {
    return importError(this.doc, this.path, message);
  }
}

function findKey(o: Record<string, unknown>, key: string): string | undefined {
  if (key in o) return key;
  const lower = key.toLowerCase();
  return Object.keys(o).find((k) => k.toLowerCase() === lower);
}

/** One Azure resource, whatever input style it came from. */
export interface AzureResource {
  /** Resource id (computed for ARM templates). */
  id: string;
  /** Lower-case type, e.g. `microsoft.network/virtualnetworks`. */
  type: string;
  /** Type as written in the input. */
  typeAsWritten: string;
  /** Last segment of the name. */
  name: string;
  resourceGroup?: string;
  location?: string;
  node: JNode;
}

export interface ParsedId {
  subscription?: string;
  resourceGroup?: string;
  /** Lower-case `namespace/type[/childType]`. */
  type: string;
  /** Names from the top resource down, e.g. `['vnet-hub', 'AzureFirewallSubnet']`. */
  names: string[];
}

/** Splits an Azure resource id; undefined when it has no `/providers/` part. */
export function parseId(id: string): ParsedId | undefined {
  const parts = id.split('/').filter((s) => s !== '');
  const p = parts.findIndex((s) => s.toLowerCase() === 'providers');
  if (p < 0 || parts.length < p + 4) return undefined;
  const sub = parts.findIndex((s) => s.toLowerCase() === 'subscriptions');
  const rg = parts.findIndex((s) => s.toLowerCase() === 'resourcegroups');
  const rest = parts.slice(p + 1);
  const ns = rest[0]!;
  const types = [ns];
  const names: string[] = [];
  for (let i = 1; i + 1 < rest.length; i += 2) {
    types.push(rest[i]!);
    names.push(rest[i + 1]!);
  }
  return {
    subscription: sub >= 0 ? parts[sub + 1] : undefined,
    resourceGroup: rg >= 0 ? parts[rg + 1] : undefined,
    type: types.join('/').toLowerCase(),
    names,
  };
}

/** Key used to match ids written in different cases (Azure ids are case-insensitive). */
export function idKey(id: string): string {
  return id.toLowerCase().replace(/\/+$/, '');
}

/** The id of the parent resource of a child id (`…/virtualNetworks/v/subnets/s` → `…/virtualNetworks/v`). */
export function parentId(id: string): string {
  return id.replace(/\/+$/, '').split('/').slice(0, -2).join('/');
}

/** Last path segment of an id. */
export function lastName(id: string): string {
  return id.replace(/\/+$/, '').split('/').pop() ?? id;
}
