/**
 * The `aksnet` command line. Each command's handler is imported only when it runs, so
 * `aksnet validate` never pays for ELK, Handlebars or Puppeteer.
 */
import { Command, CommanderError, Option } from 'commander';
import { AksnetError, ExitCode } from '../load/errors.js';
import { version } from './version.js';
import { terminalSafe } from '../shared/text-safety.js';

const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'] as const;

function program(): Command {
  const p = new Command('aksnet')
    .description('Architecture-as-code for AKS networking: validate designs, draw them, write review packs.')
    .version(version(), '-v, --version', 'print the aksnet version')
    .option('--debug', 'print stack traces for errors')
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

Run \`aksnet <command> --help\` for a command's options. Exit codes: 0 ok, 1 findings, 2 usage or load error, 3 output error.`,
    );

  p.command('validate')
    .description('check architecture files against the rule catalogue')
    .argument('<files...>', 'architecture files, directories or globs')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('text'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--as-of <date>', 'evaluate lifecycle rules as of this date (YYYY-MM-DD; default today)')
    .option('-c, --config <file>', 'use this aksnet.config file instead of searching for one')
    .option('--no-config', 'ignore aksnet.config files')
    .option('--max-warnings <n>', 'exit 1 when there are more than n open warnings')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info', 'none']).default('error'))
    .addHelpText(
      'after',
      `
Examples:
  $ aksnet validate examples/*.ts
  $ aksnet validate designs/ --format sarif -o aksnet.sarif
  $ aksnet validate prod.ts --format github --max-warnings 0
  $ aksnet validate prod.ts --as-of 2027-01-01

Exit codes: 0 no finding at or over the threshold, 1 findings at or over it, 2 usage or load error.`,
    )
    .action(async (files: string[], opts) => {
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
    .addHelpText('after', '\nExample:\n  $ aksnet model examples/a-hub-spoke-baseline.ts --json > model.json')
    .action(async (file: string, opts) => {
      const { modelCommand } = await import('./commands/model.js');
      p.setOptionValue('exit', await modelCommand(file, opts));
    });

  p.command('rules')
    .description('list the rule catalogue')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--write-docs <dir>', 'write docs/rules/<id>.md for every rule and an index')
    .option('--check-docs <dir>', 'exit 1 when the rule docs in <dir> are out of date')
    .addHelpText('after', '\nExamples:\n  $ aksnet rules\n  $ aksnet rules --format json\n  $ aksnet rules --write-docs docs/rules')
    .action(async (opts) => {
      const { rulesCommand } = await import('./commands/rules.js');
      p.setOptionValue('exit', await rulesCommand(opts));
    });

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
}

/** Runs the CLI; returns the exit code instead of exiting so tests can call it. */
export async function run(argv: string[]): Promise<number> {
  const p = program();
  await extend(p);
  const debug = argv.includes('--debug');
  try {
    // h15: commander lets the last of `--config x` and `--no-config` win silently; they contradict each other.
    const options = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
    if (options.includes('--no-config') && options.some((a) => a === '-c' || a === '--config' || a.startsWith('--config='))) {
      throw new AksnetError('--config and --no-config contradict each other; use one of them', undefined, ExitCode.usage);
    }
    await p.parseAsync(argv, { from: 'user' });
    const code = p.getOptionValue('exit') as number | undefined;
    return code ?? ExitCode.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    if (e instanceof AksnetError) {
      // Messages can quote a design's text; its control characters must not reach the terminal raw.
      process.stderr.write(terminalSafe(e.format()) + '\n');
      if (debug && e.detail) process.stderr.write(e.detail + '\n');
      return e.exitCode;
    }
    const err = e as Error;
    process.stderr.write(`aksnet: internal error: ${err?.message ?? String(e)}\n`);
    if (debug) process.stderr.write((err?.stack ?? '') + '\n');
    else process.stderr.write('(run again with --debug for details)\n');
    return 4;
  }
}
