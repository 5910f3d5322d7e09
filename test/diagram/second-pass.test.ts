/**
 * A compact view's (the overview's) second passes: which first passes get one that competes. The rule is the same
 * with one ELK or two (src/diagram/pipeline.ts), so the overview's bytes never depend on the layout thread.
 */
import { describe, expect, it } from 'vitest';
import { landscapeScale, secondPassesWanted } from '../../src/diagram/pipeline.js';
import { MM_PER_PX, pictureBox } from '../../src/diagram/page-fit.js';
import type { DiagramTarget } from '../../src/model/diagram-target.js';

const box = pictureBox('a4', 'landscape');
/** A candidate wide enough that its width alone sets its scale on A4 landscape: it prints at `scale`. */
const at = (scale: number) => ({ target: { width: box.width / (scale * MM_PER_PX), height: 1 } as DiagramTarget });

describe('secondPassesWanted', () => {
  it('the candidates are what the rule reads: their scale on A4 landscape', () => {
    expect(landscapeScale(at(0.5))).toBeCloseTo(0.5, 12);
  });

  it('the best first pass always gets its second pass, alone or beside others', () => {
    expect(secondPassesWanted([at(0.5)])).toEqual([true]);
    expect(secondPassesWanted([at(0.3), at(0.5)])).toEqual([false, true]);
  });

  it('a first pass at 90 % of the best or closer gets one; just below 90 % does not', () => {
    const best = 0.5;
    expect(secondPassesWanted([at(best), at(best * 0.9 * (1 + 1e-9))])).toEqual([true, true]);
    expect(secondPassesWanted([at(best), at(best * 0.9 * (1 - 1e-9))])).toEqual([true, false]);
    // The order of the candidates does not matter: top-down may be the best.
    expect(secondPassesWanted([at(best * 0.9 * (1 - 1e-9)), at(best)])).toEqual([false, true]);
    expect(secondPassesWanted([at(best * 0.95), at(best)])).toEqual([true, true]);
  });

  it('two first passes that print alike both get one', () => {
    expect(secondPassesWanted([at(0.42), at(0.42)])).toEqual([true, true]);
  });
});
