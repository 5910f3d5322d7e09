// aksnet bench (`npm run bench`): whole-process timings against the targets of issue #14, written to
// bench/results.json and bench/RESULTS.md with the machine, its load and the versions.
//
//   npm run bench                                  # every section
//   node bench/run.mjs --sections watch,validate   # some sections
//   node bench/run.mjs --runs 5 --spokes 20,50,100,200
//   BENCH_PEERS=/tmp/bench-peers node bench/run.mjs   # where the peer bench is set up (default: search /tmp)
//
// Sections: peers (aksnet one view and all views vs mmdc, one hyperfine run), watch (save → SVG in
// `diagram --watch`), validate (100 generated designs, one process), pdf (pack of the examples vs
// Chromium launch + one page.pdf per architecture), scaling (20 → 200 spokes: time and peak memory),
// golden (hashes of example a's SVGs, compared with the previous results). Speed is measured here,
// never asserted in tests; on a shared machine compare ratios taken in one run.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeHubSpoke, writeVariants } from './designs.mjs';
import { lastScaleBlock } from './scale-block.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const bin = join(root, 'bin/aksnet.js');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const ALL = ['peers', 'watch', 'validate', 'pdf', 'scaling', 'golden'];
const sections = opt('--sections', ALL.join(',')).split(',');
const runs = Number(opt('--runs', '5'));
const spokes = opt('--spokes', '20,50,100,200').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'aksnet-bench-'));
const exampleA = join(root, 'examples/a-hub-spoke-baseline.ts');
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .map((f) => join(root, 'examples', f));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (n, d = 0) => Math.round(n * 10 ** d) / 10 ** d;
const log = (s) => process.stderr.write(`[bench] ${s}\n`);
const sh = (cmd, a) => {
  try {
    return execFileSync(cmd, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
};
const load = () => loadavg().map((x) => round(x, 2));

/**
 * Wall time (ms), CPU time (user + system of the process and the children it waited for, ms) and
 * peak RSS (KiB) of a whole process; GNU time gives the CPU time and the peak when present.
 */
function timed(cmd, a, opts = {}) {
  const gnuTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', cmd, ...a], { encoding: 'utf8', maxBuffer: 1 << 28, ...opts })
    : spawnSync(cmd, a, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const ms = performance.now() - t0;
  const last = gnuTime ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [];
  const [peak, user, sys] = last;
  return {
    ms,
    cpuMs: Number.isFinite(user) && Number.isFinite(sys) ? (user + sys) * 1000 : undefined,
    peakKiB: Number.isFinite(peak) ? peak : undefined,
    status: r.status,
    stderr: r.stderr,
  };
}

const results = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    os: sh('uname', ['-srm']),
    loadBefore: load(),
  },
  versions: {
    node: process.version,
    aksnet: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
    elkjs: JSON.parse(readFileSync(join(root, 'node_modules/elkjs/package.json'), 'utf8')).version,
    chromium: sh(process.env.AKSNET_BROWSER || '/usr/bin/chromium', ['--version']),
    hyperfine: sh('hyperfine', ['--version']),
  },
  sections: {},
};

// ---- peers: aksnet vs mmdc in one hyperfine run -------------------------------------------------
function peersDir() {
  const candidates = [
    process.env.BENCH_PEERS,
    ...readdirSync('/tmp')
      .filter((d) => d.startsWith('bench-peers'))
      .map((d) => join('/tmp', d)),
  ];
  return candidates.find(
    (d) => d && existsSync(join(d, 'node_modules/.bin/mmdc')) && existsSync(join(d, 'diagrams/aks-baseline.mmd')),
  );
}

if (sections.includes('peers')) {
  const dir = peersDir();
  if (!dir || !results.versions.hyperfine) {
    log('peers: skipped (no peer bench with mmdc set up, or no hyperfine; see /work/shared/bench-peers/README.md)');
    results.sections.peers = { skipped: 'peer bench (mmdc) or hyperfine not found' };
  } else {
    log(`peers: hyperfine, ${runs} runs each (peer bench in ${dir})`);
    const out = join(work, 'peers');
    mkdirSync(out, { recursive: true });
    const allViews = `diagram ${exampleA} --view all -o ${out}`;
    // aksnet's cache folder for this section: V8's code caches stay warm as they are for a user after the first
    // run; the layout cache (`layouts/`) is emptied before every run of a cold command, so that its figure is
    // ELK laying out every view, and kept for the `-cached` commands: the same input drawn again.
    const cacheDir = join(work, 'peers-cache');
    const layouts = join(cacheDir, 'layouts');
    const aksnet = `/usr/bin/env AKSNET_CACHE_DIR=${cacheDir}`;
    const cold = `rm -rf ${layouts}`;
    const cmds = {
      'mmdc-dagre': [`${dir}/node_modules/.bin/mmdc -p ${dir}/puppeteer-config.json -i ${dir}/diagrams/aks-baseline.mmd -o ${out}/mmdc.svg`, 'true'],
      'aksnet-one-view': [`${aksnet} ${process.execPath} ${bin} diagram ${exampleA} --view topology -o ${out}`, cold],
      'aksnet-all-views': [`${aksnet} ${process.execPath} ${bin} ${allViews}`, cold],
      // The second ELK (layout thread) starts only when a core is idle; both ways, forced, in the same run.
      'aksnet-all-views-two-elk': [`${aksnet} AKSNET_LAYOUT_THREAD=on ${process.execPath} ${bin} ${allViews}`, cold],
      'aksnet-all-views-one-elk': [`${aksnet} AKSNET_LAYOUT_THREAD=off ${process.execPath} ${bin} ${allViews}`, cold],
      // Unchanged input: the layouts the warm-up run stored are read back, no ELK layout runs.
      'aksnet-one-view-cached': [`${aksnet} ${process.execPath} ${bin} diagram ${exampleA} --view topology -o ${out}`, 'true'],
      'aksnet-all-views-cached': [`${aksnet} ${process.execPath} ${bin} ${allViews}`, 'true'],
    };
    // hyperfine runs one command's runs back to back, so a change in the machine's load (a shared VM) lands on one
    // command and skews the ratio: the runs are made in rounds, every command a few runs per round, and the
    // samples of all rounds pooled. Each round starts with a warm-up run of every command (the -cached commands
    // read the layouts their warm-up stored). The ratio of each round is kept too, to show the spread.
    const rounds = Math.max(1, Math.min(runs, Number(opt('--rounds', '5'))));
    const perRound = Math.ceil(runs / rounds);
    const pooled = Object.fromEntries(Object.keys(cmds).map((k) => [k, { times: [], user: [], system: [] }]));
    const roundRatios = [];
    let failed;
    for (let r = 0; r < rounds && !failed; r++) {
      const json = join(work, `peers-${r}.json`);
      const hf = ['-N', '--style', 'basic', '--warmup', '1', '--runs', String(perRound), '--export-json', json];
      for (const [, prepare] of Object.values(cmds)) hf.push('--prepare', prepare);
      for (const [name, [cmd]] of Object.entries(cmds)) hf.push('-n', name, cmd);
      log(`peers: round ${r + 1} of ${rounds}, ${perRound} runs of each command`);
      const run = spawnSync('hyperfine', hf, { encoding: 'utf8', cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
      if (run.status !== 0) {
        failed = `hyperfine exited ${run.status}`;
        break;
      }
      const inRound = JSON.parse(readFileSync(json, 'utf8')).results;
      for (const x of inRound) {
        pooled[x.command].times.push(...x.times);
        // hyperfine gives user and system time as means over the round's runs.
        for (let i = 0; i < x.times.length; i++) {
          pooled[x.command].user.push(x.user);
          pooled[x.command].system.push(x.system);
        }
      }
      const med = Object.fromEntries(inRound.map((x) => [x.command, median(x.times)]));
      roundRatios.push({
        oneView: round(med['mmdc-dagre'] / med['aksnet-one-view'], 2),
        allViews: round(med['mmdc-dagre'] / med['aksnet-all-views'], 2),
      });
    }
    if (failed) results.sections.peers = { error: failed };
    else {
      const ms = Object.fromEntries(Object.entries(pooled).map(([k, v]) => [k, round(median(v.times) * 1000)]));
      // CPU time (user + system, mean, including child processes such as mmdc's Chromium): less
      // sensitive to other load on the machine than wall time.
      const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const cpu = Object.fromEntries(
        Object.entries(pooled).map(([k, v]) => [k, round((mean(v.user) + mean(v.system)) * 1000)]),
      );
      const mmdc = sh(process.execPath, [
        '-p',
        `require(${JSON.stringify(join(dir, 'node_modules/@mermaid-js/mermaid-cli/package.json'))}).version`,
      ]);
      results.versions.mmdc = mmdc;
      results.sections.peers = {
        what: 'whole process, hyperfine -N in rounds (each with --warmup 1), medians of the pooled runs in ms; mmdc draws the same AKS baseline (peer bench); aksnet commands without -cached start with an empty layout cache',
        runs: perRound * rounds,
        rounds,
        roundRatios,
        medianMs: ms,
        meanCpuMs: cpu,
        ratios: {
          mmdcOverOneView: round(ms['mmdc-dagre'] / ms['aksnet-one-view'], 2),
          mmdcOverAllViews: round(ms['mmdc-dagre'] / ms['aksnet-all-views'], 2),
          cpuMmdcOverOneView: round(cpu['mmdc-dagre'] / cpu['aksnet-one-view'], 2),
          cpuMmdcOverAllViews: round(cpu['mmdc-dagre'] / cpu['aksnet-all-views'], 2),
          mmdcOverAllViewsTwoElk: round(ms['mmdc-dagre'] / ms['aksnet-all-views-two-elk'], 2),
          mmdcOverAllViewsOneElk: round(ms['mmdc-dagre'] / ms['aksnet-all-views-one-elk'], 2),
          mmdcOverOneViewCached: round(ms['mmdc-dagre'] / ms['aksnet-one-view-cached'], 2),
          mmdcOverAllViewsCached: round(ms['mmdc-dagre'] / ms['aksnet-all-views-cached'], 2),
        },
        targets: { mmdcOverOneView: 4.0, mmdcOverAllViews: 2.5 },
      };
    }
  }
}

// ---- watch: save → SVG written ------------------------------------------------------------------
async function watchLatency(
  view,
  saves,
  edit = (text, i) => text.replace(/name: 'traefik'/, `name: 'traefik-${i}'`),
  env = process.env,
) {
  const dir = join(work, `watch-${view}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });
  const design = join(dir, 'design.ts');
  copyFileSync(exampleA, design);
  const original = readFileSync(design, 'utf8');
  // How many SVGs one render writes: counted from the first render (the view list grows: no fixed number).
  let expected = Infinity;
  // A cache folder of its own, outside the watched folder: layouts stored by earlier runs never answer a save.
  const child = spawn(process.execPath, [bin, 'diagram', design, '--view', view, '-o', join(dir, 'out'), '--watch'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, AKSNET_CACHE_DIR: `${dir}-cache` },
  });
  let lines = 0;
  let stderr = '';
  const waiters = [];
  child.stdout.on('data', (d) => {
    lines += String(d).split('\n').filter(Boolean).length;
    for (const w of [...waiters]) w();
  });
  child.stderr.on('data', (d) => {
    stderr += d;
    for (const w of [...waiters]) w();
  });
  const until = (check, ms = 120_000) =>
    new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`watch bench timed out; stderr: ${stderr}`)), ms);
      const w = () => {
        if (!check()) return;
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(w), 1);
        res();
      };
      waiters.push(w);
      w();
    });
  const out = [];
  try {
    // The first render's SVG paths are printed before the "watching" line.
    await until(() => stderr.includes('watching'));
    expected = lines;
    if (expected < 1) throw new Error(`watch bench: the first render wrote no SVG; stderr: ${stderr}`);
    for (let i = 0; i < saves; i++) {
      await new Promise((r) => setTimeout(r, 300));
      const before = lines;
      const t0 = performance.now();
      writeFileSync(design, edit(original, i));
      await until(() => lines >= before + expected);
      out.push(performance.now() - t0);
    }
  } finally {
    child.kill();
  }
  return { samples: out, views: expected };
}

if (sections.includes('watch')) {
  // One session of ten saves moved by ±15 % between sessions on this VM (2026-12-03: resize medians 143–172 ms
  // within an hour), so each measure pools the saves of several sessions, run round-robin across the measures so
  // that a change of the machine's speed hits them all alike; the spread of the session medians is kept.
  const sessions = Math.max(1, Math.min(3, Number(opt('--rounds', '5'))));
  log(`watch: ${sessions} sessions of 10 saves of example a per measure, round-robin`);
  const traefik = (text, i) => text.replace(/name: 'traefik'/, `name: 'traefik-${i}'`);
  const measures = {
    allViews: () => watchLatency('all', 10),
    topology: () => watchLatency('topology', 10),
    // A save that changes what two views draw (a subnet's name in topology and ingress, one letter longer on each
    // save, so that its box grows): those two are laid out again, none of their layouts was stored before.
    allViewsTwoRelaidOut: () =>
      watchLatency('all', 10, (text, i) => text.replaceAll("'snet-aks-ingress'", `'snet-aks-ingress-${'x'.repeat(i + 1)}'`)),
    // The second ELK (layout thread) starts only when a core is idle: all views again with it forced on and off.
    allViewsTwoElk: () => watchLatency('all', 10, traefik, { ...process.env, AKSNET_LAYOUT_THREAD: 'on' }),
    allViewsOneElk: () => watchLatency('all', 10, traefik, { ...process.env, AKSNET_LAYOUT_THREAD: 'off' }),
  };
  const runsOf = Object.fromEntries(Object.keys(measures).map((k) => [k, []]));
  let views;
  for (let r = 0; r < sessions; r++) {
    for (const [k, run] of Object.entries(measures)) {
      const got = await run();
      runsOf[k].push(got.samples);
      if (k === 'allViews') views = got.views;
    }
  }
  const pooled = (k) => runsOf[k].flat();
  const each = (f) => Object.fromEntries(Object.keys(measures).map((k) => [k, f(k)]));
  results.sections.watch = {
    what: `aksnet diagram --watch on a copy of example a: file written → last SVG of the render written (includes the 20 ms debounce; 40 ms before 2026-12-02 15:00 UTC), ms; ${sessions} sessions of 10 saves per measure, round-robin, medians of the pooled saves`,
    views,
    sessions,
    medianMs: each((k) => round(median(pooled(k)))),
    sessionMediansMs: each((k) => runsOf[k].map((x) => round(median(x)))),
    loadAfter: load(),
    samplesMs: each((k) => pooled(k).map((x) => round(x))),
    targetMs: 150,
  };
}

// ---- validate: 100 generated designs in one process ----------------------------------------------
if (sections.includes('validate')) {
  const dir = join(work, 'designs-100');
  writeVariants(dir, 100);
  log(`validate: 100 generated hub-spoke designs, one run with empty caches, then ${runs} runs`);
  // First use: no V8 code cache of the TypeScript parser, no remembered positions (AKSNET_CACHE_DIR empty).
  const cold = timed(process.execPath, [bin, 'validate', dir, '--format', 'json', '-o', join(work, 'v100-cold.json')], {
    env: { ...process.env, AKSNET_CACHE_DIR: mkdtempSync(join(work, 'cache-')) },
  });
  if (cold.status !== 0 && cold.status !== 1) throw new Error(`validate failed (${cold.status}): ${cold.stderr}`);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const r = timed(process.execPath, [bin, 'validate', dir, '--format', 'json', '-o', join(work, 'v100.json')]);
    if (r.status !== 0 && r.status !== 1) throw new Error(`validate failed (${r.status}): ${r.stderr}`);
    samples.push(r);
  }
  results.sections.validate = {
    what: 'aksnet validate <dir of 100 generated hub-spoke designs of 1-5 spokes>, whole process',
    medianMs: round(median(samples.map((s) => s.ms))),
    medianCpuMs: samples.every((s) => s.cpuMs !== undefined) ? round(median(samples.map((s) => s.cpuMs))) : undefined,
    peakMiB: round(Math.max(...samples.map((s) => s.peakKiB ?? 0)) / 1024),
    samplesMs: samples.map((s) => round(s.ms)),
    cold: { ms: round(cold.ms), cpuMs: cold.cpuMs === undefined ? undefined : round(cold.cpuMs) },
    targetMs: 2000,
  };
}

// ---- pdf: pack of the examples vs Chromium floor -------------------------------------------------
if (sections.includes('pdf')) {
  const browser = process.env.AKSNET_BROWSER || '/usr/bin/chromium';
  if (!existsSync(browser)) {
    results.sections.pdf = { skipped: `no browser at ${browser}` };
  } else {
    log(
      `pdf: pack of ${examples.length} examples vs Chromium launch + ${examples.length} page.pdf, ${Math.min(runs, 5)} runs each`,
    );
    const names = examples.map((f) => f.split('/').pop().replace(/\.ts$/, ''));
    // aksnet's caches (V8 code caches, layouts, drawings) in a folder of the bench's own. "Cold" runs start
    // without layouts or drawings (its code caches are warm, as on any machine after the first run); "layouts"
    // runs find the layouts of the run before but no drawings (what a pack whose designs all changed in names
    // only would find: src/layout/cache.ts); "warm" runs find both (unchanged designs: src/diagram/drawing-cache.ts).
    const cacheDir = join(work, 'aksnet-cache');
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600', AKSNET_CACHE_DIR: cacheDir, AKSNET_NO_CACHE: '' };
    // Five interleaved rounds at most: a warm pack and its floor moved by up to 30 % between rounds at a load of 2–3.
    const runs3 = Math.min(runs, 5);
    const series = { cold: [], layouts: [], warm: [], floor: [], packFloor: [] };
    // CPU time (user + system, Chromium's processes included: they are children the run waits for) and the
    // 1-minute load average at the start of each run: on a shared machine wall time follows the load.
    const cpu = { cold: [], layouts: [], warm: [], floor: [], packFloor: [] };
    const loads = [];
    const stages = {
      cold: { pageLoad: [], pagePdf: [], layout: [] },
      layouts: { pageLoad: [], pagePdf: [], layout: [] },
      warm: { pageLoad: [], pagePdf: [], layout: [] },
    };
    const hashes = new Set();
    const packRun = (kind, i) => {
      // Same file name in a folder per run: the pack prints the name of its full-size SVG folder
      // (`pack-diagrams/`), so `pack-0.pdf` and `pack-1.pdf` differ in those bytes by design.
      const out = join(work, `pdf-${kind}-${i}`, 'pack.pdf');
      mkdirSync(dirname(out), { recursive: true });
      if (kind === 'cold') rmSync(join(cacheDir, 'layouts'), { recursive: true, force: true });
      if (kind !== 'warm') rmSync(join(cacheDir, 'drawings'), { recursive: true, force: true });
      const p = timed(process.execPath, [bin, 'report', ...examples, '-o', out, '--timings'], { env });
      if (p.status !== 0) throw new Error(`report failed (${p.status}): ${p.stderr}`);
      series[kind].push(p.ms);
      if (p.cpuMs !== undefined) cpu[kind].push(p.cpuMs);
      hashes.add(createHash('sha256').update(readFileSync(out)).digest('hex'));
      // Where the pack's time went (`--timings`): the browser's page load and page.pdf, and all ELK layouts.
      const sum = (re) => [...p.stderr.matchAll(re)].reduce((t, m) => t + Number(m[1]), 0);
      stages[kind].pageLoad.push(sum(/page load\s+print ([\d.]+) ms/g));
      stages[kind].pagePdf.push(sum(/page\.pdf\s+print ([\d.]+) ms/g));
      stages[kind].layout.push(sum(/layout ([\d.]+) ms/g));
    };
    // The pack's own print HTML, once, for the second floor.
    const packHtml = join(work, 'pack-print.html');
    const w = spawnSync(process.execPath, [join(here, 'pack-html.mjs'), packHtml, ...examples], { encoding: 'utf8', env });
    if (w.status !== 0) throw new Error(`pack-html failed (${w.status}): ${w.stderr}`);
    // One run to fill the code caches, not counted.
    packRun('warm', 'fill');
    series.warm.length = 0;
    cpu.warm.length = 0;
    for (const k of Object.keys(stages.warm)) stages.warm[k].length = 0;
    // Interleaved (cold, warm, floor, pack floor, …): a change of load on the shared machine hits all alike.
    for (let i = 0; i < runs3; i++) {
      loads.push(load()[0]);
      packRun('cold', i);
      packRun('layouts', i);
      packRun('warm', i);
      const b = timed(process.execPath, [join(here, 'chromium-baseline.mjs'), ...names]);
      if (b.status !== 0) throw new Error(`chromium baseline failed (${b.status}): ${b.stderr}`);
      series.floor.push(b.ms);
      if (b.cpuMs !== undefined) cpu.floor.push(b.cpuMs);
      const f = timed(process.execPath, [join(here, 'chromium-pack-floor.mjs'), packHtml, join(work, `floor-${i}.pdf`)], { env });
      if (f.status !== 0) throw new Error(`chromium pack floor failed (${f.status}): ${f.stderr}`);
      series.packFloor.push(f.ms);
      if (f.cpuMs !== undefined) cpu.packFloor.push(f.cpuMs);
    }
    const m = (xs) => round(median(xs));
    const stageMedians = (st) => ({ pageLoad: m(st.pageLoad), pagePdf: m(st.pagePdf), elkLayouts: m(st.layout) });
    results.sections.pdf = {
      what: `aksnet report <${examples.length} examples> -o pack.pdf (cold: no stored layouts or drawings; layouts: the layouts of the run before, no drawings; warm: the layouts and drawings of the run before) vs Chromium launch + one page.pdf per architecture (bench/chromium-baseline.mjs) and vs Chromium launch + page.pdf of the same pack's HTML (bench/chromium-pack-floor.mjs), whole processes`,
      medianMs: { pack: m(series.cold), packLayouts: m(series.layouts), packWarm: m(series.warm), chromiumFloor: m(series.floor), chromiumPackFloor: m(series.packFloor) },
      samplesMs: Object.fromEntries(Object.entries(series).map(([k, v]) => [k, v.map((x) => round(x))])),
      medianCpuMs: Object.fromEntries(Object.entries(cpu).filter(([, v]) => v.length).map(([k, v]) => [k, m(v)])),
      loadAtRounds: loads,
      ratio: round(median(series.cold) / median(series.floor), 2),
      ratioLayouts: round(median(series.layouts) / median(series.floor), 2),
      ratioWarm: round(median(series.warm) / median(series.floor), 2),
      ratioOverPackFloor: round(median(series.cold) / median(series.packFloor), 2),
      ratioLayoutsOverPackFloor: round(median(series.layouts) / median(series.packFloor), 2),
      ratioWarmOverPackFloor: round(median(series.warm) / median(series.packFloor), 2),
      packStagesMedianMs: stageMedians(stages.cold),
      packLayoutsStagesMedianMs: stageMedians(stages.layouts),
      packWarmStagesMedianMs: stageMedians(stages.warm),
      deterministic: hashes.size === 1,
      target: 1.3,
    };
  }
}

// ---- scaling: 20 → 200 spokes ----------------------------------------------------------------------
if (sections.includes('scaling')) {
  const rows = [];
  // aksnet's cache folder for this section. Without it the runs used ~/.cache/aksnet, where the layouts of these
  // designs (the same bytes in every bench run) were stored by the bench runs before: the topology was then drawn
  // from stored layouts, not laid out (2026-12-02: 1.76× growth from stored layouts, 5.39× laid out). A warm-up run
  // on a design of another size fills V8's code caches as a user's first run does; before each timed run the
  // layout cache is emptied, so every design is validated and laid out as a first edit would be.
  const cacheDir = join(work, 'scaling-cache');
  const env = { ...process.env, AKSNET_CACHE_DIR: cacheDir };
  const warmFile = writeHubSpoke(join(work, 'scale-warm'), 10);
  for (const cmd of [['validate', warmFile, '--format', 'json', '-o', join(work, 'scale-warm.json')], ['diagram', warmFile, '--view', 'topology', '-o', join(work, 'scale-warm-out')]]) {
    const w = timed(process.execPath, [bin, ...cmd], { env });
    if (w.status !== 0 && w.status !== 1) throw new Error(`scaling warm-up failed (${w.status}): ${w.stderr}`);
  }
  for (const n of spokes) {
    const file = writeHubSpoke(join(work, 'scale'), n);
    log(`scaling: ${n} spokes`);
    rmSync(join(cacheDir, 'layouts'), { recursive: true, force: true });
    const v = timed(process.execPath, [bin, 'validate', file, '--format', 'json', '-o', join(work, `scale-${n}.json`)], { env });
    const d = timed(process.execPath, [bin, 'diagram', file, '--view', 'topology', '-o', join(work, 'scale-out')], { env });
    if (d.status !== 0) throw new Error(`diagram of ${n} spokes failed (${d.status}): ${d.stderr}`);
    rows.push({
      spokes: n,
      validateMs: round(v.ms),
      validatePeakMiB: round((v.peakKiB ?? 0) / 1024),
      diagramMs: round(d.ms),
      diagramPeakMiB: round((d.peakKiB ?? 0) / 1024),
    });
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  const nlogn = (n) => n * Math.log(n);
  results.sections.scaling = {
    what: 'whole process on one generated hub-spoke design: validate, and diagram --view topology, each design laid out by ELK (layout cache emptied before each size; V8 code caches warmed by a 10-spoke design)',
    rows,
    growth:
      first && last && last !== first
        ? {
            from: first.spokes,
            to: last.spokes,
            nLogN: round(nlogn(last.spokes) / nlogn(first.spokes), 2),
            validateTime: round(last.validateMs / first.validateMs, 2),
            validateMemory: round(last.validatePeakMiB / first.validatePeakMiB, 2),
            diagramTime: round(last.diagramMs / first.diagramMs, 2),
            diagramMemory: round(last.diagramPeakMiB / first.diagramPeakMiB, 2),
          }
        : undefined,
  };
}

// ---- golden: example a's SVGs, compared with the previous results --------------------------------
if (sections.includes('golden')) {
  const out = join(work, 'golden');
  execFileSync(process.execPath, [bin, 'diagram', exampleA, '--findings', '-o', out], { stdio: 'ignore' });
  const hashes = Object.fromEntries(
    readdirSync(out)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(out, f)))
          .digest('hex'),
      ]),
  );
  let previous;
  try {
    previous = JSON.parse(readFileSync(join(here, 'results.json'), 'utf8')).sections?.golden?.sha256;
  } catch {
    previous = undefined;
  }
  const changed = previous ? Object.keys(hashes).filter((f) => previous[f] !== hashes[f]) : [];
  results.sections.golden = {
    what: 'sha256 of `aksnet diagram examples/a-hub-spoke-baseline.ts --findings`, compared with the previous bench/results.json',
    sha256: hashes,
    changedSincePrevious: previous ? changed : 'no previous results',
  };
  if (changed.length) log(`golden: output changed since the previous results: ${changed.join(', ')}`);
}

results.machine.loadAfter = load();
rmSync(work, { recursive: true, force: true });
// Sections run now carry this run's date and load; sections not run keep their previous figures.
for (const k of Object.keys(results.sections))
  results.sections[k] = { ...results.sections[k], measured: results.date, load: results.machine.loadBefore };
try {
  const previous = JSON.parse(readFileSync(join(here, 'results.json'), 'utf8'));
  if (!results.sections.peers && previous.versions?.mmdc) results.versions.mmdc = previous.versions.mmdc;
  for (const [k, v] of Object.entries(previous.sections ?? {})) {
    if (!(k in results.sections))
      results.sections[k] = v.measured ? v : { ...v, measured: previous.date, load: previous.machine?.loadBefore };
  }
  results.sections = Object.fromEntries(ALL.filter((k) => k in results.sections).map((k) => [k, results.sections[k]]));
} catch {
  // First run: nothing to keep.
}
writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(here, 'RESULTS.md'), markdown(results) + keptSections());
process.stdout.write(markdown(results));

/**
 * The scale block of RESULTS.md (bench/scale.mjs writes it between markers): kept, exactly once, the newest one,
 * whatever older runs of either bench left in the file.
 */
function keptSections() {
  let old;
  try {
    old = readFileSync(join(here, 'RESULTS.md'), 'utf8');
  } catch {
    return '';
  }
  const block = lastScaleBlock(old);
  return block ? '\n' + block.trim() + '\n' : '';
}

function markdown(r) {
  const s = r.sections;
  const L = [];
  L.push('# aksnet bench results', '');
  L.push(
    `Written by \`npm run bench\` (bench/run.mjs) on ${r.date.slice(0, 16).replace('T', ' ')} UTC. Raw figures: [results.json](results.json).`,
  );
  L.push('');
  L.push(
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, ${r.machine.os ?? ''}. Load average (1, 5, 15 min) ${r.machine.loadBefore.join(' / ')} before, ${r.machine.loadAfter.join(' / ')} after: a VM whose load and speed move (two VMs of the same kind differed twofold), so absolute times are noisy; ratios are taken within one run.`,
  );
  L.push('');
  L.push(
    `Versions: node ${r.versions.node}, aksnet ${r.versions.aksnet}, elkjs ${r.versions.elkjs}, ${r.versions.chromium ?? 'no chromium'}, ${r.versions.hyperfine ?? 'no hyperfine'}${r.versions.mmdc ? `, mmdc ${r.versions.mmdc}` : ''}.`,
  );
  const dates = [
    ...new Set(Object.values(s).map((x) => `${x.measured?.slice(0, 16).replace('T', ' ')} UTC (load ${x.load?.[0]})`)),
  ];
  if (dates.length > 1)
    L.push(
      `Sections were measured in separate runs: ${dates.join(', ')}; each ratio is taken within its own run (see \`measured\` in results.json).`,
      '',
    );
  L.push('', '| measure | result | target |', '|---|---:|---:|');
  if (s.peers?.ratios) {
    L.push(
      `| mmdc (dagre) ÷ \`aksnet diagram\` example a, one view, every layout by ELK | **${s.peers.ratios.mmdcOverOneView}×** (${s.peers.medianMs['mmdc-dagre']} / ${s.peers.medianMs['aksnet-one-view']} ms) | ≥ 4.0× |`,
    );
    L.push(
      `| mmdc (dagre, one diagram) ÷ \`aksnet diagram\` example a, all views, every layout by ELK | **${s.peers.ratios.mmdcOverAllViews}×** (${s.peers.medianMs['mmdc-dagre']} / ${s.peers.medianMs['aksnet-all-views']} ms) | ≥ 2.5× |`,
    );
    L.push(
      `| the same in CPU time (user + system), one view / all views | ${s.peers.ratios.cpuMmdcOverOneView}× / ${s.peers.ratios.cpuMmdcOverAllViews}× (${s.peers.meanCpuMs['mmdc-dagre']} / ${s.peers.meanCpuMs['aksnet-one-view']} / ${s.peers.meanCpuMs['aksnet-all-views']} ms) | (wall time counts) |`,
    );
    if (s.peers.ratios.mmdcOverAllViewsTwoElk !== undefined)
      L.push(
        `| … all views with the second ELK forced on / off (\`AKSNET_LAYOUT_THREAD\`) | ` +
          `${s.peers.ratios.mmdcOverAllViewsTwoElk}× / ${s.peers.ratios.mmdcOverAllViewsOneElk}× ` +
          `(${s.peers.medianMs['aksnet-all-views-two-elk']} / ${s.peers.medianMs['aksnet-all-views-one-elk']} ms; ` +
          `CPU ${s.peers.meanCpuMs['aksnet-all-views-two-elk']} / ` +
          `${s.peers.meanCpuMs['aksnet-all-views-one-elk']} ms) | ≥ 2.5× |`,
      );
    if (s.peers.ratios.mmdcOverAllViewsCached !== undefined)
      L.push(
        `| … unchanged input, layouts from the layout cache (the default): one view / all views | ` +
          `**${s.peers.ratios.mmdcOverOneViewCached}×** / **${s.peers.ratios.mmdcOverAllViewsCached}×** ` +
          `(${s.peers.medianMs['aksnet-one-view-cached']} / ${s.peers.medianMs['aksnet-all-views-cached']} ms; ` +
          `CPU ${s.peers.meanCpuMs['aksnet-one-view-cached']} / ${s.peers.meanCpuMs['aksnet-all-views-cached']} ms) | ≥ 4.0× / ≥ 2.5× |`,
      );
    if (s.peers.roundRatios?.length > 1) {
      const span = (k) => {
        const xs = s.peers.roundRatios.map((r) => r[k]);
        return `${Math.min(...xs)}–${Math.max(...xs)}×`;
      };
      L.push(
        `| … the ratio in each of the ${s.peers.rounds} rounds (${s.peers.runs / s.peers.rounds} runs of every command each; the machine's load moves between rounds), one view / all views | ${span('oneView')} / ${span('allViews')} | |`,
      );
    }
  } else if (s.peers) L.push(`| aksnet vs mmdc | ${s.peers.skipped ?? s.peers.error} | ≥ 4.0× |`);
  if (s.watch) {
    const saves = `median of ${10 * (s.watch.sessions ?? 1)} saves${s.watch.sessions > 1 ? ` in ${s.watch.sessions} sessions` : ''}`;
    // The session medians' spread, where the measure pooled several sessions.
    const spread = (k) => {
      const m = s.watch.sessionMediansMs?.[k];
      return m && m.length > 1 ? ` (sessions ${Math.min(...m)}–${Math.max(...m)} ms)` : '';
    };
    L.push(
      `| watch: save that renames the ingress controller (no box changes size: stored layouts reused) → all ${s.watch.views ?? 'four'} SVGs written (${saves}) | **${s.watch.medianMs.allViews} ms**${spread('allViews')} | ≤ 150 ms |`,
    );
    if (s.watch.medianMs.allViewsTwoElk !== undefined)
      L.push(
        `| … the same with the second ELK forced on / off (\`AKSNET_LAYOUT_THREAD\`) | ` +
          `${s.watch.medianMs.allViewsTwoElk} / ${s.watch.medianMs.allViewsOneElk} ms | |`,
      );
    L.push(`| watch: save → topology SVG written (${saves}) | **${s.watch.medianMs.topology} ms**${spread('topology')} | ≤ 150 ms |`);
    if (s.watch.medianMs.allViewsTwoRelaidOut !== undefined)
      L.push(
        `| watch: save that makes a subnet's name one letter longer (the views that draw it laid out again) → all SVGs written (${saves}) | **${s.watch.medianMs.allViewsTwoRelaidOut} ms**${spread('allViewsTwoRelaidOut')} | ≤ 150 ms |`,
      );
  }
  if (s.validate)
    L.push(
      `| \`aksnet validate\` on 100 generated designs, whole process | **${s.validate.medianMs} ms** (CPU ${s.validate.medianCpuMs ?? '?'} ms, peak ${s.validate.peakMiB} MiB)${s.validate.cold ? `; first run with empty caches ${s.validate.cold.ms} ms (CPU ${s.validate.cold.cpuMs ?? '?'} ms)` : ''} | ≤ 2000 ms |`,
    );
  if (s.pdf?.ratio !== undefined) {
    const pm = s.pdf.medianMs;
    L.push(
      `| PDF pack of the examples (cold: no stored layouts or drawings) ÷ (Chromium launch + one page.pdf each) | **${s.pdf.ratio}×** (${pm.pack} / ${pm.chromiumFloor} ms) | ≤ 1.3× |`,
    );
    if (s.pdf.ratioWarm !== undefined)
      L.push(
        ...(s.pdf.ratioLayouts !== undefined
          ? [`| the same, layouts stored by the run before (no drawings: every design drawn again) | **${s.pdf.ratioLayouts}×** (${pm.packLayouts} / ${pm.chromiumFloor} ms) | ≤ 1.3× |`]
          : []),
        `| the same, warm (layouts and drawings stored by the run before: unchanged designs) | **${s.pdf.ratioWarm}×** (${pm.packWarm} / ${pm.chromiumFloor} ms) | ≤ 1.3× |`,
        s.pdf.ratioLayoutsOverPackFloor !== undefined
          ? `| PDF pack ÷ (Chromium launch + page.pdf of the same pack's HTML), cold / layouts stored / warm: what aksnet adds | **${s.pdf.ratioOverPackFloor}× / ${s.pdf.ratioLayoutsOverPackFloor}× / ${s.pdf.ratioWarmOverPackFloor}×** (${pm.pack} / ${pm.packLayouts} / ${pm.packWarm} / ${pm.chromiumPackFloor} ms) | ≤ 1.3× (the integrator's reading of #14) |`
          : `| PDF pack ÷ (Chromium launch + page.pdf of the same pack's HTML), cold / warm: what aksnet adds | **${s.pdf.ratioOverPackFloor}× / ${s.pdf.ratioWarmOverPackFloor}×** (${pm.pack} / ${pm.packWarm} / ${pm.chromiumPackFloor} ms) | ≤ 1.3× (the integrator's reading of #14) |`,
      );
    const c = s.pdf.medianCpuMs;
    if (c?.cold !== undefined && c.packFloor !== undefined)
      L.push(
        c.layouts !== undefined
          ? `| … CPU time (user + system of node and the processes it reaps; not Chromium's renderers), cold / layouts stored / warm / pack floor | ${c.cold} / ${c.layouts} / ${c.warm} / ${c.packFloor} ms | (wall time counts) |`
          : `| … CPU time (user + system of node and the processes it reaps; not Chromium's renderers), cold / warm / pack floor | ${c.cold} / ${c.warm} / ${c.packFloor} ms | (wall time counts) |`,
      );
    if (s.pdf.loadAtRounds?.length)
      L.push(`| … 1-minute load average at the start of each round | ${s.pdf.loadAtRounds.join(' / ')} | |`);
    const stageLine = (label, st) =>
      `| … ${label}: page load / page.pdf in Chromium / layout time summed over the views (\`--timings\`; designs and their views drawn at once overlap, and a view's time includes waiting for an ELK) | ${st.pageLoad} / ${st.pagePdf} / ${st.elkLayouts} ms${s.pdf.deterministic === false ? ' (PDF bytes differed between runs!)' : ''} | |`;
    if (s.pdf.packStagesMedianMs) L.push(stageLine(s.pdf.packWarmStagesMedianMs ? 'cold pack' : 'of the pack', s.pdf.packStagesMedianMs));
    if (s.pdf.packLayoutsStagesMedianMs) L.push(stageLine('pack with stored layouts', s.pdf.packLayoutsStagesMedianMs));
    if (s.pdf.packWarmStagesMedianMs) L.push(stageLine('warm pack', s.pdf.packWarmStagesMedianMs));
    if (s.pdf.deterministic === true) L.push('| PDF bytes of every pack run (cold, layouts stored, warm) | identical | identical |');
  } else if (s.pdf) L.push(`| PDF pack | ${s.pdf.skipped} | ≤ 1.3× |`);
  if (s.scaling?.growth) {
    const g = s.scaling.growth;
    L.push(
      `| ${g.from} → ${g.to} spokes, validate: time / peak memory growth | ${g.validateTime}× / ${g.validateMemory}× | ≤ ${g.nLogN}× (n log n) |`,
    );
    L.push(
      `| ${g.from} → ${g.to} spokes, diagram topology: time / peak memory growth | ${g.diagramTime}× / ${g.diagramMemory}× | ≤ ${g.nLogN}× (n log n) |`,
    );
  }
  if (s.scaling) {
    L.push(
      '',
      '## Scaling curve (whole process, one run each; every topology laid out by ELK, its layout cache emptied before each size)',
      '',
      '| spokes | validate ms | validate peak MiB | diagram topology ms | diagram peak MiB |',
      '|---:|---:|---:|---:|---:|',
    );
    for (const x of s.scaling.rows)
      L.push(`| ${x.spokes} | ${x.validateMs} | ${x.validatePeakMiB} | ${x.diagramMs} | ${x.diagramPeakMiB} |`);
  }
  if (s.golden) {
    const c = s.golden.changedSincePrevious;
    L.push(
      '',
      `Golden check (example a, every view with findings): ${Array.isArray(c) ? (c.length ? `changed since the previous results: ${c.join(', ')}` : 'byte-identical to the previous results') : c}.`,
    );
  }
  L.push('');
  return L.join('\n');
}
