/** Findings as JSON: a stable shape for scripts and CI. */
import type { TextPieces } from '../../shared/output-file.js';
import type { FileResult } from '../finding.js';
import { count, unverifiedOf } from './summary.js';

/** The document both forms of the JSON output print. */
function jsonDocument(results: FileResult[]) {
  const n = count(results);
  return {
    summary: {
      errors: n.error,
      warnings: n.warning,
      info: n.info,
      suppressed: n.suppressed,
      expired: n.expired,
      unverified: n.unverified,
      files: n.files,
    },
    files: results.map((r) => ({ file: r.file, title: r.title, asOf: r.asOf, findings: r.findings, unverified: r.unverified ?? [] })),
    findings: results.flatMap((r) => r.findings),
    /** Checks that could not run because a fact is unknown; not findings. */
    unverified: unverifiedOf(results),
  };
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(jsonDocument(results), null, 2) + '\n';
}

/**
 * The text of formatJson in pieces, for a file: each finding is printed once per place it appears, and the writer
 * encodes each piece into one small buffer as it comes. A run of many designs writes tens of megabytes (every
 * finding twice, per file and in the flat list); one string of it all, with its UTF-8 copy, cost a fresh process
 * more in memory touched for the first time than in printing, and the pieces kept in a list until written cost as
 * much again in garbage collection.
 */
export function formatJsonPieces(results: FileResult[]): TextPieces {
  const doc = jsonDocument(results);
  // The document, its lists, each file's object and each file's lists are opened up; everything in them (a
  // finding, an unverified check, the summary) is one piece.
  const open = (v: unknown, depth: number) =>
    Array.isArray(v) ? depth <= 3 : depth === 0 || (depth === 2 && 'findings' in (v as object));
  return {
    kind: 'pieces',
    *pieces() {
      yield* prettyPieces(doc, 0, open);
      yield '\n';
    },
  };
}

const INDENT = '  ';

/**
 * `JSON.stringify(value, null, 2)` at nesting `depth`, in pieces: an array or object that `open` selects is printed
 * member by member, anything else with JSON.stringify, its lines indented to `depth`.
 */
export function* prettyPieces(
  value: unknown,
  depth: number,
  open: (value: unknown, depth: number) => boolean,
): Generator<string, void, undefined> {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function' || !open(value, depth)) {
    const text = JSON.stringify(value, null, 2);
    yield depth === 0 ? text : text.replaceAll('\n', '\n' + INDENT.repeat(depth));
    return;
  }
  const inner = INDENT.repeat(depth + 1);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      const item: unknown = value[i];
      // As JSON.stringify prints them in an array: a hole, undefined, a function or a symbol is null.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* prettyPieces(item, depth + 1, open);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield INDENT.repeat(depth) + ']';
    return;
  }
  const record = value as Record<string, unknown>;
  // As JSON.stringify: own enumerable string keys in order; undefined, functions and symbols are left out.
  const keys = Object.keys(record).filter((k) => {
    const v = record[k];
    return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
  });
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let i = 0; i < keys.length; i++) {
    yield `${inner}${JSON.stringify(keys[i])}: `;
    yield* prettyPieces(record[keys[i]!], depth + 1, open);
    yield i < keys.length - 1 ? ',\n' : '\n';
  }
  yield INDENT.repeat(depth) + '}';
}
