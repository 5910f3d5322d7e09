/** Expands file arguments and globs into a sorted, de-duplicated list of architecture files. */
import { expandInputs } from '../workflow/inputs.js';

export { expandInputs } from '../workflow/inputs.js';

export async function expandFiles(args: string[]): Promise<string[]> {
  return (await expandInputs(args)).files;
}
