/**
 * The `aksnet` command line. Each command's handler is imported only when it runs, so
 * `aksnet validate` never pays for ELK, Handlebars or Puppeteer.
 */
import { pruneCache } from '../shared/cache-prune.js';
import { cacheDir } from '../shared/code-cache.js';
import { Command, CommanderError, Option } from 'commander';
import { AksnetError, ExitCode } from '../shared/errors.js';
import { version } from '../shared/version.js';
import { FORMAT_NAMES } from '../validate/format/names.js';
// Type-only: erased at run time, so each command's handler still loads only when it runs.
import type { RulesCliOptions } from './commands/rules.js';
import type { ValidateCliOptions } from './commands/validate.js';
import { enableTimings, flushTimings } from './timings.js';
import { setDebug, writeError } from './error-output.js';


function program(): Command {
  const p = new Command('aksnet')
    .description('Architecture-as-code for AKS networking: validate designs, draw them, write review packs.')
    .version(version(), '-v, --version', 'print the aksnet version')
    .option('--debug', 'print stack traces for errors')
    .option('--timings', 'print where the time went (load, normalize, validate, measure, layout, render, write) to stderr')
    .option('--load-timeout <seconds>', 'time limit for evaluating each design or config file (default 5)')
    .showHelpAfterError('(run `aksnet --help` for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ aksnet validate examples/*.ts
  $ aksnet validate designs/ --format sarif -o aksnet.sarif
  $ aksnet check designs/prod.ts
  $ aksnet model designs/prod.ts > model.json
  $ aksnet rules --format json
  $ aksnet init && aksnet build        # scaffold a repository, then write every output the config names
  $ aksnet build --check               # in CI: exit 1 when committed outputs are stale
  $ aksnet serve designs/              # live preview on 127.0.0.1

Run \`aksnet <command> --help\` for a command's options. Exit codes: 0 ok, 1 findings, 2 usage or load error, 3 output error, 4 internal error.`,
    );

  p.command('validate')
    .description('check architecture files against the rule catalogue')
    .argument('[files...]', "architecture files, directories or globs (default: the config's inputs)")
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMAT_NAMES]).default('text'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--as-of <date>', 'evaluate lifecycle rules as of this date (YYYY-MM-DD; default today)')
    .option('-c, --config <file>', 'use this aksnet.config file instead of searching for one')
    .option('--no-config', 'ignore aksnet.config files')
    .option('--max-warnings <n>', 'exit 1 when there are more than n open warnings')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info', 'none']).default('error'))
    .option('--watch', 're-validate when a design or one of its inputs is added, changed or deleted')
    .option('--shard <i/n>', 'validate only the i-th of n deterministic slices of the designs (for CI matrices)')
    .option('--omit-suppressed', 'leave accepted risks out of the output (GitHub code scanning ignores SARIF suppressions)')
    .option('--compact', 'text format: one line per finding, without fix lines and related-finding groups')
    .addHelpText(
      'after',
      `
Examples:
  $ aksnet validate examples/*.ts
  $ aksnet validate designs/ --format sarif -o aksnet.sarif
  $ aksnet validate prod.ts --format github --max-warnings 0
  $ aksnet validate prod.ts --as-of 2027-01-01
  $ aksnet validate designs/ --compact
  $ aksnet validate designs/ --format junit -o aksnet-junit.xml
  $ aksnet validate designs/ --format gitlab -o gl-code-quality.json

Files whose default export is not an architecture (helper modules) are skipped with a note. A design
that fails to load is an error result for that file; the other files are still validated.
Exit codes: 0 no finding at or over the threshold, 1 findings at or over it, 2 usage error or a design
that failed to load.`,
    )
    .action(async (files: string[], opts: ValidateCliOptions) => {
      const { validateCommand } = await import('./commands/validate.js');
      p.setOptionValue('exit', await validateCommand(files, opts));
    });

  p.command('check')
    .description('type-check architecture files against the DSL types')
    .argument('<files...>', 'architecture files or globs')
    .addHelpText('after', '\nExample:\n  $ aksnet check examples/*.ts\n\nPrints `file:line:col - error TSnnnn: message`; exit 2 when there are type errors.')
    .action(async (files: string[]) => {
      const { checkCommand } = await import('./commands/check.js');
      p.setOptionValue('exit', await checkCommand(files));
    });

  p.command('model')
    .description('print the normalized model of an architecture as JSON')
    .argument('<file>', 'architecture file')
    .option('--json', 'JSON output (the default and only format)', true)
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--facts', 'print where each fact comes from (defaulted with its source, or unknown) instead of the JSON')
    .addHelpText('after', '\nExample:\n  $ aksnet model examples/a-hub-spoke-baseline.ts --json > model.json\n  $ aksnet model examples/a-hub-spoke-baseline.ts --facts')
    .action(async (file: string, opts: { output?: string; facts?: boolean }) => {
      const { modelCommand } = await import('./commands/model.js');
      p.setOptionValue('exit', await modelCommand(file, opts));
    });

  p.command('rules')
    .description('list the rule catalogue')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--write-docs <dir>', 'write docs/rules/<id>.md for every rule and an index')
    .option('--check-docs <dir>', 'exit 1 when the rule docs in <dir> are out of date')
    .addHelpText('after', '\nExamples:\n  $ aksnet rules\n  $ aksnet rules --format json\n  $ aksnet rules --write-docs docs/rules')
    .action(async (opts: RulesCliOptions) => {
      const { rulesCommand } = await import('./commands/rules.js');
      p.setOptionValue('exit', await rulesCommand(opts));
    });

  // ---- import, diff, drift (issue #13) ------------------------------------------------------
  p.command('import')
    .description("write a design file from Azure's JSON (az outputs folder, az graph query result, ARM export)")
    .argument('<input>', 'folder of az … list/show outputs, or one JSON file')
    .option('-o, --output <file>', 'write the design to a file (atomically) instead of stdout')
    .option('--title <title>', 'metadata title of the design')
    .option('--force', 'overwrite an existing output file')
    .addHelpText(
      'after',
      `
Examples:
  $ aksnet import ./azure-export -o design.ts
  $ aksnet import graph.json -o design.ts --title "Payments production"
  $ aksnet import template.json -o design.ts

See docs/import.md for the az commands. Exit codes: 0 ok, 2 unusable input (file:line:col and JSON path), 3 output error.`,
    )
    .action(async (input: string, opts) => {
      const { importCommand } = await import('./commands/import.js');
      p.setOptionValue('exit', importCommand(input, opts));
    });
  p.command('diff')
    .description('what changed between two designs: parts, ingress/egress hops, findings introduced or resolved')
    .argument('<files...>', 'base.ts head.ts, or one file with --base <git ref>')
    .option('--base <ref>', 'compare the file with its version at this git ref')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .option('-c, --config <file>', 'use this aksnet.config file for the findings of both designs')
    .option('--no-config', 'ignore aksnet.config files')
    .addHelpText(
      'after',
      `
Examples:
  $ aksnet diff designs/prod-v1.ts designs/prod.ts
  $ aksnet diff designs/prod.ts --base origin/main --format markdown -o diff.md

Exit codes: 0 ok (changes or not), 2 usage or load error.`,
    )
    .action(async (files: string[], opts) => {
      const { diffCommand } = await import('./commands/diff.js');
      p.setOptionValue('exit', await diffCommand(files, opts));
    });

  p.command('drift')
    .description('compare a reviewed design with what is deployed (an az export folder or az graph query JSON)')
    .argument('<design>', 'architecture file')
    .requiredOption('--from <export>', 'folder of az outputs, az graph query JSON or ARM export (as for aksnet import)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMAT_NAMES]).default('text'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info', 'none']).default('error'))
    .addHelpText(
      'after',
      `
Examples:
  $ aksnet drift designs/prod.ts --from ./azure-export
  $ aksnet drift designs/prod.ts --from graph.json --format sarif -o drift.sarif

Findings: drift/missing-in-azure, drift/extra-in-azure, drift/differs, drift/unstated-in-design (info). Exit codes: 0 no drift at or over --fail-on, 1 drift, 2 usage or load error.`,
    )
    .action(async (design: string, opts) => {
      const { driftCommand } = await import('./commands/drift.js');
      p.setOptionValue('exit', await driftCommand(design, opts));
    });
  // ---- end of import, diff, drift --------------------------------------------------------------
  // --- aksnet routes (issue #9: effective routes per subnet) ---------------------------------
  p.command('routes')
    .description('print the effective route table of every subnet, like az network nic show-effective-route-table')
    .argument('<file>', 'architecture file')
    .option('-s, --subnet <name>', 'only this subnet (its name, or vnet/name)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  $ aksnet routes examples/a-hub-spoke-baseline.ts\n  $ aksnet routes prod.ts --subnet snet-nodes --format json')
    .action(async (file: string, opts) => {
      const { routesCommand } = await import('./commands/routes.js');
      p.setOptionValue('exit', await routesCommand(file, opts));
    });
  // --- end aksnet routes ------------------------------------------------------------------------
  // h15: designs are executed code; their evaluation time limit applies to every command that loads one.
  p.hook('preAction', async () => {
    const raw = p.opts()['loadTimeout'] as string | undefined;
    if (raw === undefined) return;
    if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) <= 0 || Number(raw) > 3600) {
      throw new AksnetError(`--load-timeout must be a number of seconds between 0 and 3600, got "${raw}"`, undefined, ExitCode.usage);
    }
    const { setLoadTimeout } = await import('../load/evaluate.js');
    setLoadTimeout(Math.round(Number(raw) * 1000));
  });

  return p;
}

/** Commands whose options live beside their handlers; each module only registers, handlers load lazily. */
async function extend(p: Command): Promise<void> {
  const modules = [import('./commands/diagram-command.js'), import('./commands/report-command.js')];
  for (const mod of await Promise.all(modules)) mod.register(p);
  // --- w12 (#12 workflows): build, init, serve ---
  const workflow = [import('./commands/build-command.js'), import('./commands/init-command.js'), import('./commands/serve-command.js')];
  for (const mod of await Promise.all(workflow)) mod.register(p);
  // --- end w12 ---
}

/** The complete command tree (for tests that check CI files call real commands and options). */
export async function cliProgram(): Promise<Command> {
  const p = program();
  await extend(p);
  return p;
}

/** Runs the CLI; returns the exit code instead of exiting so tests can call it. */
export async function run(argv: string[]): Promise<ExitCode> {
  const p = program();
  await extend(p);
  const debug = argv.includes('--debug');
  setDebug(debug);
  if (argv.includes('--timings')) enableTimings();
  try {
    // h15: commander lets the last of `--config x` and `--no-config` win silently; they contradict each other.
    const options = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
    if (options.includes('--no-config') && options.some((a) => a === '-c' || a === '--config' || a.startsWith('--config='))) {
      throw new AksnetError('--config and --no-config contradict each other; use one of them', undefined, ExitCode.usage);
    }
    await p.parseAsync(argv, { from: 'user' });
    const code = p.getOptionValue('exit') as ExitCode | undefined;
    return code ?? ExitCode.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    if (e instanceof AksnetError) {
      // Messages can quote a design's text; writeError keeps its control characters from reaching the terminal raw.
      writeError(e);
      return e.exitCode;
    }
    process.stderr.write(`aksnet: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (debug) process.stderr.write((e instanceof Error ? (e.stack ?? '') : '') + '\n');
    else process.stderr.write('(run again with --debug for details)\n');
    return ExitCode.internal;
  } finally {
    flushTimings();
    pruneCache(cacheDir());
  }
}
