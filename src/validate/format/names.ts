/**
 * The `--format` names, in the order the CLI lists them (`text` first: the default). Kept apart from the
 * formatters (registry.ts) so that the command line can offer them without loading every formatter; the
 * registry is typed by this list, so a name without a formatter, or a formatter without a name, does not compile.
 */
export const FORMAT_NAMES = ['text', 'json', 'sarif', 'github', 'markdown', 'junit', 'gitlab'] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];
