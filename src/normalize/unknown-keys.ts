/**
 * Keys a DSL part does not have. A misspelt field (`maxPod` for `maxPods`) that arrives through a spread,
 * an `as` cast or a .js design passes the type check, and the reader, which asks only for the fields it
 * knows, would go on as if the field were absent. Each such key is a `structure/schema` error with a
 * did-you-mean from the part's own keys, as the config loader does for aksnet.config.ts.
 *
 * The known keys are generated from dsl/types.ts (scripts/gen-dsl-keys.mjs), so they cannot drift from
 * the types; the builders' own additions are the `kind` tag (declared in the types) and the source site,
 * a non-enumerable symbol that Object.keys never lists.
 */
import type { Id } from '../model/types.js';
import { didYouMean } from '../shared/did-you-mean.js';
import { DSL_SHAPES } from './dsl-keys.generated.js';
import type { NormalizeIssue } from './reader.js';

/** The keys of a part or nested object: key → its nested shape (0: nothing to check), or '*' for any keys. */
export type DslShape = 0 | '*' | { readonly [key: string]: DslShape };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const partShape = (v: unknown): Exclude<DslShape, 0> | undefined => {
  if (!isObj(v) || typeof v.kind !== 'string' || !Object.hasOwn(DSL_SHAPES, v.kind)) return undefined;
  const s = DSL_SHAPES[v.kind];
  return s === 0 ? undefined : s;
};

/**
 * Reports the unknown keys of every part reachable from the architecture, and of the plain objects nested
 * in them. `where` gives a part's canonical path and element id (the normalizer's), when it has one, and the element
 * id of a plain object that is an element of its own.
 */
export function unknownKeys(root: unknown, where: (part: object) => { path?: string; element?: Id } | undefined): NormalizeIssue[] {
  const issues: NormalizeIssue[] = [];
  const seen = new Set<object>();
  const queue: Array<{ part: Obj; path: string }> = [];
  const enqueue = (part: Obj, path: string): void => {
    if (seen.has(part)) return;
    seen.add(part);
    queue.push({ part, path: where(part)?.path ?? path });
  };
  /** Finds the parts inside a value that has no keys of its own to check. */
  const scan = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => scan(x, `${path}[${i}]`));
    else if (partShape(v)) enqueue(v as Obj, path);
    else if (isObj(v) && !seen.has(v)) {
      seen.add(v);
      for (const k of Object.keys(v)) scan(read(v, k), `${path}.${k}`);
    }
  };
  const check = (obj: Obj, shape: Exclude<DslShape, 0>, path: string, what: string, element: Id | undefined): void => {
    for (const key of Object.keys(obj)) {
      const value = read(obj, key);
      const at = path ? `${path}.${key}` : key;
      if (shape === '*') {
        scan(value, at);
        continue;
      }
      if (!Object.hasOwn(shape, key)) {
        // A key set to undefined changes nothing (`{ ...(x ? { a } : {}) }` is often written as `a: x ? a : undefined`).
        if (value === undefined) continue;
        const known = Object.keys(shape).filter((k) => k !== 'kind');
        issues.push({
          ruleId: 'structure/schema',
          message: `unknown key "${key}" in ${what}${didYouMean(key, known)}: it is not a field of the DSL and is ignored`,
          path: at,
          element,
          // The model holds whatever the reader made of the field the key was probably meant to be.
          standIn: true,
        });
        continue;
      }
      const sub = shape[key]!;
      visit(value, sub, at, `${what}.${key}`, element);
    }
  };
  const visit = (value: unknown, shape: DslShape, path: string, what: string, element: Id | undefined): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, shape, `${path}[${i}]`, what, element));
      return;
    }
    if (partShape(value)) {
      enqueue(value as Obj, path);
      return;
    }
    if (!isObj(value)) return;
    // A plain object that is an element of its own (an egress destination) holds its own unknown keys.
    const own = where(value)?.element ?? element;
    if (shape === 0) scan(value, path);
    else check(value, shape, path, what, own);
  };
  if (isObj(root)) {
    seen.add(root);
    check(root, DSL_SHAPES.architecture as Exclude<DslShape, 0>, '', 'the architecture', undefined);
  }
  for (let i = 0; i < queue.length; i++) {
    const { part, path } = queue[i]!;
    const name = typeof part.name === 'string' ? ` "${part.name}"` : '';
    check(part, partShape(part)!, path, `${String(part.kind)}${name}`, where(part)?.element);
  }
  return issues;
}

/** A property value; a getter that throws is treated as absent (the reader reports such values itself). */
function read(obj: Obj, key: string): unknown {
  try {
    return obj[key];
  } catch {
    return undefined;
  }
}
