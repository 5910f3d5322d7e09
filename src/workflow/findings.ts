/**
 * Findings output shared by `validate`, `build` and `serve`: the format by name, the exit code
 * from a threshold, and the worst-result rule (a load failure outranks findings).
 */
import { AksnetError, ExitCode } from '../load/errors.js';
import type { Colors } from '../cli/io.js';
import type { FileResult } from '../validate/finding.js';
import { count } from '../validate/format/summary.js';
import { isLoadFailure } from '../validate/load-failure.js';

export const FINDINGS_FORMATS = ['text', 'json', 'sarif', 'github', 'markdown', 'junit', 'gitlab'] as const;
export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];
export type FailOn = 'error' | 'warning' | 'info' | 'none';

/** What formatters may need beyond the results (the integrator maps this onto the formatter registry). */
export interface FormatContext {
  /** Colour functions for the text format (identity when output is not a TTY). */
  colors?: Colors;
  /** Directory paths in reports are relative to (default: the working directory). */
  cwd?: string;
}

/** Renders results in a format; formatters are imported on first use. */
export async function renderFindings(
  results: FileResult[],
  format: FindingsFormat,
  context: FormatContext = {},
): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../validate/format/json.js')).formatJson(results);
    case 'text': {
      const { colors } = await import('../cli/io.js');
      return (await import('../validate/format/text.js')).formatText(results, context.colors ?? colors(false));
    }
    case 'sarif':
      return (await import('../validate/format/sarif.js')).formatSarif(results);
    case 'github':
      return (await import('../validate/format/github.js')).formatGithub(results);
    case 'markdown':
      return (await import('../validate/format/markdown.js')).formatMarkdown(results);
    case 'junit':
      return (await import('../validate/format/junit.js')).formatJunit(results, context);
    case 'gitlab':
      return (await import('../validate/format/gitlab.js')).formatGitlab(results, context);
    default:
      throw new AksnetError(
        `output format "${String(format)}" is not available in this build`,
        undefined,
        ExitCode.usage,
      );
  }
}

/**
 * The exit code of a set of results: 2 when a design failed to load (the worst result), else 1 when
 * an open finding is at or over the threshold or warnings exceed `maxWarnings`, else 0.
 */
export function findingsExitCode(results: FileResult[], failOn: FailOn, maxWarnings?: number): number {
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

/** One summary line for watch mode and build: counts per severity and per outcome. */
export function summaryLine(results: FileResult[], skipped: number): string {
  const n = count(results);
  const failed = results.filter(isLoadFailure).length;
  const parts = [
    `${n.error} error${n.error === 1 ? '' : 's'}`,
    `${n.warning} warning${n.warning === 1 ? '' : 's'}`,
    `${n.info} info`,
  ];
  if (n.suppressed) parts.push(`${n.suppressed} suppressed`);
  const files = [`${results.length - failed} design${results.length - failed === 1 ? '' : 's'} validated`];
  if (failed) files.push(`${failed} failed to load`);
  if (skipped) files.push(`${skipped} skipped`);
  return `${parts.join(', ')} (${files.join(', ')})`;
}
