// aksnet scale bench (issue #15): the sizes the hardening issue set targets for, each run in a fresh
// process through the real CLI entry (load → normalize → validate → output), timed wall-clock with
// the child's peak resident memory. Prints the machine load too: on a shared machine the figures
// are only comparable at similar load.
//
//   npm run build && node bench/scale.mjs            # all targets
//   node bench/scale.mjs --only spokes-validate      # one target
//
// Targets: 1,000 spokes validate ≤ 2 s; 2,000 subnets validate ≤ 2 s; 500-spoke HTML report
// ≤ 5 s and ≤ 600 MB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const args = process.argv.slice(2);

if (args[0] === '--child') {
  // Runs one CLI invocation in this process and reports its wall time and peak memory.
  const { run } = await import(pathToFileURL(join(root, 'dist/src/cli/main.js')).href);
  const t0 = performance.now();
  const code = await run(args.slice(1));
  const ms = performance.now() - t0;
  const u = process.resourceUsage();
  // CPU time of this process (main and worker threads; esbuild's own process is not included): on a
  // loaded machine it says more than wall time.
  process.stderr.write(`\n${JSON.stringify({ code, ms, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMB: u.maxRSS / 1024 })}\n`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'aksnet-scale-'));
const design = (name, expr) => {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, `import { manySpokes, manySubnets } from ${JSON.stringify(join(here, 'scale-design.mjs'))};\nexport default ${expr};\n`);
  return file;
};

const targets = [
  { id: 'spokes-validate', what: '1,000 spokes: validate --format json', file: () => design('spokes-1000', 'manySpokes(1000)'), cli: (f) => ['validate', f, '--format', 'json', '--no-config', '-o', join(dir, 'v.json')], maxMs: 2000 },
  { id: 'subnets-validate', what: '2,000 subnets: validate --format json', file: () => design('subnets-2000', 'manySubnets(2000)'), cli: (f) => ['validate', f, '--format', 'json', '--no-config', '-o', join(dir, 's.json')], maxMs: 2000 },
  { id: 'spokes-report-html', what: '500 spokes: report -o pack.html', file: () => design('spokes-500', 'manySpokes(500)'), cli: (f) => ['report', f, '--no-config', '-o', join(dir, 'pack.html')], maxMs: 5000, maxMB: 600 },
];

const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`aksnet scale bench — ${new Date().toISOString()} — ${cpus().length} CPUs — load average ${load()}`);
let failed = false;
try {
  for (const t of targets) {
    if (only && t.id !== only) continue;
    const f = t.file();
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', ...t.cli(f)], { encoding: 'utf8', cwd: dir, timeout: 600_000 });
    const last = r.stderr.trim().split('\n').pop() ?? '';
    let m;
    try {
      m = JSON.parse(last);
    } catch {
      console.log(`${t.what}: failed (${r.status}) ${r.stderr.slice(-500)}`);
      failed = true;
      continue;
    }
    if (m.code !== 0 && m.code !== 1) {
      console.log(`${t.what}: the CLI exited ${m.code}: ${r.stderr.slice(-500)}`);
      failed = true;
      continue;
    }
    const okMs = m.ms <= t.maxMs;
    const okMB = t.maxMB === undefined || m.maxRssMB <= t.maxMB;
    if (!okMs || !okMB) failed = true;
    const limit = `≤ ${t.maxMs / 1000} s${t.maxMB ? `, ≤ ${t.maxMB} MB` : ''}`;
    console.log(`${t.what.padEnd(40)} ${(m.ms / 1000).toFixed(2).padStart(6)} s wall ${(m.cpuMs / 1000).toFixed(2).padStart(6)} s CPU ${m.maxRssMB.toFixed(0).padStart(5)} MB  exit ${m.code}  target ${limit}: ${okMs && okMB ? 'met' : 'NOT met'}  (load ${load()})`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
