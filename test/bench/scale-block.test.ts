/**
 * bench/RESULTS.md holds exactly one scale block (bench/scale-block.mjs), whatever older runs of bench/run.mjs and
 * bench/scale.mjs left: an end marker without its start, unmarked sections, several blocks. The committed file too.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench module without type declarations
import * as scale from '../../bench/scale-block.mjs';

const { lastScaleBlock, withScaleBlock, withoutScale } = scale as {
  lastScaleBlock(text: string): string | undefined;
  withScaleBlock(text: string, block: string): string;
  withoutScale(text: string): string;
};

const block = (when: string) =>
  `<!-- scale:start -->\n## Scale targets (issue #15)\n\nWritten on ${when}.\n\n| run | wall |\n|---|---:|\n| x | 1 s |\n<!-- scale:end -->`;
const count = (text: string, s: string) => text.split(s).length - 1;

/** What an old bench/run.mjs left: an unmarked copy ending in a stray end marker, then two appended blocks. */
const broken = [
  '# aksnet bench results',
  '',
  '| measure | result | target |',
  '|---|---:|---:|',
  '| a | 1 | 2 |',
  '',
  '## Scale targets (issue #15)',
  '',
  'Written on 17:53.',
  '<!-- scale:end -->',
  '',
  block('20:24'),
  '',
  block('21:14'),
  '',
].join('\n');

describe('the scale block of bench/RESULTS.md', () => {
  it('finds the newest block, skipping an end marker without its start', () => {
    expect(lastScaleBlock(broken)).toBe(block('21:14'));
    expect(lastScaleBlock('# results\n')).toBeUndefined();
  });

  it('marks an unmarked scale section so that it is kept as a block', () => {
    const old = '# results\n\n## Scale targets (issue #15)\n\nWritten on 12:00.\n';
    expect(lastScaleBlock(old)).toBe(
      '<!-- scale:start -->\n## Scale targets (issue #15)\n\nWritten on 12:00.\n<!-- scale:end -->',
    );
  });

  it('leaves exactly one block, at the end, and the rest of the file as it was', () => {
    const fixed = withScaleBlock(broken, block('22:00'));
    expect([
      count(fixed, '<!-- scale:start -->'),
      count(fixed, '<!-- scale:end -->'),
      count(fixed, '## Scale'),
    ]).toEqual([1, 1, 1]);
    expect(fixed.endsWith(`${block('22:00')}\n`)).toBe(true);
    expect(
      fixed.startsWith(
        '# aksnet bench results\n\n| measure | result | target |\n|---|---:|---:|\n| a | 1 | 2 |\n\n<!-- scale:start -->',
      ),
    ).toBe(true);
    // Writing again changes nothing but the block.
    expect(withScaleBlock(fixed, block('22:00'))).toBe(fixed);
    expect(withoutScale(fixed)).toBe(
      '# aksnet bench results\n\n| measure | result | target |\n|---|---:|---:|\n| a | 1 | 2 |',
    );
  });

  it('holds in the committed bench/RESULTS.md', () => {
    const text = readFileSync(join(resolve(import.meta.dirname, '../..'), 'bench/RESULTS.md'), 'utf8');
    expect([
      count(text, '<!-- scale:start -->'),
      count(text, '<!-- scale:end -->'),
      count(text, '## Scale targets'),
    ]).toEqual([1, 1, 1]);
    expect(text.indexOf('<!-- scale:start -->')).toBeLessThan(text.indexOf('<!-- scale:end -->'));
  });
});
