/**
 * Work the main thread can do while it would otherwise wait on another process or thread.
 *
 * A command queues work it will need soon (`aksnet diagram` queues loading ELK); the load stage says when it has
 * handed the design to esbuild and the evaluation worker (`mainThreadWaits`). Queued work runs then, on a later turn
 * of the event loop, so it fills the wait instead of delaying the hand-off: loading ELK before esbuild was started
 * put ELK's ~80 ms compile in front of the design's whole load.
 *
 * Queued work that never gets a wait (the design failed before it reached esbuild) simply does not run early; its
 * owner still does it on first use.
 */
let queued: Array<() => void> = [];

/** Runs `task` at the next wait of the main thread (see mainThreadWaits). */
export function whenMainThreadWaits(task: () => void): void {
  queued.push(task);
}

/** Called by a stage that has just handed work to another process or thread and will now wait for it. */
export function mainThreadWaits(): void {
  if (queued.length === 0) return;
  const tasks = queued;
  queued = [];
  for (const t of tasks) setImmediate(t);
}
