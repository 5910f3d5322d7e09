/**
 * A PDF run stopped by SIGTERM (a cancelled CI job) ends by that signal, without a stack trace, and leaves no
 * temporary browser profile behind. Puppeteer's own handler used to close the browser and let the run go on to
 * fail printing with exit 3; removing a profile the dying browser still wrote into threw ENOTEMPTY with exit 1.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedBrowser } from '../helpers/browser.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const browserPath = installedBrowser();
const work = mkdtempSync(join(tmpdir(), 'aksnet-pdf-signal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const profiles = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('aksnet-chromium-'));

describe.skipIf(!browserPath && !process.env.AKSNET_REQUIRE_BROWSER)('a PDF run stopped by SIGTERM', () => {
  it('dies by the signal once its browser runs, with no stack trace and no profile left', async () => {
    const tmp = join(work, 'tmp');
    mkdirSync(tmp);
    const examples = readdirSync(join(repo, 'examples')).filter((f) => f.endsWith('.ts')).map((f) => join(repo, 'examples', f));
    const child = spawn(process.execPath, [join(repo, 'bin/aksnet.js'), 'report', ...examples, '-o', join(work, 'out', 'p.pdf'), '--no-config'], {
      cwd: repo,
      env: { ...process.env, TMPDIR: tmp, AKSNET_CACHE_DIR: join(work, 'cache'), ...(browserPath ? { AKSNET_BROWSER: browserPath } : {}) },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
    // Once the browser's profile exists and the browser has had time to start and write into it.
    for (let i = 0; i < 600 && profiles(tmp).length === 0 && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
    expect(profiles(tmp)).toHaveLength(1);
    // The browser holds its profile's lock once it runs (a symbolic link to a name that is no file).
    const lock = join(tmp, profiles(tmp)[0]!, 'SingletonLock');
    const locked = () => lstatSync(lock, { throwIfNoEntry: false }) !== undefined;
    for (let i = 0; i < 600 && !locked() && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
    expect(locked()).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(child.exitCode).toBeNull();
    child.kill('SIGTERM');
    const end = await ended;
    expect(end, stderr).toEqual({ code: null, signal: 'SIGTERM' });
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(profiles(tmp)).toEqual([]);
    expect(existsSync(join(work, 'out', 'p.pdf'))).toBe(false);
  }, 120_000);
});
