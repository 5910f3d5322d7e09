/** `aksnet report` through the CLI entry point (no browser needed). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { register } from '../../src/cli/commands/report-command.js';
import { AksnetError } from '../../src/shared/errors.js';
import { findBrowser, INSTALL_HINT } from '../../src/report/browser.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, 'fixtures', 'injection.ts');

let dir: string;
let stderr: string;
const savedBrowser = process.env.AKSNET_BROWSER;

/** Runs `aksnet report …` the way src/cli/main.ts does (its exit-code mapping), from source. */
async function run(argv: string[]): Promise<number> {
  const p = new Command('aksnet').exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stderr.write(s) });
  register(p);
  try {
    await p.parseAsync(argv, { from: 'user' });
    return (p.getOptionValue('exit') as number | undefined) ?? 0;
  } catch (e) {
    if (e instanceof CommanderError) return 2;
    if (e instanceof AksnetError) {
      process.stderr.write(e.format() + '\n');
      return e.exitCode;
    }
    throw e;
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aksnet-report-cli-'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
  if (savedBrowser === undefined) delete process.env.AKSNET_BROWSER;
  else process.env.AKSNET_BROWSER = savedBrowser;
});

describe('aksnet report', () => {
  it('exits 3 with an install hint when the browser is missing, but still writes HTML and Markdown', async () => {
    process.env.AKSNET_BROWSER = join(dir, 'no-such-chromium');
    const code = await run(['report', fixture, '-o', join(dir, 'pack.pdf'), '-o', join(dir, 'pack.html'), '-o', join(dir, 'md') + '/', '--as-of', '2026-11-23', '--no-config']);
    expect(code).toBe(3);
    expect(stderr).toContain('AKSNET_BROWSER points at');
    expect(stderr).toContain('apt-get install chromium');
    expect(existsSync(join(dir, 'pack.pdf'))).toBe(false);
    const html = readFileSync(join(dir, 'pack.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(existsSync(join(dir, 'md', 'pack.md'))).toBe(true);
    // Atomic writes leave no temporary siblings behind.
    expect(readdirSync(dir).filter((f) => f.includes('aksnet-tmp'))).toEqual([]);
  });

  it('infers formats from extensions and writes JSON and CSV', async () => {
    const code = await run(['report', fixture, '-o', join(dir, 'pack.json'), '-o', join(dir, 'findings.csv'), '--title', 'CLI <pack>', '--no-config']);
    expect(code).toBe(0);
    const j = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')) as { title: string };
    expect(j.title).toBe('CLI <pack>');
    expect(readFileSync(join(dir, 'findings.csv'), 'utf8').split('\r\n')[0]).toBe('Pillar,Checklist code,Rule,Severity,Status,Element,Finding,Recommendation,Reference,File,Line');
  });

  it('rejects an unknown extension and a bad --as-of with exit 2', async () => {
    expect(await run(['report', fixture, '-o', join(dir, 'pack.docx'), '--no-config'])).toBe(2);
    expect(stderr).toContain('cannot tell the format');
    expect(await run(['report', fixture, '-o', join(dir, 'pack.html'), '--as-of', 'tomorrow'])).toBe(2);
  });

  it('takes templates and browser from aksnet.config', async () => {
    delete process.env.AKSNET_BROWSER;
    copyFileSync(fixture, join(dir, 'arch.ts'));
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl', 'appendix.hbs'), '<section><h1>Board appendix {{generator.version}}</h1></section>');
    writeFileSync(join(dir, 'aksnet.config.mjs'), "export default { kind: 'config', templates: './tpl', browser: './no-such-browser' };\n");
    const code = await run(['report', join(dir, 'arch.ts'), '-o', join(dir, 'out.html'), '-o', join(dir, 'out.pdf')]);
    expect(code).toBe(3);
    expect(stderr).toContain('the browser set in aksnet.config');
    const html = readFileSync(join(dir, 'out.html'), 'utf8');
    expect(html).toContain('<h1>Board appendix');
    expect(html).not.toContain('Rule catalogue');
  });

  it('finds no browser on an empty system and names how to install one', () => {
    expect(() => findBrowser(undefined, { PATH: '' }, [])).toThrow(/no Chromium or Chrome browser found/);
    expect(INSTALL_HINT).toMatch(/AKSNET_BROWSER/);
    let code = 0;
    try {
      findBrowser(undefined, { AKSNET_BROWSER: '/nonexistent/chrome' });
    } catch (e) {
      code = (e as { exitCode: number }).exitCode;
    }
    expect(code).toBe(3);
  });
});
