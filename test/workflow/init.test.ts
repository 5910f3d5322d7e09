/** `aksnet init`: writes the scaffold, never overwrites, and the starter design is a clean design. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AksnetError } from '../../src/shared/errors.js';
import { validateOutcomes } from '../../src/validate/run-files.js';
import { init, scaffoldFiles } from '../../src/workflow/init.js';

const FILES = [
  'designs/starter.ts',
  'aksnet.config.ts',
  'tsconfig.json',
  '.github/workflows/aksnet.yml',
  'azure-pipelines.yml',
];

describe('aksnet init', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-init-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the scaffold', async () => {
    const r = await init(dir);
    expect(r.written).toEqual(FILES);
    for (const f of FILES) expect(existsSync(join(dir, f)), f).toBe(true);
    const tsconfig = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.compilerOptions.skipLibCheck).toBe(false);
    expect(tsconfig.compilerOptions.strict).toBe(true);
    expect(readFileSync(join(dir, 'designs/starter.ts'), 'utf8')).toContain("from 'aksnet/dsl';");
  });

  it('refuses to overwrite: nothing is written when any file exists', async () => {
    const other = mkdtempSync(join(tmpdir(), 'aksnet-init-'));
    try {
      writeFileSync(join(other, 'tsconfig.json'), '{"mine": true}');
      const err = await init(other).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AksnetError);
      expect((err as AksnetError).exitCode).toBe(2);
      expect((err as AksnetError).message).toMatch(/refusing to overwrite tsconfig\.json/);
      expect(existsSync(join(other, 'aksnet.config.ts'))).toBe(false);
      const r = await init(other, { skipExisting: true });
      expect(r.skipped).toEqual(['tsconfig.json']);
      expect(readFileSync(join(other, 'tsconfig.json'), 'utf8')).toBe('{"mine": true}');
      expect(existsSync(join(other, 'aksnet.config.ts'))).toBe(true);
      await expect(init(other)).rejects.toThrow(/designs\/starter\.ts, aksnet\.config\.ts, tsconfig\.json/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('the starter design and config load, and the starter has no open error or warning', async () => {
    mkdirSync(join(dir, 'designs'), { recursive: true });
    const [o] = await validateOutcomes([join(dir, 'designs/starter.ts')], {
      config: join(dir, 'aksnet.config.ts'),
      asOf: '2026-11-23',
    });
    expect(o!.kind).toBe('validated');
    const open =
      o!.kind === 'validated'
        ? o!.result.findings.filter((f) => f.status !== 'suppressed' && f.severity !== 'info')
        : [];
    expect(open).toEqual([]);
    expect(scaffoldFiles().map((f) => f.path)).toEqual(FILES);
  });
});
