/** Registers `aksnet build` (picked up by `extend()` in main.ts). The handler loads lazily. */
import { Option, type Command } from 'commander';

export function register(program: Command): void {
  program
    .command('build')
    .description('write every diagram, review pack and findings report aksnet.config.ts asks for')
    .option('-c, --config <file>', 'use this aksnet.config file instead of searching for one')
    .option('--check', 'write nothing; exit 1 listing every output that is stale, missing or orphaned')
    .option('--clean', 'also remove orphaned outputs (outputs no current design produces)')
    .option('--watch', 'build again when a design or one of its inputs is added, changed or deleted')
    .option('--shard <i/n>', 'build only the i-th of n deterministic slices of the designs (for CI matrices)')
    .option('--as-of <date>', 'evaluate lifecycle rules as of this date (YYYY-MM-DD)')
    .addOption(
      new Option('--fail-on <severity>', 'lowest finding severity that makes the exit code 1')
        .choices(['error', 'warning', 'info', 'none'])
        .default('none'),
    )
    .addHelpText(
      'after',
      `
Reads inputs (globs and ignores) and outputs (diagrams, review packs, findings reports) from
aksnet.config.ts. Output names follow each design's path below the input root, so designs/eu/prod.ts
and designs/us/prod.ts write eu/prod.* and us/prod.*. Helper modules are skipped with a note.

Examples:
  $ aksnet build
  $ aksnet build --check            # in CI: fail when committed outputs are out of date
  $ aksnet build --clean            # also delete diagrams of designs and views that are gone
  $ aksnet build --shard 2/4        # one job of a four-job matrix

Exit codes: 0 built (or up to date with --check), 1 --check found stale, missing or orphaned outputs
(or findings at --fail-on), 2 usage error or a design that failed to load, 3 an output could not be
produced (e.g. no browser for PDF or PNG).`,
    )
    .action(async (opts) => {
      const { buildCommand } = await import('./build.js');
      program.setOptionValue('exit', await buildCommand(opts));
    });
}
