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

/** A run that stays under way until `finish()` is called, counting its starts. */
function gatedRun() {
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
  return { state, run };
}

describe('debouncedRunner', () => {
  it('runs once, the debounce after the last event of a burst, not before', async () => {
    const { state, run } = gatedRun();
    const r = debouncedRunner(run, 20);
    r.trigger();
    await vi.advanceTimersByTimeAsync(15);
    r.trigger();
    await vi.advanceTimersByTimeAsync(15);
    r.trigger();
    await vi.advanceTimersByTimeAsync(19);
    expect(state.starts).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.starts).toBe(1);
    state.finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(state.starts).toBe(1);
    expect(r.running()).toBeUndefined();
  });

  it('a change during a run makes exactly one more run when it ends, never two at once', async () => {
    const { state, run } = gatedRun();
    const r = debouncedRunner(run, 20);
    r.trigger();
    await vi.advanceTimersByTimeAsync(20);
    expect(state.starts).toBe(1);
    // Two bursts while the first run is under way.
    r.trigger();
    await vi.advanceTimersByTimeAsync(20);
    r.trigger();
    await vi.advanceTimersByTimeAsync(20);
    expect(state.starts).toBe(1);
    expect(r.running()).toBeDefined();
    state.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.starts).toBe(2);
    state.finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(state.starts).toBe(2);
    expect(state.most).toBe(1);
    expect(r.running()).toBeUndefined();
  });

  it('cancel forgets a run that has not started', async () => {
    const { state, run } = gatedRun();
    const r = debouncedRunner(run, 20);
    r.trigger();
    await vi.advanceTimersByTimeAsync(10);
    r.cancel();
    await vi.advanceTimersByTimeAsync(100);
    expect(state.starts).toBe(0);
  });

  it('waits 20 ms by default', async () => {
    const { state, run } = gatedRun();
    const r = debouncedRunner(run);
    r.trigger();
    await vi.advanceTimersByTimeAsync(19);
    expect(state.starts).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.starts).toBe(1);
    state.finish();
  });
});
