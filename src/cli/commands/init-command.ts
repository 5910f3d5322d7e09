/** Registers `aksnet init` (picked up by `extend()` in main.ts). */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('init')
    .description(
      'scaffold designs/, aksnet.config.ts, a strict tsconfig.json and GitHub Actions + Azure DevOps CI files',
    )
    .argument('[dir]', 'folder to scaffold (default: the current folder)', '.')
    .option('--skip-existing', 'write only the files that do not exist yet (never overwrites either way)')
    .addHelpText(
      'after',
      `
Writes designs/starter.ts, aksnet.config.ts, tsconfig.json (skipLibCheck: false), .github/workflows/aksnet.yml
and azure-pipelines.yml. Refuses to overwrite: when one of them exists nothing is written (exit 2).

Example:
  $ npm install --save-dev aksnet typescript && npx aksnet init && npx tsc --noEmit && npx aksnet build`,
    )
    .action(async (dir: string, opts: { skipExisting?: boolean }) => {
      const { init } = await import('../../workflow/init.js');
      const r = await init(dir, opts);
      for (const f of r.written) process.stdout.write(`created ${f}\n`);
      for (const f of r.skipped) process.stderr.write(`kept existing ${f}\n`);
      process.stderr.write('next: npx tsc --noEmit && npx aksnet build\n');
      program.setOptionValue('exit', 0);
    });
}
