/**
 * Work the main thread can do while it would otherwise wait on another process or thread.
 *
 * A command queues work it will need soon (`aksnet diagram` queues loading ELK); the load stage says when it has
 * handed the bundled design to the evaluation worker (`mainThreadWaits`). Queued work runs then, on a later turn of
 * the event loop, so it fills the wait instead of delaying the hand-off. Run any earlier it holds the load back:
 * loading ELK first put its compile in front of esbuild's start, and loading it while esbuild bundled held the build
 * back, since esbuild calls back into this thread to resolve `aksnet` (traced: the build took ~60 ms instead of ~10).
 *
 * Queued work that never gets a wait (the design failed before it reached the worker) simply does not run early; its
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
