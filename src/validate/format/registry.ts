/**
 * The findings formatters by `--format` name. The CLI offers exactly these names as choices: adding a format is
 * one module with a `Formatter` export, its name in names.ts and one line here (the compiler checks the two agree).
 */
import type { Formatter } from './formatter.js';
import type { FormatName } from './names.js';
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
} as const satisfies Record<FormatName, Formatter>;

export { FORMAT_NAMES, type FormatName } from './names.js';
