/**
 * The files this process has written: outputs, cache entries, position memos. Watch mode and `serve` watch the
 * folders of the designs, where a project keeps its outputs (`docs/`, `out/findings.json`) and its layout cache
 * (`.aksnet-cache/`) too: without this list, each run's own JSON writes looked like a save and the session ran
 * again and again with nothing changed. A file aksnet writes is an output, never a design's input.
 */
import { resolve } from 'node:path';

const own = new Set<string>();

/** Notes that this process writes `path` (any spelling: it is resolved). */
export function noteOwnWrite(path: string): void {
  own.add(resolve(path));
}

/** Whether this process has written `path`. */
export function isOwnWrite(path: string): boolean {
  return own.has(resolve(path));
}
