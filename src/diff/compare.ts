/**
 * Element-by-element comparison of two normalized models: what was added, removed, and which fields
 * changed. Shared by `aksnet diff` (two designs) and `aksnet drift` (design vs Azure). Elements are
 * matched by model id (kind and name), so a renamed part is one removal and one addition.
 */
import type { Model, Resource, ResourceKind } from '../model/types.js';

export interface FieldChange {
  /** Dotted field path in the model element, e.g. `cidr`, `network.podCidr`, `routes[default].prefix`. */
  field: string;
  before: unknown;
  after: unknown;
}

export type ElementChange =
  | { change: 'added'; id: string; kind: ResourceKind; name: string; after: Resource }
  | { change: 'removed'; id: string; kind: ResourceKind; name: string; before: Resource }
  | {
      change: 'changed';
      id: string;
      kind: ResourceKind;
      name: string;
      before: Resource;
      after: Resource;
      fields: FieldChange[];
    };

export interface CompareOptions {
  /** Only elements of these kinds are compared. */
  kinds?: ReadonlySet<ResourceKind>;
  /** Fields to leave out of the comparison of one element. */
  ignore?(id: string, field: string): boolean;
  /** Derived top-level fields to compare all the same (drift: a node pool's `autoscaling`, which Azure states). */
  derived?: ReadonlySet<string>;
}

/** Fields derived from others, or lists of children that are compared as elements of their own. */
const DERIVED = new Set([
  'id',
  'kind',
  'name',
  'source',
  'usableAddresses',
  'maxNodes',
  'surgeNodes',
  'autoscaling',
  'publicAddressCount',
  'clusters',
  'apiServerEndpoint',
  'subnets',
  'nodePools',
]);

export function compareModels(base: Model, head: Model, opts: CompareOptions = {}): ElementChange[] {
  const keep = (r: Resource) => !opts.kinds || opts.kinds.has(r.kind);
  const before = new Map(base.resources.filter(keep).map((r) => [r.id, r]));
  const after = new Map(head.resources.filter(keep).map((r) => [r.id, r]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out: ElementChange[] = [];
  for (const id of ids) {
    const b = before.get(id);
    const a = after.get(id);
    if (b && !a) out.push({ change: 'removed', id, kind: b.kind, name: b.name, before: b });
    else if (a && !b) out.push({ change: 'added', id, kind: a.kind, name: a.name, after: a });
    else if (a && b) {
      const fields = diffFields(flatten(b, opts.derived), flatten(a, opts.derived)).filter((f) => !opts.ignore?.(id, f.field));
      if (fields.length > 0)
        out.push({ change: 'changed', id, kind: a.kind, name: a.name, before: b, after: a, fields });
    }
  }
  return out;
}

/** Dotted leaves of an element; arrays of named objects are keyed by name so reordering is no change. */
export function flatten(r: Resource, derived?: ReadonlySet<string>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      const named =
        v.length > 0 &&
        v.every((x) => typeof x === 'object' && x !== null && typeof (x as { name?: unknown }).name === 'string');
      if (named) {
        for (const x of v as Array<Record<string, unknown>>) walk(x, `${path}[${String(x.name)}]`);
        return;
      }
      out.set(path, JSON.stringify(v));
      return;
    }
    if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (path === '' && DERIVED.has(k) && !derived?.has(k)) continue;
        walk(x, path ? `${path}.${k}` : k);
      }
      return;
    }
    out.set(path, v);
  };
  walk(r, '');
  return out;
}

function diffFields(b: Map<string, unknown>, a: Map<string, unknown>): FieldChange[] {
  const keys = [...new Set([...b.keys(), ...a.keys()])].sort();
  const out: FieldChange[] = [];
  for (const k of keys) {
    const x = b.get(k);
    const y = a.get(k);
    if (x !== y) out.push({ field: k, before: parse(x), after: parse(y) });
  }
  return out;
}

function parse(v: unknown): unknown {
  if (typeof v === 'string' && (v.startsWith('[') || v.startsWith('{'))) {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }
  return v;
}

/** The fields of each element that the normalizer filled in (the design left them unknown). */
export function defaultedFields(model: Model): Map<string, Set<string>> {
  const byId = new Map(model.resources.map((r) => [r.id, r]));
  const out = new Map<string, Set<string>>();
  for (const d of model.defaults) {
    const r = byId.get(d.element);
    if (!r) continue;
    const prefix = `${r.source.path}.`;
    if (!d.path.startsWith(prefix)) continue;
    const set = out.get(r.id) ?? new Set<string>();
    set.add(d.path.slice(prefix.length));
    out.set(r.id, set);
  }
  return out;
}

/** Whether a field (or one of its ancestors) is in a set of dotted fields. */
export function coveredBy(set: Set<string> | undefined, field: string): boolean {
  if (!set) return false;
  for (let f = field; ; ) {
    if (set.has(f)) return true;
    const cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
    if (cut <= 0) return false;
    f = f.slice(0, cut);
  }
}

/** A short text for a value in messages. */
export function show(v: unknown): string {
  if (v === undefined) return '(unset)';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
