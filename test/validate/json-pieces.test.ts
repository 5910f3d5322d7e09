/**
 * The JSON findings written to a file come in pieces (formatJsonPieces): joined they must be formatJson's text,
 * byte for byte, and the pretty-printer behind them must print what JSON.stringify(value, null, 2) prints for any
 * value, whichever containers it opens up.
 */
import { describe, expect, it } from 'vitest';
import { baseline } from '../helpers/fixture.js';
import { normalize } from '../../src/normalize/normalize.js';
import { loadRules } from '../../src/validate/registry.js';
import { validateModel } from '../../src/validate/validate.js';
import type { FileResult } from '../../src/validate/finding.js';
import { formatJson, formatJsonPieces, prettyPieces } from '../../src/validate/format/json.js';

const joined = (pieces: Iterable<string>) => [...pieces].join('');

const hole = [1, , 3];
const samples: Array<[string, unknown]> = [
  ['a number, a string, null, true', [0, -0, 1.5e300, 'x', null, true]],
  ['numbers JSON has no word for', [NaN, Infinity, -Infinity]],
  ['undefined, a function and a symbol in an array', [undefined, () => 1, Symbol('s'), 2]],
  ['a hole in an array', hole],
  ['undefined, a function and a symbol as object values', { a: undefined, b: () => 1, c: Symbol('s'), d: 4 }],
  ['an object whose every value is left out', { a: undefined }],
  ['empty containers, nested', { a: [], b: {}, c: [[], [{}]], d: [{ e: [] }] }],
  ['keys in integer order, then insertion order', { b: 1, 2: 'two', a: 3, 1: 'one' }],
  ['a Date (toJSON)', { at: new Date(Date.UTC(2026, 11, 3)) }],
  ['an object with its own toJSON', { x: { toJSON: () => ({ y: [1, 2] }) } }],
  ['strings that need escapes', { 'quote"key': 'line\nbreak\ttab\u2028\ud800 \u{1F600} ’' }],
  ['deep nesting', { a: { b: { c: { d: { e: [1, { f: [2, [3, { g: null }]] }] } } } } }],
  ['a string alone', 'just text'],
  ['null alone', null],
];

describe('prettyPieces', () => {
  const opens: Array<[string, (v: unknown, depth: number) => boolean]> = [
    ['every container opened', () => true],
    ['none opened', () => false],
    ['only the first two levels opened', (_v, depth) => depth <= 1],
    ['only arrays opened', (v) => Array.isArray(v)],
  ];
  for (const [name, value] of samples) {
    for (const [how, open] of opens) {
      it(`${name}, ${how}: JSON.stringify's text`, () => {
        expect(joined(prettyPieces(value, 0, open))).toBe(JSON.stringify(value, null, 2));
      });
    }
  }
  it('indents a value printed whole to the depth it is printed at', () => {
    const pieces = [...prettyPieces({ list: [{ a: 1, b: [2] }] }, 0, (_v, depth) => depth <= 1)];
    expect(pieces.join('')).toBe(JSON.stringify({ list: [{ a: 1, b: [2] }] }, null, 2));
    // The inner object is one piece (not opened), with its lines indented for depth 2.
    expect(pieces).toContain('{\n      "a": 1,\n      "b": [\n        2\n      ]\n    }');
  });
});

describe('formatJsonPieces', () => {
  it("joins to formatJson's text for results with findings, unverified checks and an empty file", async () => {
    const rules = await loadRules();
    const b = baseline();
    b.nodes.cidr = '10.1.0.1/22';
    const { model, issues } = normalize(b.arch);
    const one = await validateModel(model, issues, { file: 'a.ts', asOf: '2026-12-03', rules, locator: { locate: () => ({ line: 1, column: 1 }) } });
    const results: FileResult[] = [one, { ...one, file: 'b.ts', findings: [], unverified: [] }, { ...one, file: 'c’.ts' }];
    expect(one.findings.length).toBeGreaterThan(0);
    const text = formatJson(results);
    const pieces = formatJsonPieces(results);
    expect(joined(pieces.pieces())).toBe(text);
    // Each call starts again from the first piece.
    expect(joined(pieces.pieces())).toBe(text);
    expect(joined(formatJsonPieces([]).pieces())).toBe(formatJson([]));
  });
});
