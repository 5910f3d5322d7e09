/**
 * Long text is written a slice at a time (writeData in src/shared/output-file.ts): the file must hold exactly the
 * bytes of `Buffer.from(text, 'utf8')`, also where a slice boundary falls inside a surrogate pair or next to a lone
 * surrogate, on every path an output takes (a new file, a file replaced, a descriptor written through).
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEXT_SLICE, writeOutput } from '../../src/shared/output-file.js';

const dir = mkdtempSync(join(tmpdir(), 'aksnet-output-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const S = TEXT_SLICE;
const cases: Array<[string, string]> = [
  ['a surrogate pair across the first boundary', 'a'.repeat(S - 1) + '\u{1F600}' + 'é'.repeat(10)],
  ['a lone high surrogate at the boundary, then a letter', 'a'.repeat(S - 1) + '\ud800' + 'b'.repeat(5)],
  ['a lone high surrogate at the boundary, then a high one', 'a'.repeat(S - 1) + '\ud800\ud801\udc01' + 'c'],
  ['a lone low surrogate right after the boundary', 'a'.repeat(S) + '\udc00' + 'd'],
  ['a high surrogate ending the text after a whole slice', 'a'.repeat(2 * S - 1) + '\ud800'],
  ['one code unit more than a slice', 'x'.repeat(S + 1)],
  ['exactly one slice', '€'.repeat(S)],
  [
    'three and a half slices of mixed widths',
    Array.from({ length: Math.ceil((3.5 * S) / 7) }, (_, i) => `${i % 10}ß€\u{1F680}é`).join(''),
  ],
];

describe('long text written a slice at a time', () => {
  for (const [name, text] of cases) {
    it(`${name}: the same bytes as Buffer.from`, () => {
      const expected = Buffer.from(text, 'utf8');
      const fresh = join(dir, `${name.replace(/\W+/g, '-')}.txt`);
      writeOutput(fresh, text);
      expect(readFileSync(fresh).equals(expected)).toBe(true);
      // Replacing a file that is there already.
      writeFileSync(fresh, 'old');
      writeOutput(fresh, text);
      expect(readFileSync(fresh).equals(expected)).toBe(true);
    });
  }

  it('a descriptor written through (/dev/fd/N) gets the same bytes', () => {
    const text = cases[0]![1];
    const target = join(dir, 'through.txt');
    writeFileSync(target, '');
    const fd = openSync(target, 'w');
    try {
      writeOutput(`/dev/fd/${fd}`, text);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(target).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });
});

describe('text written in pieces', () => {
  const pieces = (list: string[]) => ({ kind: 'pieces' as const, pieces: () => list });
  const cases: Array<[string, string[]]> = [
    ['a surrogate pair split between two pieces', ['abc\ud83d', '\ude00def']],
    ['a lone high surrogate ending a piece, a letter next', ['abc\ud83d', 'x']],
    ['a lone high surrogate ending the last piece', ['abc', '\ud83d']],
    ['a lone low surrogate starting a piece', ['abc', '\ude00x']],
    ['empty pieces between', ['', 'a', '', '\ud83d', '', '\ude00', '']],
    ['many small pieces past a slice', Array.from({ length: Math.ceil((2.5 * S) / 6) }, (_, i) => `${i % 10}€\u{1F600}ß`)],
    ['a piece longer than a slice among small ones', ['head', 'é'.repeat(S + 5) + '\ud83d', '\ude00', 'tail']],
  ];
  for (const [name, list] of cases) {
    it(`${name}: the bytes of the pieces joined`, () => {
      const file = join(dir, `pieces-${name.replace(/\W+/g, '-')}.txt`);
      writeOutput(file, pieces(list));
      expect(readFileSync(file).equals(Buffer.from(list.join(''), 'utf8'))).toBe(true);
    });
  }
});
