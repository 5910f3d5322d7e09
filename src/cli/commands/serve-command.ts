/** Registers `aksnet serve` (picked up by `extend()` in main.ts). */
import type { Command } from 'commander';
import { AksnetError, ExitCode } from '../../shared/errors.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('live preview on 127.0.0.1: every view, the findings and the review pack per design, reloaded on save')
    .argument('[designs...]', "design files, folders or globs (default: the config's inputs)")
    .option('-p, --port <port>', 'port on 127.0.0.1 (0 picks a free one)', '4173')
    .option('-c, --config <file>', 'use this aksnet.config file instead of searching for one')
    .option('--no-config', 'ignore aksnet.config files')
    .addHelpText(
      'after',
      `
Listens on 127.0.0.1 only. A design file is executed code (like a Vite config): only the files named
here (or by the config's inputs) and what they import are run. Ctrl+C stops the server.

Examples:
  $ aksnet serve designs/
  $ aksnet serve designs/prod.ts --port 8080`,
    )
    .action(async (designs: string[], opts: { port: string; config?: string | boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new AksnetError(`--port must be a port number, got "${opts.port}"`, undefined, ExitCode.usage);
      const { startServer } = await import('../../workflow/serve.js');
      const server = await startServer({
        args: designs,
        port,
        ...(opts.config === false
          ? { config: false as const }
          : typeof opts.config === 'string'
            ? { config: opts.config }
            : {}),
      });
      process.stderr.write(`aksnet serve: ${server.url} (Ctrl+C to stop)\n`);
      await new Promise<void>((r) => {
        process.once('SIGINT', () => r());
        process.once('SIGTERM', () => r());
      });
      await server.close();
      process.stderr.write('aksnet serve: stopped\n');
      program.setOptionValue('exit', ExitCode.ok);
    });
}
