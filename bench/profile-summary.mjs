// Summarises a V8 CPU profile (`node --cpu-prof`) by where the time goes: self time per package
// (node_modules/<pkg>), per aksnet source folder (dist/src/<folder>), node internals, GC and idle.
// Module loading (compile + evaluate of top-level code) shows up under the loader's frames.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/aksnet.js diagram examples/a-hub-spoke-baseline.ts --view topology
//   node bench/profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  process.stderr.write('usage: node bench/profile-summary.mjs <file.cpuprofile> [--top N] [--json]\n');
  process.exit(2);
}
const topIdx = args.indexOf('--top');
const top = topIdx >= 0 ? Number(args[topIdx + 1]) : 25;
const profile = JSON.parse(readFileSync(file, 'utf8'));

/** The bucket a frame's self time is charged to. */
export function bucket(url, fn) {
  if (fn === '(garbage collector)') return '(gc)';
  if (fn === '(idle)' || fn === '(program)') return fn;
  if (!url) return '(native / v8)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return `pkg:${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const src = url.match(/\/dist\/(src|dsl)\/([^/]+)/);
  if (src) return `aksnet:${src[1]}/${src[2].replace(/\.js$/, '')}`;
  if (url.startsWith('node:')) {
    if (/loader|modules\/esm|modules\/cjs|modules\/run_main/.test(url)) return 'node:module-loader';
    return 'node:internals';
  }
  return `other:${url.replace(/^file:\/\//, '')}`;
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const ms = (dt[i] ?? 0) / 1000;
  self.set(id, (self.get(id) ?? 0) + ms);
  void n;
});
const buckets = new Map();
const fns = new Map();
for (const [id, ms] of self) {
  const n = byId.get(id);
  const b = bucket(n.callFrame.url, n.callFrame.functionName);
  buckets.set(b, (buckets.get(b) ?? 0) + ms);
  const key = `${n.callFrame.functionName || '(anonymous)'} ${b}`;
  fns.set(key, (fns.get(key) ?? 0) + ms);
}
const total = [...buckets.values()].reduce((a, b) => a + b, 0);
const rows = [...buckets].sort((a, b) => b[1] - a[1]);
if (args.includes('--json')) {
  process.stdout.write(
    JSON.stringify({
      totalMs: Math.round(total),
      buckets: Object.fromEntries(rows.map(([k, v]) => [k, Math.round(v)])),
    }) + '\n',
  );
} else {
  process.stdout.write(`total sampled: ${total.toFixed(0)} ms\n\nself time by bucket:\n`);
  for (const [k, v] of rows.slice(0, top))
    process.stdout.write(`${v.toFixed(1).padStart(8)} ms  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}\n`);
  process.stdout.write('\nhottest functions (self):\n');
  for (const [k, v] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(`${v.toFixed(1).padStart(8)} ms  ${k}\n`);
}
