/** Runs the built CLI (`node bin/aksnet.js`) in a subprocess, the way users and attackers do. */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBuilt as freshBuild } from '../helpers/build.js';

export const repo = resolve(import.meta.dirname, '../..');
export const bin = join(repo, 'bin/aksnet.js');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Builds dist/ when it is missing or not built from the current sources (test/helpers/build.ts). */
export function ensureBuilt(): void {
  freshBuild();
}

export function aksnet(args: string[], cwd: string, opts: { timeout?: number; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...opts.env },
    timeout: opts.timeout ?? 60_000,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking the test process (needed when the test must read a FIFO or send a signal). */
export function aksnetAsync(args: string[], cwd: string, opts: SpawnOptions = {}): Promise<Run> & { pid: number | undefined } {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, ...opts });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += String(d)));
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const p = new Promise<Run>((res) => child.on('close', (code, signal) => res({ code, signal, stdout, stderr }))) as Promise<Run> & {
    pid: number | undefined;
  };
  p.pid = child.pid;
  return p;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `aksnet-${prefix}-`));
}

/** A small valid design: one spoke VNet with the given subnets. */
export function design(subnets = `subnet({ name: 'snet-a', cidr: '10.1.0.0/24' })`, extra = ''): string {
  return `import { defineArchitecture, vnet, subnet } from 'aksnet';
${extra}
const spoke = vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: ['10.1.0.0/16'], subnets: [${subnets}] });
export default defineArchitecture({ metadata: { title: 'hardening' }, network: { vnets: [spoke] }, clusters: [] });
`;
}

export function write(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
