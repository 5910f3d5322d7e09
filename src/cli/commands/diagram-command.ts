/** Registers `aksnet diagram` (picked up by `extend()` in main.ts). The handler loads lazily. */
import { Option, type Command } from 'commander';
import { VIEWS } from '../../diagram/view-names.js';
import type { DiagramCliOptions } from './diagram.js';

export function register(program: Command): void {
  program
    .command('diagram')
    .description('draw ELK-laid-out SVG diagrams (topology, ingress, egress, control plane) of architecture files')
    .argument('<files...>', 'architecture files, directories or globs')
    .addOption(new Option('--view <view>', 'which view to draw').choices([...VIEWS, 'all']).default('all'))
    .option('-o, --output <dir>', 'output directory', 'out/diagrams')
    .option('--findings', 'validate first and overlay severity badges on elements with open findings')
    .option('--icon-pack <dir>', 'directory of <kind>.svg icons that replace the built-in icons')
    .option('--watch', 're-render when an architecture file or one of its inputs changes')
    .option('--diff <base>', 'mark what changed since this base design (added, changed, removed ghosted) with a legend')
    .addHelpText(
      'after',
      `
Writes <dir>/<file-stem>.<view>.svg for every view that has something to show.

Examples:
  $ aksnet diagram examples/a-hub-spoke-baseline.ts
  $ aksnet diagram examples/*.ts --view ingress -o docs/diagrams
  $ aksnet diagram prod.ts --findings
  $ aksnet diagram prod.ts --icon-pack ./azure-icons --watch
  $ aksnet diagram prod.ts --diff prod-v1.ts

Exit codes: 0 diagrams written, 2 usage or load error, 4 internal error.`,
    )
    .action(async (files: string[], opts: DiagramCliOptions) => {
      const { diagramCommand } = await import('./diagram.js');
      program.setOptionValue('exit', await diagramCommand(files, opts));
    });
}
