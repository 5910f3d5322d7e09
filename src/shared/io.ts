/** Output helpers shared by the commands: atomic writes, colour on a TTY only. */
import { writeOutput, type OutputData } from './output-file.js';

/**
 * Writes an output file: atomically for regular files (a temporary sibling renamed over the target,
 * so a failed run never leaves a half-written file), through for devices and FIFOs, never over an
 * input; failures are exit 3 naming the path (see output-file.ts).
 */
export function writeFileAtomic(path: string, data: OutputData): void {
  writeOutput(path, data);
}

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

/** ANSI colours when the stream is a TTY and NO_COLOR is unset; identity functions otherwise. */
export function colors(enabled: boolean): Colors {
  if (!enabled) {
    const id = (s: string) => s;
    return { red: id, yellow: id, blue: id, dim: id, bold: id, green: id };
  }
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22), green: wrap(32, 39) };
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}
