/**
 * The findings formatters by `--format` name. The CLI offers exactly these names as choices, so
 * adding a format is one module with a `Formatter` export and one line here.
 */
import type { Formatter } from './formatter.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export const FORMATTERS = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
  junit: formatJunit,
  gitlab: formatGitlab,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

/** The format names in registry order (`text` first: the default). */
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
