/** Errors that end a run with a documented exit code and one clear line, never a stack trace. */

/** Exit codes of the CLI. */
export const ExitCode = {
  /** No finding at or over the threshold. */
  ok: 0,
  /** Findings at or over the threshold (or more warnings than allowed). */
  findings: 1,
  /** Usage error, or an input that could not be loaded or type-checked. */
  usage: 2,
  /** An output could not be produced (e.g. no browser for PDF). */
  output: 3,
  /** A bug in aksnet: an unexpected exception (printed without a stack trace unless `--debug`). */
  internal: 4,
} as const;

/** One of the documented exit codes (0 ok, 1 findings, 2 usage/load, 3 output, 4 internal). */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** An error with an optional source location and the exit code it maps to. */
export class AksnetError extends Error {
  constructor(
    message: string,
    readonly location?: SourceLocation,
    readonly exitCode: ExitCode = ExitCode.usage,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'AksnetError';
  }

  /** `file:line:col - error: message`, or just the message. */
  format(): string {
    const where = this.location ? `${this.location.file}:${this.location.line}:${this.location.column} - ` : '';
    return `${where}error: ${this.message}`;
  }
}
