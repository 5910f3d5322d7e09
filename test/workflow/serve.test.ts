/**
 * `aksnet serve` end to end in a real headless Chromium: the page shows the design, reloads when the
 * design or a helper module it imports is saved, shows a load error with file:line:col, refuses
 * foreign Host headers, listens on 127.0.0.1 only, and stops cleanly on Ctrl+C (SIGINT).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedBrowser } from '../helpers/browser.js';

const repo = resolve(import.meta.dirname, '../..');
const browserPath = installedBrowser();

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(url, { headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe.skipIf(!browserPath && !process.env.AKSNET_REQUIRE_BROWSER)('aksnet serve in a browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-serve-'));
  const designs = join(dir, 'designs');
  // A cache folder of the server's own: its drawing cache is observed below.
  const cache = join(dir, 'cache');
  let child: ChildProcess;
  let log = '';
  let url = '';
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(join(designs, 'lib'), { recursive: true });
    writeFileSync(join(designs, 'lib/naming.ts'), "export const clusterName = 'aks-payments-weu';\n");
    const base = readFileSync(join(repo, 'examples/a-hub-spoke-baseline.ts'), 'utf8');
    expect(base).toContain("name: 'aks-payments-weu',");
    writeFileSync(
      join(designs, 'prod.ts'),
      "import { clusterName } from './lib/naming.js';\n" +
        base.replace("name: 'aks-payments-weu',", 'name: clusterName,'),
    );
    writeFileSync(
      join(designs, 'broken.ts'),
      "import { defineArchitecture } from 'aksnet';\n" +
        'const spec: any = undefined;\n' +
        'export default defineArchitecture(spec.network);\n',
    );
    copyFileSync(join(repo, 'examples/d-legacy-agic-kubenet.ts'), join(designs, 'legacy.ts'));
    // The second ELK on whatever the machine's load (serve uses it when a core is idle): its path is the one tested.
    child = spawn(process.execPath, [join(repo, 'bin/aksnet.js'), 'serve', designs, '--port', '0', '--no-config'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AKSNET_LAYOUT_THREAD: 'on', AKSNET_CACHE_DIR: cache },
    });
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    url = await until(
      () => /aksnet serve: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log)?.[1],
      `the server to start (log: ${log})`,
      90_000,
    );
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath: browserPath!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage();
  }, 150_000);

  /** Resolves once the server has logged nothing for 1.5 s: no render is under way or about to reload the page. */
  const settled = async () => {
    for (let quiet = 0, seen = log.length, waited = 0; quiet < 1500 && waited < 60_000; waited += 250) {
      await new Promise((r) => setTimeout(r, 250));
      quiet = log.length === seen ? quiet + 250 : 0;
      seen = log.length;
    }
  };

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and refuses other Host headers', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await get(url)).status).toBe(200);
    expect((await get(url, 'attacker.example:80')).status).toBe(403);
  });

  it('shows every view and reloads when the design is saved', async () => {
    await page.goto(`${url}design/prod`, { waitUntil: 'load' });
    const views = await page.$$eval('.view > svg', (n) => n.length);
    expect(views).toBe(5); // overview, topology, ingress, egress, control plane
    expect(await page.$eval('.view[data-view="ingress"]', (n) => n.innerHTML)).toContain('traefik');
    expect(await page.$('iframe[src="/report/prod"]')).not.toBeNull();
    const design = join(designs, 'prod.ts');
    writeFileSync(design, readFileSync(design, 'utf8').replace("name: 'traefik'", "name: 'traefik-edge'"));
    await until(
      async () =>
        (await page.$eval('.view[data-view="ingress"]', (n) => n.innerHTML).catch(() => '')).includes('traefik-edge'),
      'the page to show the edit',
    );
  }, 120_000);

  it('reloads when a helper module the design imports is saved', async () => {
    writeFileSync(join(designs, 'lib/naming.ts'), "export const clusterName = 'aks-renamed-by-helper';\n");
    await until(
      async () => (await page.content().catch(() => '')).includes('aks-renamed-by-helper'),
      'the page to show the helper edit',
    );
  }, 120_000);

  it('draws again only the review pack of the design a save changed (the drawing cache)', async () => {
    await settled();
    const drawn = join(cache, 'drawings');
    const entries = () =>
      new Map(
        readdirSync(drawn)
          .filter((f) => f.endsWith('.json'))
          .map((f) => [f, statSync(join(drawn, f)).mtimeMs] as const),
      );
    const before = entries();
    // prod and legacy (broken does not load): at least their latest pictures are stored.
    expect(before.size).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 50));
    const design = join(designs, 'prod.ts');
    writeFileSync(design, readFileSync(design, 'utf8').replace("name: 'traefik-edge'", "name: 'traefik-main'"));
    await until(
      async () => (await page.content().catch(() => '')).includes('traefik-main'),
      'the page to show the edit',
    );
    await settled();
    const after = entries();
    // One new entry: the edited design's pictures. legacy's were read, which counts as a use (a newer time).
    expect([...after.keys()].filter((f) => !before.has(f))).toHaveLength(1);
    const used = [...before].filter(([f, t]) => (after.get(f) ?? 0) > t);
    expect(used.length).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('shows a load error with file:line:col in the page', async () => {
    await page.goto(`${url}design/broken`, { waitUntil: 'load' });
    const text = await page.$eval('#load-error', (n) => n.textContent ?? '');
    expect(text).toMatch(/broken\.ts:3:\d+ - error: the file threw while being evaluated/);
    // Fixing the file replaces the error with the design.
    writeFileSync(join(designs, 'broken.ts'), readFileSync(join(repo, 'examples/f-internal-only.ts'), 'utf8'));
    await until(
      async () => (await page.$$eval('.view > svg', (n) => n.length).catch(() => 0)) > 0,
      'the fixed design to render',
    );
  }, 120_000);

  it('links findings to the elements they concern in the drawings', async () => {
    // One save can reach the watcher as two events (truncate, then write): a render the previous test did not wait
    // for would reload this page between finding a link and clicking it. Wait for the server to go quiet.
    await settled();
    await page.goto(`${url}design/legacy`, { waitUntil: 'load' });
    const links = await page.$$eval('ol.findings a[data-element]', (n) => n.map((a) => a.getAttribute('data-element')));
    expect(links.length).toBeGreaterThan(0);
    // Every link points at an element some view draws.
    for (const id of new Set(links))
      expect(
        await page.$$eval(
          '.view [data-element]',
          (n, want) => n.filter((x) => x.getAttribute('data-element') === want).length,
          id,
        ),
      ).toBeGreaterThan(0);
    await page.click('ol.findings a[data-element]');
    const lit = await page.$$eval('.aksnet-hl', (n) => n.map((x) => x.getAttribute('data-element')));
    expect(lit.length).toBeGreaterThan(0);
    expect(new Set(lit)).toEqual(new Set([links[0]]));
  }, 60_000);

  it('stops cleanly on Ctrl+C', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(log).toContain('aksnet serve: stopped');
  }, 60_000);
});
