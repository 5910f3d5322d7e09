/**
 * Spreads independent layouts over this thread and the layout thread (layout-thread.ts): a review pack
 * draws its designs concurrently, and each layout goes where fewer are waiting, so both cores run ELK
 * instead of one. Where a layout runs never changes its result (layout() rounds and copies ELK's output
 * the same way on either thread), so the pack's bytes do not depend on how the layouts were spread.
 */
import { layout, type LayoutRequest, type LayoutResult } from './elk.js';
import { layoutInThread, layoutThreadOn } from './layout-thread.js';

let here = 0;
let there = 0;

/** `layout(req)` on whichever of this thread and the layout thread has fewer layouts waiting (the thread on a tie). */
export async function balancedLayout(req: LayoutRequest): Promise<LayoutResult> {
  // ELK on this thread also holds up validating and rendering, which the layout thread never does.
  if (!layoutThreadOn() || there > here) {
    here++;
    try {
      return await layout(req);
    } finally {
      here--;
    }
  }
  there++;
  try {
    return await layoutInThread(req);
  } finally {
    there--;
  }
}

/**
 * Starts the layout thread and its ELK (loading the 1.6 MB elkjs bundle) with a two-box layout whose result
 * is dropped: a pack calls it before loading its designs, so that start-up overlaps loading instead of
 * delaying the first layout sent to the thread. Does nothing when the thread is off.
 */
export function warmLayoutThread(): void {
  if (!layoutThreadOn()) return;
  const tiny: LayoutRequest = {
    nodes: [
      { id: 'a', width: 10, height: 10, container: false },
      { id: 'b', width: 10, height: 10, container: false },
    ],
    edges: [{ id: 'a-b', from: 'a', to: 'b' }],
  };
  there++;
  layoutInThread(tiny).then(
    () => there--,
    () => there--,
  );
}

/** Layouts waiting or running on each side (for tests). */
export function poolLoad(): { here: number; there: number } {
  return { here, there };
}
