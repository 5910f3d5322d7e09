/**
 * The watch loop's and `aksnet serve`'s scheduling (debouncedRunner in src/workflow/watch.ts): one run after the
 * last event of a burst, never two runs at once, and a change during a run never lost.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debouncedRunner } from '../../src/workflow/watch.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * A runner over a run that stays under way until `finish()`; `startsAfter(ms)` lets that much time pass and says
 * how many runs have started so far.
 */
function gated(debounceMs?: number) {
  const state = { starts: 0, under: 0, most: 0, finish: () => {} };
  const run = () =>
    new Promise<void>((done) => {
      state.starts++;
      state.under++;
      state.most = Math.max(state.most, state.under);
      state.finish = () => {
        state.under--;
        done();
      };
    });
  const runner = debouncedRunner(run, debounceMs);
  const startsAfter = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    return state.starts;
  };
  return { state, runner, startsAfter };
}

describe('debouncedRunner', () => {
  it('runs once, the debounce after the last event of a burst, not before', async () => {
    const { state, runner, startsAfter } = gated(20);
    runner.trigger();
    expect(await startsAfter(15)).toBe(0);
    runner.trigger();
    expect(await startsAfter(15)).toBe(0);
    runner.trigger();
    expect(await startsAfter(19)).toBe(0);
    expect(await startsAfter(1)).toBe(1);
    state.finish();
    expect(await startsAfter(100)).toBe(1);
    expect(runner.running()).toBeUndefined();
  });

  it('a change during a run makes exactly one more run when it ends, never two at once', async () => {
    const { state, runner, startsAfter } = gated(20);
    runner.trigger();
    expect(await startsAfter(20)).toBe(1);
    // Two bursts while the first run is under way.
    runner.trigger();
    expect(await startsAfter(20)).toBe(1);
    runner.trigger();
    expect(await startsAfter(20)).toBe(1);
    expect(runner.running()).toBeDefined();
    state.finish();
    expect(await startsAfter(0)).toBe(2);
    state.finish();
    expect(await startsAfter(100)).toBe(2);
    expect(state.most).toBe(1);
    expect(runner.running()).toBeUndefined();
  });

  it('cancel forgets a run that has not started', async () => {
    const { runner, startsAfter } = gated(20);
    runner.trigger();
    expect(await startsAfter(10)).toBe(0);
    runner.cancel();
    expect(await startsAfter(100)).toBe(0);
  });

  it('waits 20 ms by default', async () => {
    const { state, runner, startsAfter } = gated();
    runner.trigger();
    expect(await startsAfter(19)).toBe(0);
    expect(await startsAfter(1)).toBe(1);
    state.finish();
  });

  it('now() runs at once, and a change during that run makes one more run after it, never two at once', async () => {
    const { state, runner, startsAfter } = gated(20);
    const first = runner.now();
    expect(state.starts).toBe(1);
    runner.trigger();
    expect(await startsAfter(20)).toBe(1);
    // Asked for again while a run is under way: the same promise, one more run after it.
    expect(runner.now()).toBe(runner.running());
    state.finish();
    expect(await startsAfter(0)).toBe(2);
    state.finish();
    await first;
    expect(await startsAfter(100)).toBe(2);
    expect(state.most).toBe(1);
    expect(runner.running()).toBeUndefined();
  });
});
