/** Expands file arguments and globs into a sorted, de-duplicated list of architecture files. */
import { dirname } from 'node:path';
import { findConfig, loadConfig } from '../load/config.js';
import { AksnetError, ExitCode } from '../shared/errors.js';
import { expandInputs, type InputSet } from '../workflow/inputs.js';

export { expandInputs } from '../workflow/inputs.js';

export async function expandFiles(args: string[]): Promise<string[]> {
  return (await expandInputs(args)).files;
}

/**
 * The inputs of `validate`, `diagram` and `report`: the arguments, minus what the config's
 * `inputs.ignore` excludes; with no arguments, the config's `inputs.include`. The config is the
 * explicit one, else the nearest at or above the working directory; `false` means none.
 */
export async function commandInputs(args: string[], config: string | false | undefined): Promise<InputSet> {
  const path = config === false ? undefined : (config ?? findConfig(process.cwd()));
  const inputs = path ? (await loadConfig(path)).config.inputs : undefined;
  if (args.length === 0) {
    if (!path || !inputs) {
      throw new AksnetError('no input files given and no aksnet.config.ts with `inputs` (try `aksnet validate designs/`)', undefined, ExitCode.usage);
    }
    return expandInputs(inputs.include, { cwd: dirname(path), ...(inputs.ignore ? { ignore: inputs.ignore } : {}) });
  }
  const ignore = path && inputs?.ignore?.length ? { configIgnore: { dir: dirname(path), globs: inputs.ignore } } : {};
  return expandInputs(args, ignore);
}
