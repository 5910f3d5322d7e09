/**
 * Typed field readers used by the normalizer. A TypeScript file is checked by the compiler, but a
 * `.js` file or a file with `as any` is not, so every field is checked again here and each problem
 * becomes a `structure/schema` issue with the DSL path of the offending value.
 */
import type { AppliedDefault, Id, UnknownFact } from '../model/types.js';
import { isRecord } from '../shared/is-record.js';
import type { DefaultBasis } from './defaults.js';

export type IssueRuleId =
  | 'structure/schema'
  | 'structure/unknown-reference'
  | 'structure/duplicate-name'
  | 'structure/invalid-name'
  | 'structure/shared-part';

/** A problem found while normalizing; the validator turns these into findings. */
export interface NormalizeIssue {
  ruleId: IssueRuleId;
  message: string;
  /** DSL path of the offending value. */
  path: string;
  /** The element concerned, when known. */
  element?: Id;
  /**
   * Set when the value is missing or of the wrong shape and the model holds a stand-in for it (the first allowed
   * value, a default, or nothing): no rule may judge the element as if the design had said so (validate.ts).
   */
  standIn?: true;
  /**
   * Set when the element itself does not resolve (a subnet in no VNet): its place in the model is a guess (`subnet:?/…`),
   * so no rule reports on it; this issue is the one finding (validate.ts).
   */
  unresolved?: true;
}

/** Mutable state of one normalization run (kept local to the run). */
export interface Sink {
  issues: NormalizeIssue[];
  defaults: AppliedDefault[];
  unknown: UnknownFact[];
}

export { isRecord } from '../shared/is-record.js';

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  if (typeof v === 'object') {
    const k = (v as { kind?: unknown }).kind;
    return typeof k === 'string' ? `a ${k} object` : 'an object';
  }
  return String(v);
}

/** Reads the fields of one DSL object, reporting schema problems against its path. */
export class Fields {
  constructor(
    readonly value: Record<string, unknown>,
    readonly path: string,
    readonly sink: Sink,
    /** Element id used when recording defaults. */
    readonly element: Id = '',
  ) {}

  at(key: string): string {
    return `${this.path}.${key}`;
  }

  issue(key: string | undefined, message: string, ruleId: IssueRuleId = 'structure/schema'): void {
    this.sink.issues.push({ ruleId, message, path: key ? this.at(key) : this.path, element: this.element || undefined });
  }

  /**
   * A missing required value, or one of the wrong shape, replaced with a stand-in (by the typed readers below, or by
   * a normalizer reading a field of its own shape): no rule judges the element's verdicts until it is fixed.
   */
  invalid(key: string, message: string): void {
    this.sink.issues.push({ ruleId: 'structure/schema', message, path: this.at(key), element: this.element || undefined, standIn: true });
  }

  /** Records that `value` was filled in for a missing `key` (a documented platform default or an inference). */
  defaulted<T extends string | number | boolean>(key: string, value: T, basis: DefaultBasis): T {
    this.sink.defaults.push({ element: this.element, path: this.at(key), value, ...basis });
    return value;
  }

  /** Records that `key` is not stated and has no platform default; returns undefined for the model field. */
  unknown(key: string, fact: string, formerly?: string): undefined {
    this.sink.unknown.push({ element: this.element, path: this.at(key), fact, ...(formerly ? { formerly } : {}) });
    return undefined;
  }

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  raw(key: string): unknown {
    return this.value[key];
  }

  str(key: string, fallback = ''): string {
    const v = this.value[key];
    if (typeof v === 'string' && v.length > 0) return v;
    if (v === undefined) this.invalid(key, `missing required field "${key}"`);
    else this.invalid(key, `"${key}" must be a non-empty string, got ${describe(v)}`);
    return fallback;
  }

  optStr(key: string): string | undefined {
    const v = this.value[key];
    if (v === undefined) return undefined;
    if (typeof v === 'string') return v;
    this.invalid(key, `"${key}" must be a string, got ${describe(v)}`);
    return undefined;
  }

  num(key: string, opts: { min?: number; max?: number; integer?: boolean; multipleOf?: number } = {}): number | undefined {
    const v = this.value[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.invalid(key, `"${key}" must be a number, got ${describe(v)}`);
      return undefined;
    }
    if (opts.integer !== false && !Number.isInteger(v)) {
      this.invalid(key, `"${key}" must be a whole number, got ${v}`);
      return undefined;
    }
    if (opts.min !== undefined && v < opts.min) {
      this.invalid(key, `"${key}" must be at least ${opts.min}, got ${v}`);
      return undefined;
    }
    if (opts.max !== undefined && v > opts.max) {
      this.invalid(key, `"${key}" must be at most ${opts.max}, got ${v}`);
      return undefined;
    }
    if (opts.multipleOf !== undefined && v % opts.multipleOf !== 0) {
      this.invalid(key, `"${key}" must be a multiple of ${opts.multipleOf}, got ${v}`);
      return undefined;
    }
    return v;
  }

  bool(key: string): boolean | undefined {
    const v = this.value[key];
    if (v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    this.invalid(key, `"${key}" must be true or false, got ${describe(v)}`);
    return undefined;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const v = this.value[key];
    if (v === undefined) return undefined;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    // A value that differs only in case ('Private' for 'private') is named: the likeliest slip, and one a JS file makes.
    const near = typeof v === 'string' ? allowed.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
    this.invalid(key, `"${key}" must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${describe(v)}${near ? ` (did you mean "${near}"?)` : ''}`);
    return undefined;
  }

  /**
   * A required choice. When it is missing or invalid the issue is reported and the first allowed value stands in, so
   * that the model keeps its shape; the validator holds back every verdict on the element (validate.ts, heldCheck).
   */
  reqOneOf<T extends string>(key: string, allowed: readonly T[]): T {
    if (this.value[key] === undefined) {
      this.invalid(key, `missing required field "${key}" (one of ${allowed.map((a) => `"${a}"`).join(', ')})`);
      return allowed[0]!;
    }
    return this.oneOf(key, allowed) ?? allowed[0]!;
  }

  arr(key: string, required = false): unknown[] {
    const v = this.value[key];
    if (v === undefined) {
      if (required) this.invalid(key, `missing required field "${key}"`);
      return [];
    }
    if (Array.isArray(v)) return v;
    this.invalid(key, `"${key}" must be an array, got ${describe(v)}`);
    return [];
  }

  strArr(key: string, required = false): string[] {
    const out: string[] = [];
    this.arr(key, required).forEach((v, i) => {
      if (typeof v === 'string') out.push(v);
      else this.sink.issues.push({ ruleId: 'structure/schema', message: `expected a string, got ${describe(v)}`, path: `${this.at(key)}[${i}]`, element: this.element || undefined, standIn: true });
    });
    return out;
  }

  zones(key: string): Array<1 | 2 | 3> {
    const out: Array<1 | 2 | 3> = [];
    this.arr(key).forEach((v, i) => {
      if (v === 1 || v === 2 || v === 3) {
        if (!out.includes(v)) out.push(v);
      } else {
        this.sink.issues.push({ ruleId: 'structure/schema', message: `zone must be 1, 2 or 3, got ${describe(v)}`, path: `${this.at(key)}[${i}]`, element: this.element || undefined, standIn: true });
      }
    });
    return out.sort();
  }

  /** Zones when stated; otherwise unknown (most resources have no platform default worth assuming). */
  optZones(key: string): Array<1 | 2 | 3> | undefined {
    return this.has(key) ? this.zones(key) : this.unknown(key, 'availability zones', 'no zones');
  }

  /** A nested object (not a tagged part). */
  sub(key: string, required = false): Fields | undefined {
    const v = this.value[key];
    if (v === undefined) {
      if (required) this.invalid(key, `missing required field "${key}"`);
      return undefined;
    }
    if (!isRecord(v)) {
      this.invalid(key, `"${key}" must be an object, got ${describe(v)}`);
      return undefined;
    }
    return new Fields(v, this.at(key), this.sink, this.element);
  }
}

export { describe };
