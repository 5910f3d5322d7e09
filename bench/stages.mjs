// aksnet bench: load, validate, layout and render for every example and for generated hub-spoke
// designs with 1, 5 and 20 spokes. Cold = a fresh process per run (child_process); warm = the same
// process after one warm-up. Prints medians. Speed is measured here, never asserted in tests.
//
//   node bench/stages.mjs         # everything
//   node bench/stages.mjs --runs 5   # more runs
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};

/** One pass over a target; returns timings in ms. */
async function once(target) {
  const t0 = performance.now();
  let model;
  let issues = [];
  let file = target;
  if (target.startsWith('hub-spoke:')) {
    const { hubSpoke } = await import('./hub-spoke.mjs');
    const { normalize } = await import('../dist/src/normalize/normalize.js');
    ({ model, issues } = normalize(hubSpoke(Number(target.split(':')[1]))));
  } else {
    const { loadArchitecture } = await import('../dist/src/load/load-architecture.js');
    const a = await loadArchitecture(target);
    model = a.model;
    issues = a.issues;
    file = a.file;
  }
  const t1 = performance.now();
  const { validateModel } = await import('../dist/src/validate/validate.js');
  await validateModel(model, issues, { file, asOf: '2026-11-23' });
  const t2 = performance.now();
  const { renderDiagrams, diagramTimings } = await import('../dist/src/diagram/index.js');
  const diagrams = await renderDiagrams(model);
  const t3 = performance.now();
  const tm = diagramTimings();
  const sum = (k) => tm.reduce((a, x) => a + x[k], 0);
  const topo = tm.find((x) => x.view === 'topology');
  return {
    load: t1 - t0,
    validate: t2 - t1,
    measure: sum('measureMs'),
    layout: sum('layoutMs'),
    render: sum('renderMs'),
    diagrams: t3 - t2,
    topologyLayout: topo ? topo.layoutMs : 0,
    views: diagrams.length,
    bytes: diagrams.reduce((a, d) => a + d.svg.length, 0),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

if (args[0] === '--child') {
  const start = performance.now();
  const r = await once(args[1]);
  r.total = performance.now() - start;
  process.stdout.write(JSON.stringify(r));
  process.exit(0);
}

const runs = Number(opt('--runs', '3'));
const only = opt('--only', undefined);
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .map((f) => join('examples', f));
let targets = [...examples, 'hub-spoke:1', 'hub-spoke:5', 'hub-spoke:20'];
if (only) targets = targets.filter((t) => t.includes(only));

const rows = [];
for (const t of targets) {
  // Cold: fresh processes.
  const cold = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const out = execFileSync(process.execPath, [join(here, 'stages.mjs'), '--child', t], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
    const r = JSON.parse(out);
    r.process = performance.now() - started;
    cold.push(r);
  }
  // Warm: this process, after a warm-up pass.
  await once(t);
  const warm = [];
  for (let i = 0; i < Math.max(runs, 3); i++) warm.push(await once(t));
  const med = (xs, k) => median(xs.map((x) => x[k]));
  rows.push({
    target: t.replace(/^examples\//, ''),
    views: warm[0].views,
    kb: Math.round(warm[0].bytes / 1024),
    coldProcess: med(cold, 'process'),
    coldLoad: med(cold, 'load'),
    coldValidate: med(cold, 'validate'),
    coldLayout: med(cold, 'layout'),
    coldRender: med(cold, 'render'),
    warmLoad: med(warm, 'load'),
    warmValidate: med(warm, 'validate'),
    warmMeasure: med(warm, 'measure'),
    warmLayout: med(warm, 'layout'),
    warmTopoLayout: med(warm, 'topologyLayout'),
    warmRender: med(warm, 'render'),
  });
  process.stderr.write(`  ${t} done\n`);
}

const cols = [
  ['target', 'target'],
  ['views', 'views'],
  ['kb', 'SVG KiB'],
  ['coldProcess', 'cold process'],
  ['coldLoad', 'cold load'],
  ['coldValidate', 'cold validate'],
  ['coldLayout', 'cold layout'],
  ['coldRender', 'cold render'],
  ['warmLoad', 'warm load'],
  ['warmValidate', 'warm validate'],
  ['warmMeasure', 'warm measure'],
  ['warmLayout', 'warm layout (all views)'],
  ['warmTopoLayout', 'warm layout (topology)'],
  ['warmRender', 'warm render'],
];
const fmt = (v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(0) : String(v));
const cells = rows.map((r) => cols.map(([k]) => fmt(r[k])));
const widths = cols.map(([, h], i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (xs) => '| ' + xs.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join(' | ') + ' |';
console.log(`\naksnet bench: medians in ms; cold = fresh process (${runs} runs), warm = same process after a warm-up (${Math.max(runs, 3)} runs); node ${process.version}\n`);
console.log(line(cols.map(([, h]) => h)));
console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
for (const c of cells) console.log(line(c));
