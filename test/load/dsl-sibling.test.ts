/**
 * The DSL's own files are left out of a design's inputs and of the frames an error is mapped to (load-module.ts).
 * A user's folder that only begins with the DSL folder's name (`dsl-helpers/` beside `dsl/`) is the user's: an
 * error thrown there points at its line, and the file is an input of the load.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dslEntry, loadModule } from '../../src/load/load-module.js';
import { AksnetError } from '../../src/shared/errors.js';
import { minimalDesign } from '../helpers/minimal-design.js';

const sibling = `${dirname(dslEntry())}-sibling-test-${process.pid}`;
afterAll(() => rmSync(sibling, { recursive: true, force: true }));

describe('a folder beside the DSL whose name begins like it', () => {
  it("is the user's: its files are inputs, and an error thrown there points at its line", async () => {
    mkdirSync(sibling, { recursive: true });
    const design = join(sibling, 'design.ts');
    writeFileSync(design, minimalDesign('beside the DSL'));
    const loaded = await loadModule(design);
    expect(loaded.inputs).toContain(design);

    const failing = join(sibling, 'failing.ts');
    writeFileSync(failing, `const x = 1;\nthrow new Error('broken on purpose');\nexport default x;\n`);
    const e = await loadModule(failing).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(AksnetError);
    expect((e as AksnetError).location).toMatchObject({ file: expect.stringContaining('failing.ts'), line: 2 });
  });
});
