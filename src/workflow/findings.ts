/**
 * Findings output shared by `validate`, `build` and `serve`: the format by name, the exit code
 * from a threshold, and the worst-result rule (a load failure outranks findings).
 */
import { ExitCode } from '../shared/errors.js';
import { colors as makeColors, type Colors } from '../shared/io.js';
import type { FileResult } from '../validate/finding.js';
import { count } from '../validate/format/summary.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from '../validate/format/registry.js';
import { formatJsonPieces } from '../validate/format/json.js';
import type { TextPieces } from '../shared/output-file.js';
import { isLoadFailure } from '../validate/load-failure.js';
import { loadRules } from '../validate/registry.js';

export { summaryLine } from '../validate/format/summary.js';

export const FINDINGS_FORMATS = FORMAT_NAMES;
export type FindingsFormat = FormatName;
export type FailOn = 'error' | 'warning' | 'info' | 'none';

/** What the caller knows beyond the results; rule metadata is loaded here. */
export interface FindingsContext {
  /** Colour functions for the text format (identity when output is not a TTY). */
  colors?: Colors;
  /** Directory paths in reports are relative to (default: the working directory). */
  cwd?: string;
  /** Text format: one line per finding (`validate --compact`). */
  compact?: boolean;
}

/** Renders results in a format through the formatter registry. */
export async function renderFindings(
  results: FileResult[],
  format: FindingsFormat,
  context: FindingsContext = {},
): Promise<string> {
  const rules = (await loadRules()).map((r) => r.meta);
  return FORMATTERS[format](results, {
    rules,
    colors: context.colors ?? makeColors(false),
    cwd: context.cwd ?? process.cwd(),
    ...(context.compact ? { compact: true } : {}),
  });
}

/**
 * Renders results for an output file: as renderFindings, except that the JSON format comes in pieces
 * (formatJsonPieces), which the file writer encodes without one string of the whole document.
 */
export async function renderFindingsFile(
  results: FileResult[],
  format: FindingsFormat,
  context: FindingsContext = {},
): Promise<string | TextPieces> {
  if (format === 'json') return formatJsonPieces(results);
  return renderFindings(results, format, context);
}

/**
 * The exit code of a set of results: 2 when a design failed to load (the worst result), else 1 when
 * an open finding is at or over the threshold or warnings exceed `maxWarnings`, else 0.
 */
export function findingsExitCode(results: FileResult[], failOn: FailOn, maxWarnings?: number): ExitCode {
  if (results.some(isLoadFailure)) return ExitCode.usage;
  const n = count(results);
  const over =
    failOn === 'none'
      ? false
      : failOn === 'error'
        ? n.error > 0
        : failOn === 'warning'
          ? n.error + n.warning > 0
          : n.error + n.warning + n.info > 0;
  if (over) return ExitCode.findings;
  if (maxWarnings !== undefined && n.warning > maxWarnings) return ExitCode.findings;
  return ExitCode.ok;
}

