// aksnet scale bench (issue #15): the sizes the hardening issue set targets for, each run in a fresh
// process through the real CLI entry (load → normalize → validate → output), timed wall-clock with
// the child's peak resident memory. Prints the machine load too: on a shared machine the figures
// are only comparable at similar load.
//
//   npm run build && node bench/scale.mjs            # all targets
//   node bench/scale.mjs --only spokes-validate      # one target
//   node bench/scale.mjs --write                     # and rewrite the scale section of bench/RESULTS.md
//   node bench/scale.mjs --in-process                # time the CLI in a child of this script, not under GNU time
//
// Targets: 1,000 spokes validate ≤ 2 s; 2,000 subnets validate ≤ 2 s; 500-spoke HTML report
// ≤ 5 s and ≤ 600 MB. Also recorded (issue #11): the page count of the 20-spoke design's PDF pack
// (bench/hub-spoke.mjs's generator), when a browser is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  writeFileSync(
    file,
    `import { manySpokes, manySubnets } from ${JSON.stringify(join(here, 'scale-design.mjs'))};\n` +
      `import { hubSpoke } from ${JSON.stringify(join(here, 'hub-spoke.mjs'))};\nexport default ${expr};\n`,
  );
  return file;
};
/** Pages of a PDF, by poppler's pdfinfo (undefined without it). */
const pdfPages = (file) => {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(r.stdout ?? '');
  return m ? Number(m[1]) : undefined;
};

const targets = [
  { id: 'spokes-validate', what: '1,000 spokes: validate --format json', file: () => design('spokes-1000', 'manySpokes(1000)'), cli: (f) => ['validate', f, '--format', 'json', '--no-config', '-o', join(dir, 'v.json')], maxMs: 2000 },
  { id: 'subnets-validate', what: '2,000 subnets: validate --format json', file: () => design('subnets-2000', 'manySubnets(2000)'), cli: (f) => ['validate', f, '--format', 'json', '--no-config', '-o', join(dir, 's.json')], maxMs: 2000 },
  { id: 'spokes-report-html', what: '500 spokes: report -o pack.html', file: () => design('spokes-500', 'manySpokes(500)'), cli: (f) => ['report', f, '--no-config', '-o', join(dir, 'pack.html')], maxMs: 5000, maxMB: 600 },
  {
    id: 'pack-20-pdf',
    what: '20-spoke design: report -o pack.pdf',
    file: () => design('hub-spoke-20', 'hubSpoke(20)'),
    cli: (f) => ['report', f, '--no-config', '--as-of', '2026-11-23', '-o', join(dir, 'pack20.pdf')],
    pages: () => pdfPages(join(dir, 'pack20.pdf')),
    optional: true,
  },
];
const rows = [];

// The real entry (bin/aksnet.js, with its V8 flags and code cache) under GNU time, as a user runs it: wall
// time, user + system CPU of the whole process tree's main process, peak RSS. Without /usr/bin/time, the
// CLI runs in a child of this script (no bin flags) and reports the same figures itself.
const useTime = existsSync('/usr/bin/time') && !args.includes('--in-process');
function timed(cli) {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, join(root, 'bin', 'aksnet.js'), ...cli], { encoding: 'utf8', cwd: dir, timeout: 600_000 });
  const num = (re) => Number(re.exec(r.stderr)?.[1] ?? NaN);
  const clock = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  if (!clock) return undefined;
  const ms = ((Number(clock[1] ?? 0) * 60 + Number(clock[2])) * 60 + Number(clock[3])) * 1000;
  const code = num(/Exit status: (\d+)/);
  return {
    code: Number.isNaN(code) ? r.status : code,
    ms,
    cpuMs: (num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/)) * 1000,
    maxRssMB: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
  };
}

const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`aksnet scale bench — ${new Date().toISOString()} — ${cpus().length} CPUs — load average ${load()}`);
let failed = false;
try {
  for (const t of targets) {
    if (only && t.id !== only) continue;
    const f = t.file();
    let m = useTime ? timed(t.cli(f)) : undefined;
    const r = useTime ? { stderr: '', status: m?.code } : spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', ...t.cli(f)], { encoding: 'utf8', cwd: dir, timeout: 600_000 });
    const last = r.stderr.trim().split('\n').pop() ?? '';
    try {
      m ??= JSON.parse(last);
    } catch {
      console.log(`${t.what}: failed (${r.status}) ${r.stderr.slice(-500)}`);
      failed = true;
      continue;
    }
    if (m.code !== 0 && m.code !== 1) {
      console.log(`${t.what}: the CLI exited ${m.code}: ${r.stderr.slice(-500)}`);
      // A pack that needs a browser is skipped where none is installed.
      if (!t.optional) failed = true;
      continue;
    }
    if (t.pages) {
      const pages = t.pages();
      console.log(`${t.what.padEnd(40)} ${(m.ms / 1000).toFixed(2).padStart(6)} s wall ${(m.cpuMs / 1000).toFixed(2).padStart(6)} s CPU ${m.maxRssMB.toFixed(0).padStart(5)} MB  ${pages ?? '?'} pages  (load ${load()})`);
      rows.push({ what: t.what, wall: m.ms, cpu: m.cpuMs, rss: m.maxRssMB, target: `${pages ?? '?'} pages (was 147)`, met: '—' });
      continue;
    }
    const okMs = m.ms <= t.maxMs;
    const okMB = t.maxMB === undefined || m.maxRssMB <= t.maxMB;
    if (!okMs || !okMB) failed = true;
    const limit = `≤ ${t.maxMs / 1000} s${t.maxMB ? `, ≤ ${t.maxMB} MB` : ''}`;
    console.log(`${t.what.padEnd(40)} ${(m.ms / 1000).toFixed(2).padStart(6)} s wall ${(m.cpuMs / 1000).toFixed(2).padStart(6)} s CPU ${m.maxRssMB.toFixed(0).padStart(5)} MB  exit ${m.code}  target ${limit}: ${okMs && okMB ? 'met' : 'NOT met'}  (load ${load()})`);
    rows.push({ what: t.what, wall: m.ms, cpu: m.cpuMs, rss: m.maxRssMB, target: limit, met: okMs && okMB ? 'yes' : 'no' });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// --write: the scale section of bench/RESULTS.md (between its markers, at the end of the file). The other
// sections belong to bench/run.mjs and are left as they are.
if (args.includes('--write') && rows.length) {
  const results = join(here, 'RESULTS.md');
  const { SCALE_START: start, SCALE_END: end, withScaleBlock } = await import('./scale-block.mjs');
  const section = [
    start,
    '## Scale targets (issue #15): `npm run bench:scale -- --write`',
    '',
    `Written by bench/scale.mjs on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} CPUs, load ` +
      `average ${load()} at the end: on a shared machine wall time grows with the load; CPU time is the steadier ` +
      `figure. ${useTime ? 'Each run is `/usr/bin/time -v node bin/aksnet.js …` (user + system CPU, peak RSS).' : 'Each run is the CLI in a child process (main and worker thread CPU).'}`,
    '',
    '| run | wall | CPU | peak RSS | target | met |',
    '|---|---:|---:|---:|---|---|',
    ...rows.map((r) => `| ${r.what} | ${(r.wall / 1000).toFixed(2)} s | ${(r.cpu / 1000).toFixed(2)} s | ${r.rss.toFixed(0)} MB | ${r.target} | ${r.met} |`),
    end,
  ].join('\n');
  // Exactly one scale block, at the end, whatever an older run left (bench/scale-block.mjs).
  writeFileSync(results, withScaleBlock(existsSync(results) ? readFileSync(results, 'utf8') : '', section));
  console.log(`wrote the scale section of ${results}`);
}
process.exitCode = failed ? 1 : 0;
