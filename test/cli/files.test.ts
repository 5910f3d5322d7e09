/** Input expansion: files, directories and globs; config files beside the designs are not designs. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandFiles } from '../../src/cli/files.js';
import { AksnetError } from '../../src/shared/errors.js';

describe('expandFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-files-'));
  mkdirSync(join(dir, 'sub'));
  for (const f of ['prod.ts', 'dev.mts', 'aksnet.config.ts', 'notes.md', 'sub/stage.ts']) writeFileSync(join(dir, f), '');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('skips aksnet.config files matched by a glob or named explicitly', async () => {
    expect(await expandFiles([join(dir, '*.ts')])).toEqual([join(dir, 'prod.ts')]);
    expect(await expandFiles([join(dir, 'prod.ts'), join(dir, 'aksnet.config.ts')])).toEqual([join(dir, 'prod.ts')]);
  });

  it('walks directories and de-duplicates', async () => {
    expect(await expandFiles([dir, join(dir, 'prod.ts')])).toEqual([join(dir, 'dev.mts'), join(dir, 'prod.ts'), join(dir, 'sub/stage.ts')]);
  });

  it('keeps a missing file named outright (loading it fails for that file alone)', async () => {
    expect(await expandFiles([join(dir, 'nope.ts')])).toEqual([join(dir, 'nope.ts')]);
  });

  it('rejects empty globs and config-only inputs', async () => {
    await expect(expandFiles([join(dir, '*.yaml')])).rejects.toThrow(AksnetError);
    await expect(expandFiles([join(dir, '*.yaml')])).rejects.toThrow(/no files match/);
    await expect(expandFiles([join(dir, 'aksnet.config.ts')])).rejects.toThrow(/only aksnet.config files/);
  });
});
