/** `aksnet build`: plan every output, then write it, check it against the disk, or clean orphans. */
import { writeError } from '../error-output.js';
import { dirname, relative, resolve } from 'node:path';
import { AksnetError, ExitCode } from '../../shared/errors.js';
import {
  buildExitCode,
  compareWithDisk,
  planBuild,
  summaryLine,
  writePlan,
  type BuildPlan,
} from '../../workflow/build.js';
import type { FailOn } from '../../workflow/findings.js';
import { parseShard } from '../../workflow/shard.js';
import { colors, useColor } from '../../shared/io.js';
import { checkAsOf } from '../../shared/date.js';

export interface BuildCliOptions {
  config?: string;
  check?: boolean;
  clean?: boolean;
  watch?: boolean;
  shard?: string;
  asOf?: string;
  failOn: FailOn;
}

const show = (p: string) => relative(process.cwd(), p) || p;

export async function buildCommand(opts: BuildCliOptions): Promise<number> {
  if (opts.check && opts.clean)
    throw new AksnetError('--check writes nothing; run --clean on its own', undefined, ExitCode.usage);
  checkAsOf(opts.asOf);
  const shard = opts.shard !== undefined ? parseShard(opts.shard) : undefined;
  const once = async () => {
    const plan = await planBuild({
      ...(opts.config ? { config: opts.config } : {}),
      ...(opts.asOf ? { asOf: opts.asOf } : {}),
      ...(shard ? { shard } : {}),
      progress: progress(),
    });
    endProgress();
    const code = opts.check ? check(plan) : await write(plan, Boolean(opts.clean), opts.failOn);
    const skipped = plan.outcomes.filter((o) => o.kind === 'skipped').length;
    return { code, inputs: plan.inputs, summary: `aksnet build: ${summaryLine(plan.results, skipped)}` };
  };
  if (!opts.watch) return (await once()).code;
  const { watchLoop } = await import('../../workflow/watch.js');
  const { findConfig } = await import('../../load/config.js');
  const config = opts.config ? resolve(opts.config) : findConfig(process.cwd());
  return watchLoop({ roots: [dirname(config ?? resolve('aksnet.config.ts'))], run: once });
}

let drawn = '';

/** A rewriting status line on a TTY, plain lines otherwise (CI logs). */
function progress() {
  const tty = Boolean(process.stderr.isTTY);
  return (done: number, total: number, what: string) => {
    const line = `aksnet build [${done}/${total}] ${what}`;
    if (tty) {
      process.stderr.write(`\r${line.padEnd(drawn.length)}`);
      drawn = line;
    } else process.stderr.write(line + '\n');
  };
}

function endProgress(): void {
  if (drawn) process.stderr.write(`\r${' '.repeat(drawn.length)}\r`);
  drawn = '';
}

function printCommon(plan: BuildPlan): void {
  for (const n of plan.notes) process.stderr.write(n + '\n');
  for (const o of plan.outcomes) if (o.kind === 'failed') writeError(o.error);
  for (const e of plan.outputErrors) process.stderr.write(e.format() + '\n');
}

function check(plan: BuildPlan): number {
  printCommon(plan);
  const r = compareWithDisk(plan);
  const c = colors(useColor(process.stdout));
  for (const p of r.stale) process.stdout.write(`${c.yellow('stale')}    ${show(p)}\n`);
  for (const p of r.missing) process.stdout.write(`${c.red('missing')}  ${show(p)}\n`);
  for (const p of r.orphans)
    process.stdout.write(
      `${c.dim('orphan')}   ${show(p)}  (no design produces it; \`aksnet build --clean\` removes it)\n`,
    );
  const bad = r.stale.length + r.missing.length + r.orphans.length;
  const loadCode = buildExitCode(plan, 'none');
  if (bad) {
    process.stderr.write(
      `aksnet build --check: ${bad} output${bad === 1 ? ' is' : 's are'} out of date ` +
        `(${r.stale.length} stale, ${r.missing.length} missing, ${r.orphans.length} orphaned); run \`aksnet build\`\n`,
    );
  } else process.stderr.write(`aksnet build --check: all ${plan.outputs.length} outputs are up to date\n`);
  if (loadCode === ExitCode.usage) return loadCode;
  return bad ? ExitCode.findings : loadCode === ExitCode.output ? ExitCode.output : ExitCode.ok;
}

async function write(plan: BuildPlan, clean: boolean, failOn: FailOn): Promise<number> {
  printCommon(plan);
  const r = await writePlan(plan, clean);
  for (const p of r.written) process.stdout.write(`wrote ${show(p)}\n`);
  for (const p of r.removed) process.stdout.write(`removed ${show(p)}\n`);
  for (const e of r.failed) process.stderr.write(e.format() + '\n');
  if (!clean)
    for (const p of plan.orphans)
      process.stderr.write(`orphan: ${show(p)} (no design produces it; \`aksnet build --clean\` removes it)\n`);
  process.stderr.write(
    `aksnet build: ${r.written.length} written, ${r.unchanged.length} unchanged` +
      `${clean ? `, ${r.removed.length} removed` : ''}\n`,
  );
  const code = buildExitCode(plan, failOn);
  // A design that failed to load (2) wins over an output that could not be written (3), as in buildExitCode.
  return r.failed.length && code !== ExitCode.usage ? ExitCode.output : code;
}
