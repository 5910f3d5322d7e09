/**
 * Warm-up of the layout thread for a review pack. Where a pack's layouts run is decided by the layout pool of
 * layout-thread.ts (`layoutInPool`: whichever of the two ELKs is free); this only starts the thread's ELK early.
 */
import type { LayoutRequest } from './elk.js';
import { layoutInThread, layoutThreadOn } from './layout-thread.js';

/**
 * Starts the layout thread and its ELK (loading the 1.6 MB elkjs bundle) with a two-box layout whose result
 * is dropped: a pack calls it before loading its designs, so that start-up overlaps loading instead of
 * delaying the first layout sent to the thread. Does nothing (and returns undefined) when the thread is off;
 * else returns when the thread has answered (never rejects).
 */
export function warmLayoutThread(): Promise<void> | undefined {
  if (!layoutThreadOn()) return undefined;
  const tiny: LayoutRequest = {
    nodes: [
      { id: 'a', width: 10, height: 10, container: false },
      { id: 'b', width: 10, height: 10, container: false },
    ],
    edges: [{ id: 'a-b', from: 'a', to: 'b' }],
  };
  return layoutInThread(tiny).then(
    () => undefined,
    () => undefined,
  );
}
