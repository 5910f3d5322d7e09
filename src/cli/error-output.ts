/**
 * How the CLI prints an AksnetError, for every command alike: one `file:line:col - error: …` line, and with `--debug`
 * the underlying error's stack under it (for a design that threw, its frames mapped to the user's sources by the
 * loader). One place, so that `validate`, `diagram`, `report` and the commands that end on the error cannot differ.
 */
import type { AksnetError } from '../shared/errors.js';
import { terminalSafe } from '../shared/text-safety.js';

let debug = false;

/** `--debug` for the rest of the run (set by the CLI before any command runs). */
export function setDebug(on: boolean): void {
  debug = on;
}

/** The error's line, then (with --debug) its stack; each line made safe for a terminal, without a final newline. */
export function errorText(e: AksnetError): string {
  const line = terminalSafe(e.format());
  if (!debug || !e.detail) return line;
  // Line by line: terminalSafe would show the stack's own newlines as `\u000a`.
  return `${line}\n${e.detail.split('\n').map(terminalSafe).join('\n')}`;
}

/** Writes errorText to stderr. */
export function writeError(e: AksnetError): void {
  process.stderr.write(errorText(e) + '\n');
}
