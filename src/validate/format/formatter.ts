/**
 * The contract every findings formatter (`aksnet validate --format <name>`) implements. A formatter
 * is a pure function from the validation results to the bytes written: it loads nothing itself, so
 * what it needs beyond the results (rule metadata, colours, the directory paths are relative to)
 * comes in through the context. Register a new formatter in `registry.ts`.
 */
import type { Colors } from '../../shared/io.js';
import type { FileResult } from '../finding.js';
import type { RuleMeta } from '../rule.js';

export interface FormatContext {
  /** Metadata of every rule in the catalogue (SARIF describes the rules that ran from it). */
  readonly rules: readonly RuleMeta[];
  /** ANSI colours for a terminal; identity functions when the output goes to a file or a pipe. */
  readonly colors: Colors;
  /** Directory that file paths in the output are made relative to (SARIF's `%SRCROOT%`). */
  readonly cwd: string;
  /** Text format: one line per finding, without fix lines and related-finding groups (`--compact`). */
  readonly compact?: boolean;
}

/** Findings of one run in one output format. A formatter may ignore the context. */
export type Formatter = (results: FileResult[], context: FormatContext) => string;
