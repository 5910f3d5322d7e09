/**
 * JSON documents read for import, with the position of every value, so an error about a value
 * deep inside an export names its file, JSON path and line:column.
 */
import { AksnetError, ExitCode } from '../shared/errors.js';

/** A parsed JSON file and where each of its values starts. */
export interface JsonDoc {
  /** Display path of the file. */
  file: string;
  value: unknown;
  /** Offsets by JSON path (`$[0].properties.subnets[2]`). */
  offsets: Map<string, number>;
  text: string;
}

/** An import input that cannot be used: one message naming the file, JSON path and position. */
export function importError(
  doc: Pick<JsonDoc, 'file' | 'offsets' | 'text'>,
  path: string,
  message: string,
): AksnetError {
  const offset = nearestOffset(doc.offsets, path);
  const { line, column } = lineColumn(doc.text, offset);
  return new AksnetError(`${path}: ${message}`, { file: doc.file, line, column }, ExitCode.usage);
}

/** Offset of the path, or of its nearest ancestor that has one. */
function nearestOffset(offsets: Map<string, number>, path: string): number {
  let p = path;
  for (;;) {
    const o = offsets.get(p);
    if (o !== undefined) return o;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return offsets.get('$') ?? 0;
    p = p.slice(0, cut);
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** Appends a key to a JSON path, quoting keys that are not plain identifiers. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Parses JSON text, recording where each value starts. Truncated or malformed text fails with the
 * position where parsing stopped and the JSON path of the value being read.
 */
export function parseJsonDoc(file: string, text: string): JsonDoc {
  const offsets = new Map<string, number>();
  let i = 0;
  // A UTF-8 byte order mark is common in files written by PowerShell.
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const fail = (path: string, message: string): never => {
    const { line, column } = lineColumn(text, Math.min(i, text.length));
    throw new AksnetError(`${path}: ${message}`, { file, line, column }, ExitCode.usage);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const value = (path: string): unknown => {
    ws();
    offsets.set(path, i);
    if (i >= text.length) return fail(path, 'the JSON ends here: the file is truncated or empty');
    const c = text[i]!;
    if (c === '{') {
      i++;
      const out: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        ws();
        if (text[i] !== '"')
          return fail(
            path,
            i >= text.length ? 'the JSON ends inside an object: the file is truncated' : 'expected a quoted key',
          );
        const key = str(path);
        ws();
        if (text[i] !== ':')
          return fail(
            path,
            i >= text.length ? 'the JSON ends inside an object: the file is truncated' : 'expected ":" after a key',
          );
        i++;
        out[key] = value(childPath(path, key));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return out;
        }
        return fail(
          path,
          i >= text.length ? 'the JSON ends inside an object: the file is truncated' : 'expected "," or "}"',
        );
      }
    }
    if (c === '[') {
      i++;
      const out: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value(childPath(path, out.length)));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return out;
        }
        return fail(
          path,
          i >= text.length ? 'the JSON ends inside an array: the file is truncated' : 'expected "," or "]"',
        );
      }
    }
    if (c === '"') return str(path);
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) return fail(path, `unexpected character ${JSON.stringify(c)}`);
    i += m[0].length;
    return JSON.parse(m[0]) as unknown;
  };
  const str = (path: string): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) return fail(path, 'the JSON ends inside a string: the file is truncated');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail(path, 'invalid escape in a string');
    }
  };
  const v = value('$');
  ws();
  if (i < text.length) fail('$', 'unexpected text after the JSON value');
  return { file, value: v, offsets, text };
}
