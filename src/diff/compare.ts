/**
 * Element-by-element comparison of two normalized models: what was added, removed, and which fields
 * changed. Shared by `aksnet diff` (two designs) and `aksnet drift` (design vs Azure). Elements are
 * matched by model id (kind and name), so a renamed part is one removal and one addition.
 */
import type { Model, Resource, ResourceKind, SourceRef } from '../model/types.js';

/**
 * A VNet peering, compared like a part although the model holds it as an edge: matched by its pair of
 * VNets (whichever the design writes first), its fields as the DSL's `peering()` names them.
 */
export interface PeeringElement {
  /** `peering:<vnet><-><vnet>`, the VNet names in sorted order. */
  id: string;
  kind: 'peering';
  /** `<vnet> <-> <vnet>`, the VNet names in sorted order. */
  name: string;
  source: SourceRef;
  /** Model id of the VNet the design (or the import) writes first: gateway transit is read from its side. */
  from: string;
  allowGatewayTransit: boolean;
  useRemoteGateways?: boolean;
  allowForwardedTraffic?: boolean;
}

/** What is compared: the model's elements, and its peerings when asked for. */
export type Element = Resource | PeeringElement;

export interface FieldChange {
  /** Dotted field path in the model element, e.g. `cidr`, `network.podCidr`, `routes[default].prefix`. */
  field: string;
  before: unknown;
  after: unknown;
  /**
   * Set when the field is a whole element of a list of named objects (`rules[allow-web]`) that only one
   * side has: one change for the element, its fields in `before` or `after`, instead of one per field.
   */
  item?: 'added' | 'removed';
}

export type ElementChange =
  | { change: 'added'; id: string; kind: Element['kind']; name: string; after: Element }
  | { change: 'removed'; id: string; kind: Element['kind']; name: string; before: Element }
  | {
      change: 'changed';
      id: string;
      kind: Element['kind'];
      name: string;
      before: Element;
      after: Element;
      fields: FieldChange[];
    };

export interface CompareOptions {
  /** Only elements of these kinds are compared. */
  kinds?: ReadonlySet<ResourceKind>;
  /** Fields to leave out of the comparison of one element. */
  ignore?(id: string, field: string): boolean;
  /** Derived top-level fields to compare all the same (drift: a node pool's `autoscaling`, which Azure states). */
  derived?: ReadonlySet<string>;
  /** Compare VNet peerings too (model edges, not resources). */
  peerings?: boolean;
}

/** The VNet peerings of a model as elements. */
export function peeringElements(model: Model): PeeringElement[] {
  const names = new Map(model.resources.map((r) => [r.id, r.name]));
  return model.edges
    .filter((e) => e.class === 'peering')
    .map((e) => {
      const pair = [names.get(e.from) ?? e.from, names.get(e.to) ?? e.to].sort();
      return {
        id: `peering:${pair.join('<->')}`,
        kind: 'peering' as const,
        name: pair.join(' <-> '),
        source: e.source,
        from: e.from,
        allowGatewayTransit: e.gatewayTransit === true,
        ...(e.useRemoteGateways !== undefined ? { useRemoteGateways: e.useRemoteGateways } : {}),
        ...(e.forwardedTraffic !== undefined ? { allowForwardedTraffic: e.forwardedTraffic } : {}),
      };
    });
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
  const elements = (m: Model): Element[] => [...m.resources.filter(keep), ...(opts.peerings ? peeringElements(m) : [])];
  const before = new Map(elements(base).map((r) => [r.id, r]));
  const after = new Map(elements(head).map((r) => [r.id, r]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out: ElementChange[] = [];
  for (const id of ids) {
    const b = before.get(id);
    const a = after.get(id);
    if (b && !a) out.push({ change: 'removed', id, kind: b.kind, name: b.name, before: b });
    else if (a && !b) out.push({ change: 'added', id, kind: a.kind, name: a.name, after: a });
    else if (a && b) {
      const x = walk(b, opts.derived);
      const y = walk(a, opts.derived);
      const fields = collapseItems(diffFields(x.leaves, y.leaves), x.items, y.items).filter(
        (f) => !opts.ignore?.(id, f.field),
      );
      if (fields.length > 0)
        out.push({ change: 'changed', id, kind: a.kind, name: a.name, before: b, after: a, fields });
    }
  }
  return out;
}

/** Dotted leaves of an element; arrays of named objects are keyed by name so reordering is no change. */
export function flatten(r: Element, derived?: ReadonlySet<string>): Map<string, unknown> {
  return walk(r, derived).leaves;
}

/** The leaves of an element, and each element of its lists of named objects by its path (`rules[allow-web]`). */
function walk(r: Element, derived?: ReadonlySet<string>): { leaves: Map<string, unknown>; items: Map<string, object> } {
  const out = new Map<string, unknown>();
  const items = new Map<string, object>();
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      const named =
        v.length > 0 &&
        v.every((x) => typeof x === 'object' && x !== null && typeof (x as { name?: unknown }).name === 'string');
      if (named) {
        for (const x of v as Array<Record<string, unknown>>) {
          items.set(`${path}[${String(x.name)}]`, x);
          walk(x, `${path}[${String(x.name)}]`);
        }
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
  return { leaves: out, items };
}

/**
 * One change per list element only one side has, in place of a change per field of it; a list empty on
 * one side and holding elements on the other is said by those elements.
 */
function collapseItems(fields: FieldChange[], before: Map<string, object>, after: Map<string, object>): FieldChange[] {
  const out: FieldChange[] = [];
  const done = new Set<string>();
  const holds = (m: Map<string, object>, list: string) => [...m.keys()].some((k) => k.startsWith(`${list}[`));
  for (const f of fields) {
    const item = [...f.field.matchAll(/\]/g)]
      .map((m) => f.field.slice(0, m.index + 1))
      .find((p) => before.has(p) !== after.has(p));
    if (item === undefined) {
      if (!holds(before, f.field) && !holds(after, f.field)) out.push(f);
      continue;
    }
    if (done.has(item)) continue;
    done.add(item);
    const b = before.get(item);
    const a = after.get(item);
    out.push({ field: item, before: b && dslItem(b), after: a && dslItem(a), item: b ? 'removed' : 'added' });
  }
  return out;
}

/** A list element with its values as the DSL writes them (an NSG rule's ports). */
function dslItem(x: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(x)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, k === 'ports' ? dslPorts(v) : v]),
  );
}

/** NSG rule ports as the DSL writes them: `[[443, 443]]` is 443, `[[80, 90]]` is "80-90", `[[0, 65535]]` is "*". */
export function dslPorts(v: unknown): unknown {
  const isRange = (x: unknown): x is [number, number] =>
    Array.isArray(x) && x.length === 2 && x.every((n) => typeof n === 'number');
  if (!Array.isArray(v) || v.length === 0 || !v.every(isRange)) return v;
  const one = ([a, b]: [number, number]) => (a === 0 && b === 65535 ? '*' : a === b ? a : `${a}-${b}`);
  const list = v.map(one);
  return list.length === 1 ? list[0] : list;
}

/** `rules[allow-web]` as `rule allow-web`, `ruleCollections[a].rules[b]` as `ruleCollection a rule b`. */
export function itemLabel(field: string): string {
  return [...field.matchAll(/\.?([^.[\]]+)\[([^\]]*)\]/g)].map(([, key, name]) => `${key!.replace(/s$/, '')} ${name}`).join(' ');
}

/** A list element's fields other than its name, for messages: `prefix 10.0.0.0/8, nextHopType Internet`. */
export function itemText(x: unknown): string {
  if (typeof x !== 'object' || x === null) return show(x);
  return Object.entries(x)
    .filter(([k, v]) => k !== 'name' && v !== undefined)
    .map(([k, v]) => `${k} ${show(v)}`)
    .join(', ');
}

function diffFields(b: Map<string, unknown>, a: Map<string, unknown>): FieldChange[] {
  const keys = [...new Set([...b.keys(), ...a.keys()])].sort();
  const out: FieldChange[] = [];
  for (const k of keys) {
    const x = b.get(k);
    const y = a.get(k);
    if (x === y) continue;
    const ports = /(?:^|\.)ports$/.test(k);
    out.push({ field: k, before: ports ? dslPorts(parse(x)) : parse(x), after: ports ? dslPorts(parse(y)) : parse(y) });
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
