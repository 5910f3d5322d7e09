/**
 * Issue #15, outputs: `-o` never destroys what is at the path. Devices, FIFOs and /dev/stdout are
 * written through, symlinks are followed, inputs are refused (exit 2), failures are exit 3 naming the
 * output path, temporary files never outlive a run.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, createReadStream, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aksnet, aksnetAsync, design, ensureBuilt, repo, tempDir, write } from './cli.js';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir('outputs');
  write(dir, 'd.ts', design(`subnet({ name: 'snet-a', cidr: helperCidr })`, `import { helperCidr } from './helper.js';`));
  write(dir, 'helper.ts', `export const helperCidr = '10.1.0.0/24';\n`);
});

const noTemp = (d: string) => readdirSync(d).filter((n) => n.includes('aksnet-tmp'));

/**
 * A character device to write to. As root the test makes its own node (same device numbers) in a temp
 * folder: code that replaces the output with a regular file then destroys that node, never the
 * system's /dev/null or /dev/full. Without root, /dev itself cannot be replaced.
 */
function charDevice(name: 'null' | 'full', minor: number): string {
  if (process.getuid?.() !== 0) return `/dev/${name}`;
  const p = join(dir, `dev-${name}`);
  if (!existsSync(p)) execFileSync('mknod', ['-m', '666', p, 'c', '1', String(minor)]);
  return p;
}

describe('special files are written through, never replaced', () => {
  it('a null device stays a character device', () => {
    const dev = charDevice('null', 3);
    const r = aksnet(['validate', 'd.ts', '--format', 'json', '-o', dev], dir);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
  });

  it('a full device reports "no space" as exit 3 naming the device', () => {
    const dev = charDevice('full', 7);
    const r = aksnet(['validate', 'd.ts', '--format', 'json', '-o', dev], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: cannot write \S*full: no space left on the device \(ENOSPC\)\n$/);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
  });

  it('/dev/stdout goes to standard output (and stays a link)', () => {
    const before = lstatSync('/dev/stdout').isSymbolicLink();
    const r = aksnet(['model', 'd.ts', '-o', '/dev/stdout'], dir);
    const after = lstatSync('/dev/stdout').isSymbolicLink();
    // Safety net for running this test against code that still replaces outputs: put the link back.
    if (before && !after && process.getuid?.() === 0) {
      rmSync('/dev/stdout', { force: true });
      symlinkSync('/proc/self/fd/1', '/dev/stdout');
    }
    expect(after).toBe(before);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
  });

  it('the JSON findings written to a file (in pieces) are the bytes printed to standard output', () => {
    const printed = aksnet(['validate', 'd.ts', '--format', 'json'], dir);
    const file = join(dir, 'findings.json');
    const written = aksnet(['validate', 'd.ts', '--format', 'json', '-o', file], dir);
    expect([0, 1]).toContain(printed.code);
    expect(written.code).toBe(printed.code);
    expect(JSON.parse(printed.stdout).findings.length).toBeGreaterThan(0);
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
  });

  it('/dev/fd/1 goes to standard output too', () => {
    const r = aksnet(['model', 'd.ts', '-o', '/dev/fd/1'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
  });

  it('a FIFO receives the bytes and stays a FIFO', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const reader = new Promise<string>((res) => {
      let s = '';
      createReadStream(fifo).on('data', (d) => (s += String(d))).on('end', () => res(s));
    });
    const run = aksnetAsync(['validate', 'd.ts', '--format', 'json', '-o', fifo], dir);
    const [got, r] = await Promise.all([reader, run]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(got).files[0].file).toBe('d.ts');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe('symlinks are followed', () => {
  it('writes the link target atomically and keeps the link', () => {
    mkdirSync(join(dir, 'real'), { recursive: true });
    writeFileSync(join(dir, 'real', 'out.json'), 'old');
    symlinkSync(join(dir, 'real', 'out.json'), join(dir, 'link.json'));
    const r = aksnet(['validate', 'd.ts', '--format', 'json', '-o', 'link.json'], dir);
    expect([0, 1]).toContain(r.code);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real', 'out.json'), 'utf8')).files).toHaveLength(1);
    expect(noTemp(join(dir, 'real'))).toEqual([]);
  });

  it('a dangling link creates its target', () => {
    symlinkSync(join(dir, 'real', 'new.json'), join(dir, 'dangling.json'));
    aksnet(['model', 'd.ts', '-o', 'dangling.json'], dir);
    expect(lstatSync(join(dir, 'dangling.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real', 'new.json'), 'utf8')).schemaVersion).toBe(1);
  });
});

describe('an output path that is an input is refused with exit 2', () => {
  const before = () => readFileSync(join(dir, 'd.ts'), 'utf8');
  it.each([
    [['validate', 'd.ts', '--format', 'json', '-o', 'd.ts']],
    [['validate', 'd.ts', '--format', 'json', '-o', 'helper.ts']],
    [['model', 'd.ts', '-o', 'd.ts']],
    [['report', 'd.ts', '--format', 'json', '-o', 'd.ts']],
  ])('%j', (args) => {
    const src = before();
    const helper = readFileSync(join(dir, 'helper.ts'), 'utf8');
    const r = aksnet(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write (d|helper)\.ts: it is an input of this run/);
    expect(before()).toBe(src);
    expect(readFileSync(join(dir, 'helper.ts'), 'utf8')).toBe(helper);
  });

  it('also through a symlink to the design', () => {
    symlinkSync(join(dir, 'd.ts'), join(dir, 'alias.json'));
    const src = before();
    const r = aksnet(['validate', 'd.ts', '--format', 'json', '-o', 'alias.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: refusing to write alias.json: it is an input of this run\n');
    expect(lstatSync(join(dir, 'alias.json')).isSymbolicLink()).toBe(true);
    expect(before()).toBe(src);
  });
});

describe('output errors are exit 3 naming the output path', () => {
  it('a file where a folder should be (EEXIST from mkdir)', () => {
    writeFileSync(join(dir, 'plain'), 'x');
    const r = aksnet(['validate', 'd.ts', '--format', 'json', '-o', 'plain/sub/out.json'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: cannot write plain\/sub\/out\.json: a part of the path is not a folder \((EEXIST|ENOTDIR)\)\n$/);
  });

  it('a folder in the way (EISDIR)', () => {
    mkdirSync(join(dir, 'folder.json'), { recursive: true });
    const r = aksnet(['model', 'd.ts', '-o', 'folder.json'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('cannot write folder.json: it is a folder');
  });

  it('permission denied (EACCES) as an unprivileged user names the path, not the temp file', () => {
    if (process.getuid?.() !== 0) return; // needs root to switch user; an unprivileged run cannot create the case
    const ro = tempDir('readonly');
    write(ro, 'd.ts', design());
    chmodSync(ro, 0o555);
    const r = spawnAs(ro, ['validate', 'd.ts', '--format', 'json', '-o', 'out.json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('error: cannot write out.json: permission denied (EACCES)\n');
  });
});

function spawnAs(cwd: string, args: string[]): { code: number | null; stderr: string } {
  try {
    execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(repo, 'bin/aksnet.js'), ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', HOME: cwd },
    });
    return { code: 0, stderr: '' };
  } catch (e) {
    const err = e as { status: number | null; stderr: string };
    return { code: err.status, stderr: err.stderr };
  }
}

describe('temporary files', () => {
  it('a stale temp file of a dead process is removed by the next run; a live one is kept', () => {
    const d = tempDir('stale');
    write(d, 'd.ts', design());
    writeFileSync(join(d, '.out.json.aksnet-tmp-999999999-dead'), 'x'.repeat(1000));
    writeFileSync(join(d, `.out.json.aksnet-tmp-${process.pid}-live`), 'y');
    aksnet(['validate', 'd.ts', '--format', 'json', '-o', 'out.json'], d);
    expect(noTemp(d)).toEqual([`.out.json.aksnet-tmp-${process.pid}-live`]);
  });

  it('SIGTERM during a large write leaves no temp file behind', async () => {
    const d = tempDir('signal');
    const script = join(d, 'writer.mjs');
    writeFileSync(
      script,
      `import { writeOutput } from ${JSON.stringify(join(repo, 'dist/src/shared/output-file.js'))};\n` +
        `process.stdout.write('ready\\n');\nfor (let i = 0; i < 20; i++) {\n` +
        `  writeOutput(${JSON.stringify(join(d, 'big.bin'))}, Buffer.alloc(64 * 1024 * 1024, i));\n` +
        // Like the CLI, the writer goes back to the event loop between outputs.
        `  await new Promise((r) => setImmediate(r));\n}\n`,
    );
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((res) => child.stdout.once('data', () => res()));
    // Wait until a temporary file exists, then interrupt.
    for (let i = 0; i < 400 && noTemp(d).length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(noTemp(d).length).toBe(1);
    child.kill('SIGTERM');
    const signal = await new Promise((res) => child.on('exit', (_c, s) => res(s)));
    expect(signal).toBe('SIGTERM');
    expect(noTemp(d)).toEqual([]);
  });
});

describe('a multi-output report writes every output it can and names the others', () => {
  it('one unwritable output does not cost the others', () => {
    const d = tempDir('multi');
    write(d, 'd.ts', design());
    writeFileSync(join(d, 'blocker'), 'x');
    const r = aksnet(['report', 'd.ts', '-o', 'pack.json', '-o', 'blocker/pack.html', '-o', 'pack.csv'], d);
    expect(r.code).toBe(3);
    expect(existsSync(join(d, 'pack.json'))).toBe(true);
    expect(existsSync(join(d, 'pack.csv'))).toBe(true);
    expect(r.stderr).toMatch(/error: cannot write blocker\/pack\.html: a part of the path is not a folder \((EEXIST|ENOTDIR)\)/);
    expect(r.stderr).toContain('not written: blocker/pack.html');
    expect(r.stderr).toContain('wrote pack.json');
  });

  it('a template error is one line naming the template file, and the outputs after it are written', () => {
    const d = tempDir('tpl');
    write(d, 'd.ts', design());
    mkdirSync(join(d, 'tpl'));
    writeFileSync(join(d, 'tpl', 'findings.hbs'), '<p>\n{{#if x}}\nunclosed\n');
    const r = aksnet(['report', 'd.ts', '--templates', 'tpl', '-o', 'pack.html', '-o', 'pack.json'], d);
    expect(r.code).toBe(3);
    const errors = r.stderr.split('\n').filter((l) => l.includes('error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^.*tpl\/findings\.hbs:\d+:1 - error: report template error: Parse error on line \d+: Expecting .*$/);
    expect(existsSync(join(d, 'pack.json'))).toBe(true);
    expect(existsSync(join(d, 'pack.html'))).toBe(false);
  });

  it('diagram: one view that cannot be written does not cost the other views', () => {
    const d = tempDir('diagram-multi');
    write(d, 'd.ts', readFileSync(join(repo, 'examples', 'a-hub-spoke-baseline.ts'), 'utf8'));
    mkdirSync(join(d, 'svg', 'd.topology.svg'), { recursive: true });
    const r = aksnet(['diagram', 'd.ts', '--view', 'all', '-o', 'svg'], d, { timeout: 180_000 });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('error: cannot write svg/d.topology.svg: it is a folder (EISDIR)\nnot written: svg/d.topology.svg\n');
    const others = r.stdout.trim().split('\n').filter(Boolean);
    expect(others.length).toBeGreaterThan(0);
    for (const o of others) expect(statSync(join(d, o)).isFile()).toBe(true);
  });
});
