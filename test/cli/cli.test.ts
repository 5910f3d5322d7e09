/**
 * The CLI as users run it: `node bin/aksnet.js …` in a subprocess, after a build. Designs live in a
 * temp directory with an aksnet.config.ts that keeps only the structure rules on, so the expected
 * exit codes do not depend on the rest of the (growing) catalogue.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarifValidator } from '../validate/sarif-schema.js';

const repo = resolve(import.meta.dirname, '../..');
const bin = join(repo, 'bin/aksnet.js');
let dir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function aksnet(args: string[], cwd = dir): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const design = (subnets: string, extra = '') => `import { defineArchitecture, vnet, subnet } from 'aksnet';
${extra}
const spoke = vnet({
  name: 'vnet-spoke',
  region: 'westeurope',
  addressSpace: ['10.1.0.0/16'],
  subnets: [${subnets}],
});
export default defineArchitecture({ metadata: { title: 'cli test' }, network: { vnets: [spoke] }, clusters: [] });
`;

beforeAll(() => {
  // test/global-setup.ts has built dist/ from the current sources.
  expect(existsSync(join(repo, 'dist/src/cli/main.js'))).toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'aksnet-cli-'));
  const list = JSON.parse(aksnet(['rules', '--format', 'json'], repo).stdout) as { rules: Array<{ id: string }> };
  const settings: Record<string, string> = {};
  for (const r of list.rules) if (!r.id.startsWith('structure/')) settings[r.id] = 'off';
  settings['structure/duplicate-name'] = 'warning';
  writeFileSync(join(dir, 'aksnet.config.ts'), `import { defineConfig } from 'aksnet';\nexport default defineConfig({ asOf: '2026-11-23', rules: ${JSON.stringify(settings, null, 2)} });\n`);
  writeFileSync(join(dir, 'clean.ts'), design(`subnet({ name: 'snet-a', cidr: '10.1.0.0/24' })`));
  writeFileSync(join(dir, 'error.ts'), design(`subnet({ name: 'snet-a', cidr: '10.1.0.0/24' }),\n    subnet({ name: 'snet-<b>|x', cidr: '10.1.1.1/24' })`));
  writeFileSync(join(dir, 'warn.ts'), design(`subnet({ name: 'snet-a', cidr: '10.1.0.0/24' }),\n    subnet({ name: 'snet-a', cidr: '10.1.1.0/24' })`));
  writeFileSync(join(dir, 'throws.ts'), design(`subnet({ name: 'a', cidr: cidr() })`, `function cidr(): string {\n  throw new Error('no addresses left');\n}`));
  writeFileSync(join(dir, 'syntax.ts'), design(`subnet({ name: 'a', cidr: '10.1.0.0/24' },`));
  writeFileSync(join(dir, 'types.ts'), design(`subnet({ name: 'a', cidr: 24 })`));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('help and version', () => {
  it('--help and every command --help show examples', () => {
    const root = aksnet(['--help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('Examples:');
    for (const cmd of ['validate', 'check', 'model', 'rules']) {
      const h = aksnet([cmd, '--help']);
      expect(h.code, cmd).toBe(0);
      expect(h.stdout, cmd).toMatch(/Examples?:\n\s+\$ aksnet /);
    }
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
    const v = aksnet(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(pkg.version);
  });

  it('an unknown option or command is a usage error (exit 2)', () => {
    expect(aksnet(['validate', 'clean.ts', '--bogus']).code).toBe(2);
    expect(aksnet(['frobnicate']).code).toBe(2);
    expect(aksnet(['validate', 'clean.ts', '--format', 'xml']).code).toBe(2);
    expect(aksnet(['validate', 'clean.ts', '--max-warnings', 'many']).code).toBe(2);
    expect(aksnet(['validate', 'clean.ts', '--as-of', 'tomorrow']).code).toBe(2);
    expect(aksnet(['validate', 'clean.ts', '--as-of', '2026-02-30']).code).toBe(2);
    // Every command taking --as-of checks it the same way: a date of no calendar is rejected before any work.
    for (const command of [['build'], ['report', 'clean.ts', '-o', 'pack.html']]) {
      const r = aksnet([...command, '--as-of', '2026-02-30']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('error: --as-of must be a date YYYY-MM-DD, got "2026-02-30"');
    }
  });
});

describe('validate', () => {
  it('exit 0 for a clean file, 1 for a file with an error', () => {
    const clean = aksnet(['validate', 'clean.ts']);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/✓ 0 errors, 0 warnings, 0 info in 1 file/);
    const err = aksnet(['validate', 'error.ts']);
    expect(err.code, err.stderr).toBe(1);
  });

  it('text: findings with line:col and the summary line', () => {
    const r = aksnet(['validate', 'error.ts']);
    expect(r.stdout).toContain('error.ts');
    expect(r.stdout).toMatch(/\d+:\d+\s+error\s+.*host bits.*structure\/cidr-malformed/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^✖ 1 error, 0 warnings, 0 info in 1 file$/);
  });

  it('json: every finding has ruleId, severity, message, path, file, line and column', () => {
    const r = aksnet(['validate', 'error.ts', 'warn.ts', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { summary: { errors: number; warnings: number; files: number }; findings: Array<Record<string, unknown>> };
    expect(doc.summary).toMatchObject({ errors: 1, warnings: 1, files: 2 });
    expect(doc.findings.length).toBeGreaterThanOrEqual(2);
    for (const f of doc.findings) {
      for (const k of ['ruleId', 'severity', 'message', 'path', 'file', 'line', 'column']) expect(f, k).toHaveProperty(k);
      expect(f.line).toBeGreaterThan(1);
    }
  });

  it('sarif: validates against the SARIF 2.1.0 schema and points at the file', () => {
    const r = aksnet(['validate', 'error.ts', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const loc = log.runs[0]!.results[0]!.locations[0]!.physicalLocation;
    expect(loc.artifactLocation.uri).toBe('error.ts');
    const line = readFileSync(join(dir, 'error.ts'), 'utf8').split('\n').findIndex((l) => l.includes('10.1.1.1/24')) + 1;
    expect(loc.region.startLine).toBe(line);
    expect(aksnet(['validate', 'error.ts', '--format', 'sarif']).stdout).toBe(r.stdout);
  });

  it('github: workflow commands', () => {
    const r = aksnet(['validate', 'error.ts', 'warn.ts', '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=error\.ts,line=\d+,col=\d+,title=structure\/cidr-malformed::/m);
    expect(r.stdout).toMatch(/^::warning file=warn\.ts,line=\d+,col=\d+,title=structure\/duplicate-name::/m);
  });

  it('markdown: summary and an escaped table', () => {
    const r = aksnet(['validate', 'error.ts', '--format', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('**1 error, 0 warnings, 0 info** in 1 file');
    expect(r.stdout).toContain('| Severity | Rule | Location | Message |');
    expect(r.stdout).toContain('snet-&lt;b&gt;\\|x');
    expect(r.stdout).not.toContain('<b>');
  });

  it('--max-warnings 0 fails when warnings exist; --fail-on changes the threshold', () => {
    expect(aksnet(['validate', 'warn.ts']).code).toBe(0);
    expect(aksnet(['validate', 'warn.ts', '--max-warnings', '0']).code).toBe(1);
    expect(aksnet(['validate', 'warn.ts', '--max-warnings', '1']).code).toBe(0);
    expect(aksnet(['validate', 'warn.ts', '--fail-on', 'warning']).code).toBe(1);
    expect(aksnet(['validate', 'error.ts', '--fail-on', 'none']).code).toBe(0);
  });

  it('-o writes the report to a file and nothing to stdout', () => {
    const out = join(dir, 'reports', 'aksnet.sarif');
    const r = aksnet(['validate', 'error.ts', '--format', 'sarif', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('version', '2.1.0');
  });

  it('--no-config turns the catalogue back on; --config picks a file', () => {
    writeFileSync(join(dir, 'off.config.ts'), `import { defineConfig } from 'aksnet';\nexport default defineConfig({ rules: { 'structure/cidr-malformed': 'off', 'structure/no-such-rule': 'off' } });\n`);
    const r = aksnet(['validate', 'error.ts', '--config', 'off.config.ts', '--format', 'json']);
    expect(r.stderr).toContain('unknown rule "structure/no-such-rule"');
    const doc = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string }> };
    expect(doc.findings.some((f) => f.ruleId === 'structure/cidr-malformed')).toBe(false);
    const none = aksnet(['validate', 'clean.ts', '--no-config', '--format', 'json', '--fail-on', 'none']);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toHaveProperty('summary');
  });

  it('exit 2 for missing, throwing and syntactically broken files, with file:line:col', () => {
    const missing = aksnet(['validate', 'nope.ts']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('nope.ts:1:1 - error: file not found: nope.ts');
    const throws = aksnet(['validate', 'throws.ts']);
    expect(throws.code).toBe(2);
    expect(throws.stderr.trim()).toMatch(/^throws\.ts:3:\d+ - error: the file threw while being evaluated: no addresses left$/);
    const syntax = aksnet(['validate', 'syntax.ts']);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/^syntax\.ts:\d+:\d+ - error: /);
    expect(syntax.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing file among several fails alone: the others are validated and written, exit 2', () => {
    const out = join(dir, 'with-missing.json');
    const r = aksnet(['validate', 'clean.ts', 'nope.ts', '--no-config', '--format', 'json', '-o', out]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { files: Array<{ file: string; findings: Array<{ ruleId: string; message: string }> }> };
    expect(doc.files.map((f) => f.file)).toEqual(['clean.ts', 'nope.ts']);
    expect(doc.files[1]!.findings).toMatchObject([{ ruleId: 'aksnet/load-error', message: 'file not found: nope.ts' }]);
    expect(doc.files[0]!.findings.some((f) => f.ruleId === 'aksnet/load-error')).toBe(false);
    // check: tsc's own diagnostic for a missing root file, and the other file is still checked.
    const checked = aksnet(['check', 'nope.ts', 'clean.ts']);
    expect(checked.code).toBe(2);
    expect(checked.stdout).toBe("nope.ts:1:1 - error TS6053: File 'nope.ts' not found.\n");
    expect(checked.stderr).toBe('1 type error in 2 files\n');
  });
});

describe('--debug and load errors', () => {
  // Every command that loads designs prints a load error the same way (src/cli/error-output.ts).
  const commands: Array<[string, (file: string) => string[]]> = [
    ['validate', (f) => ['validate', f]],
    ['diagram', (f) => ['diagram', f, '-o', join(dir, 'debug-diagrams')]],
    ['report', (f) => ['report', f, '-o', join(dir, 'debug-pack.md')]],
    ['model', (f) => ['model', f]],
  ];

  it.each(commands)('%s: one line without --debug; with it, the stack at the design\'s own lines; exit 2 both ways', (_name, args) => {
    const plain = aksnet(args('throws.ts'));
    expect(plain.code).toBe(2);
    const line = /^throws\.ts:3:\d+ - error: the file threw while being evaluated: no addresses left$/m;
    expect(plain.stderr).toMatch(line);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = aksnet(['--debug', ...args('throws.ts')]);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(line);
    const stack = debug.stderr.slice(debug.stderr.search(line)).split('\n');
    expect(stack[1]).toBe('Error: no addresses left');
    expect(stack[2]).toMatch(/^ {4}at cidr \(throws\.ts:3:\d+\)$/);
    expect(stack[3]).toMatch(/^ {4}at throws\.ts:\d+:\d+$/);
    expect(debug.stderr).not.toMatch(/aksnet-load-\d+-|\.mjs:/);
  });

  it.each(commands)('%s: a file that does not compile shows esbuild\'s own error with --debug', (_name, args) => {
    const plain = aksnet(args('syntax.ts'));
    expect(plain.code).toBe(2);
    expect(plain.stderr).not.toContain('Build failed');
    const debug = aksnet(['--debug', ...args('syntax.ts')]);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^syntax\.ts:\d+:\d+ - error: .*\nError: Build failed with 1 error:\n/m);
  });
});

describe('check, model and rules', () => {
  it('check prints file:line:col - error TS… and exits 2 on a type error; 0 when clean', () => {
    const bad = aksnet(['check', 'types.ts']);
    expect(bad.code).toBe(2);
    const line = readFileSync(join(dir, 'types.ts'), 'utf8').split('\n').findIndex((l) => l.includes('cidr: 24')) + 1;
    expect(bad.stdout).toMatch(new RegExp(`^types\\.ts:${line}:\\d+ - error TS\\d+: `, 'm'));
    const good = aksnet(['check', 'clean.ts']);
    expect(good.code, good.stdout).toBe(0);
  });

  it('model prints identical bytes on two runs', () => {
    const a = aksnet(['model', join(repo, 'examples/a-hub-spoke-baseline.ts')], repo);
    const b = aksnet(['model', join(repo, 'examples/a-hub-spoke-baseline.ts')], repo);
    expect(a.code).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
    expect(JSON.parse(a.stdout)).toHaveProperty('schemaVersion', 1);
  });

  it('rules --format json lists id, severity, pillars, waf and references', () => {
    const r = aksnet(['rules', '--format', 'json'], repo);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { count: number; rules: Array<Record<string, unknown>> };
    expect(doc.count).toBe(doc.rules.length);
    expect(doc.rules.length).toBeGreaterThanOrEqual(7);
    for (const rule of doc.rules) {
      for (const k of ['id', 'severity', 'pillars', 'waf', 'references']) expect(rule, `${String(rule.id)} ${k}`).toHaveProperty(k);
    }
  });
});

describe('file names that URLs and workflow commands escape', () => {
  it('every format names the same file, encoded once, for findings and unverified checks alike', () => {
    const name = 'prød%#,:.ts';
    mkdirSync(join(dir, 'unicodé'), { recursive: true });
    // The example raises findings and reports unverified checks: both kinds name the file.
    copyFileSync(join(repo, 'examples/b-front-door-private-link.ts'), join(dir, 'unicodé', name));
    const run = (format: string) => aksnet(['validate', `unicodé/${name}`, '--no-config', '--fail-on', 'none', '-f', format]);

    const json = JSON.parse(run('json').stdout) as { unverified: Array<{ file: string }>; files: Array<{ file: string; findings: Array<{ file: string }> }> };
    expect(json.unverified.length).toBeGreaterThan(0);
    expect(json.files[0]!.findings.length).toBeGreaterThan(0);
    const files = new Set([...json.unverified, ...json.files, ...json.files[0]!.findings].map((x) => x.file));
    expect([...files]).toEqual([`unicodé/${name}`]);

    const sarif = JSON.parse(run('sarif').stdout) as {
      runs: Array<{ results: Array<{ properties?: { aksnetResult?: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
    };
    const results = sarif.runs[0]!.results;
    expect(results.some((r) => r.properties?.aksnetResult === 'unverified')).toBe(true);
    const uris = new Set(results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    expect([...uris]).toEqual(['unicod%C3%A9/pr%C3%B8d%25%23%2C%3A.ts']);

    const github = run('github').stdout;
    expect(github).toContain('::notice');
    const props = new Set([...github.matchAll(/file=([^,]*),/g)].map((m) => m[1]));
    expect([...props]).toEqual(['unicodé/prød%25#%2C%3A.ts']);
  });
});
