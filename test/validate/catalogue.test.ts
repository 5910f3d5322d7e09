/**
 * The build bundles the compiled rules into one module (scripts/bundle-rules.mjs); the registry uses
 * it only while it is current: exactly the rule files present, none newer than it. Code outside
 * src/rules stays a shared import, so the rules see the same module instances as the rest of aksnet.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/validate/registry.js';

const repo = join(import.meta.dirname, '..', '..');
const root = mkdtempSync(join(tmpdir(), 'aksnet-catalogue-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const rules = join(root, 'src', 'rules');

const rule = (id: string, extra = '') =>
  `import { shared } from '../../shared/state.js';\nimport { helper } from './_helper.js';\n${extra}` +
  `export default { meta: { id: ${JSON.stringify(id)} }, check() { return [shared, helper]; } };\n`;

type Bundler = { bundleRules(distRoot: string): Promise<number> };
const bundler = async (): Promise<Bundler> => (await import(pathToFileURL(join(repo, 'scripts', 'bundle-rules.mjs')).href)) as Bundler;

const files = (ids: string[]) => ids.map((id) => ({ id, file: join(rules, `${id}.js`) }));

beforeEach(() => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(rules, 'alpha'), { recursive: true });
  mkdirSync(join(rules, 'beta'), { recursive: true });
  mkdirSync(join(root, 'src', 'shared'), { recursive: true });
  writeFileSync(join(root, 'src', 'shared', 'state.js'), 'export const shared = { name: "shared" };\n');
  writeFileSync(join(rules, 'alpha', '_helper.js'), 'export const helper = "alpha helper";\n');
  writeFileSync(join(rules, 'beta', '_helper.js'), 'export const helper = "beta helper";\n');
  writeFileSync(join(rules, 'alpha', 'one.js'), rule('alpha/one'));
  writeFileSync(join(rules, 'alpha', 'two.js'), rule('alpha/two'));
  writeFileSync(join(rules, 'beta', 'three.js'), rule('beta/three'));
});

async function bundle(): Promise<void> {
  expect(await (await bundler()).bundleRules(root)).toBe(3);
  // Sources a little older than the catalogue, as after a build.
  const past = new Date(Date.now() - 60_000);
  for (const f of ['alpha/one.js', 'alpha/two.js', 'beta/three.js', 'alpha/_helper.js', 'beta/_helper.js']) utimesSync(join(rules, f), past, past);
}

describe('rule catalogue', () => {
  it('is not there until the build writes it', async () => {
    expect(await catalogue(rules, files(['alpha/one', 'alpha/two', 'beta/three']))).toBeUndefined();
  });

  it('gives every rule in order, with code outside src/rules shared and helpers kept per area', async () => {
    await bundle();
    const got = await catalogue(rules, files(['alpha/one', 'alpha/two', 'beta/three']));
    expect(got?.map((r) => r.meta.id)).toEqual(['alpha/one', 'alpha/two', 'beta/three']);
    const state = (await import(pathToFileURL(join(root, 'src', 'shared', 'state.js')).href)) as { shared: object };
    const [shared, helper] = got![2]!.check({} as never) as unknown as [object, string];
    expect(shared).toBe(state.shared);
    expect(helper).toBe('beta helper');
  });

  it('is not used when a rule file is newer than it', async () => {
    await bundle();
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(rules, 'beta', 'three.js'), future, future);
    expect(await catalogue(rules, files(['alpha/one', 'alpha/two', 'beta/three']))).toBeUndefined();
  });

  it('is not used when a helper is newer than it', async () => {
    await bundle();
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(rules, 'alpha', '_helper.js'), future, future);
    expect(await catalogue(rules, files(['alpha/one', 'alpha/two', 'beta/three']))).toBeUndefined();
  });

  it('is not used when the rule files are not the ones it lists', async () => {
    await bundle();
    expect(await catalogue(rules, files(['alpha/one', 'alpha/two', 'beta/three', 'beta/four']))).toBeUndefined();
    expect(await catalogue(rules, files(['alpha/one', 'beta/three']))).toBeUndefined();
  });
});
