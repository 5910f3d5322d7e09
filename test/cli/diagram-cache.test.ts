/**
 * `aksnet diagram` keeps layouts in aksnet's cache folder: a second run, or a run after an edit that changes only
 * names, lays out nothing new and writes the same bytes a run without the cache writes.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'aksnet-diagram-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const VIEWS = ['overview', 'topology', 'ingress', 'egress', 'control-plane'];

function draw(design: string, out: string, env: NodeJS.ProcessEnv): void {
  const r = spawnSync(process.execPath, [join(repo, 'bin/aksnet.js'), 'diagram', design, '--view', 'all', '-o', out], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  expect(r.stderr).not.toMatch(/error/i);
  expect(r.status).toBe(0);
}

/** Every stored layout in a cache folder. */
function entries(cache: string): string[] {
  const dir = join(cache, 'layouts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort();
}

const svgs = (out: string) => VIEWS.map((v) => readFileSync(join(out, `design.${v}.svg`), 'utf8'));

describe('aksnet diagram with the layout cache', () => {
  const cache = join(work, 'cache');
  const design = join(work, 'design.ts');
  copyFileSync(join(repo, 'examples/a-hub-spoke-baseline.ts'), design);

  it('stores each layout once and draws a repeated run from the cache, byte for byte', () => {
    draw(design, join(work, 'one'), { AKSNET_CACHE_DIR: cache });
    const stored = entries(cache);
    expect(stored.length).toBeGreaterThanOrEqual(VIEWS.length);
    draw(design, join(work, 'two'), { AKSNET_CACHE_DIR: cache });
    expect(entries(cache)).toEqual(stored);
    expect(svgs(join(work, 'two'))).toEqual(svgs(join(work, 'one')));
  });

  it('draws a design whose edit renames a box without resizing it from the stored layouts', () => {
    const stored = entries(cache);
    const text = readFileSync(design, 'utf8');
    // Same length: the ingress controller's box keeps its size, so no layout input changes but its name.
    expect(text).toContain("name: 'traefik'");
    writeFileSync(design, text.replace("name: 'traefik'", "name: 'traefix'"));
    draw(design, join(work, 'renamed'), { AKSNET_CACHE_DIR: cache });
    expect(entries(cache)).toEqual(stored);
    draw(design, join(work, 'fresh'), { AKSNET_NO_CACHE: '1' });
    const renamed = svgs(join(work, 'renamed'));
    expect(renamed).toEqual(svgs(join(work, 'fresh')));
    expect(renamed.join('\n')).toContain('traefix');
  });

  it('stores nothing with AKSNET_NO_CACHE=1', () => {
    const none = join(work, 'none');
    draw(design, join(work, 'uncached'), { AKSNET_NO_CACHE: '1', AKSNET_CACHE_DIR: none });
    expect(entries(none)).toEqual([]);
  });
});
