/** Registers `aksnet report` (picked up by `extend()` in main.ts). */
import { Option, type Command } from 'commander';
import type { ReportCliOptions } from './report.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function register(program: Command): void {
  program
    .command('report')
    .description('write a Well-Architected review pack (PDF, self-contained HTML, Markdown, JSON or CSV)')
    .argument('<files...>', 'architecture files, directories or globs (one pack for all of them)')
    .option('-o, --output <path>', 'output file (.pdf .html .md .json .csv) or directory/ for Markdown; repeat for several formats', collect)
    .addOption(new Option('-f, --format <format>', 'force the format of a single output').choices(['pdf', 'html', 'md', 'json', 'csv']))
    .option('--title <title>', 'pack title (default: the architecture title)')
    .option('--as-of <date>', 'evaluate lifecycle rules and acceptances as of this date (YYYY-MM-DD)')
    .addOption(new Option('--paper <size>', 'PDF paper size').choices(['a4', 'letter']).default('a4'))
    .option('--templates <dir>', 'directory of Handlebars templates overriding the built-in ones by file name')
    .option('-c, --config <file>', 'use this aksnet.config file instead of searching for one')
    .option('--no-config', 'ignore aksnet.config files')
    .option('--watch', 'rewrite the pack when a design or one of its inputs is added, changed or deleted')
    .addHelpText(
      'after',
      `
Examples:
  $ aksnet report examples/*.ts -o review-pack.pdf
  $ aksnet report prod.ts -o pack.pdf -o pack.html -o findings.csv
  $ aksnet report prod.ts -o out/                  # out/pack.md + out/diagrams/*.svg
  $ aksnet report designs/ -o pack.pdf --paper letter --title "Q4 network review"
  $ AKSNET_BROWSER=/usr/bin/chromium aksnet report prod.ts -o pack.pdf
  $ SOURCE_DATE_EPOCH=1767225600 aksnet report prod.ts -o pack.pdf   # reproducible bytes

The format comes from each output's extension (a directory means Markdown). PDF needs Chromium or
Chrome: AKSNET_BROWSER, then \`browser\` in aksnet.config.ts, then the usual install paths.
Exit codes: 0 pack written, 2 usage or load error, 3 an output could not be produced (e.g. no browser;
the other outputs of the run are still written).`,
    )
    .action(async (files: string[], opts: ReportCliOptions) => {
      const { reportCommand } = await import('./report.js');
      program.setOptionValue('exit', await reportCommand(files, opts));
    });
}
