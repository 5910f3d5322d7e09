/** Registers `aksnet diagram` (picked up by `extend()` in main.ts). The handler loads lazily. */
import { Option, type Command } from 'commander';
import { DEFAULT_VIEW, VIEWS } from '../../diagram/view-names.js';
import { THEMES } from '../../render/style.js';
import type { DiagramCliOptions } from './diagram.js';

export function register(program: Command): void {
  program
    .command('diagram')
    .description('draw ELK-laid-out SVG diagrams (overview, topology, ingress, egress, control plane) of architecture files')
    .argument('<files...>', 'architecture files, directories or globs')
    .addOption(new Option('--view <view>', 'which view to draw (all: every view)').choices([...VIEWS, 'all']).default(DEFAULT_VIEW))
    .option('-o, --output <dir>', 'output directory', 'out/diagrams')
    .option('--findings', 'validate first and overlay severity badges on elements with open findings')
    .option('--icon-pack <dir>', 'directory of <kind>.svg icons that replace the built-in icons')
    .option('--watch', 're-render when a design or one of its inputs is added, changed or deleted')
    .option('--diff <base>', 'mark what changed since this base design (added, changed, removed ghosted) with a legend')
    .addOption(new Option('--format <format>', 'image format (png is rendered without a browser)').choices(['svg', 'png']).default('svg'))
    .option('--scale <n>', 'PNG scale factor, greater than 0 and at most 8 (default 2)')
    .addOption(new Option('--theme <theme>', 'colour theme of the SVG and PNG').choices([...THEMES]).default('light'))
    .addHelpText(
      'after',
      `
Without --view it draws the overview: the topology with the ingress and egress flows as numbered steps and a
numbered legend below. --view all draws every view.
Writes <dir>/<design>.<view>.svg (or .png with --format png) for every view that has something to show, where <design> is the
file's path relative to the input root without its extension (designs/eu/prod.ts → eu/prod), so
same-named designs in different folders never overwrite each other. Helper modules are skipped.

Examples:
  $ aksnet diagram examples/a-hub-spoke-baseline.ts
  $ aksnet diagram examples/*.ts --view all -o docs/diagrams
  $ aksnet diagram examples/*.ts --view ingress -o docs/diagrams
  $ aksnet diagram prod.ts --findings
  $ aksnet diagram prod.ts --icon-pack ./azure-icons --watch
  $ aksnet diagram prod.ts --diff prod-v1.ts
  $ aksnet diagram prod.ts --format png --scale 3
  $ aksnet diagram prod.ts --theme dark --format png

Exit codes: 0 diagrams written, 2 usage error or a design that failed to load (the others are still drawn), 4 internal error.`,
    )
    .action(async (files: string[], opts: DiagramCliOptions) => {
      const { diagramCommand } = await import('./diagram.js');
      program.setOptionValue('exit', await diagramCommand(files, opts));
    });
}
