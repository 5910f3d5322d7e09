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

/** Layouts waiting or running on each side (for tests). */
export function poolLoad(): { here: number; there: number } {
  return { here, there };
}
