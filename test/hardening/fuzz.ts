/**
 * Property/fuzz harness (issue #15). Each case takes one of the example designs (they use every
 * builder; an NVA and an API Management hop are added), copies it across the loader's boundary the
 * way the load worker does (structured clone), and applies a few hostile mutations to random fields
 * of random parts: NaN, ±Infinity, floats, huge and negative numbers, long strings, control
 * characters, markup, `/` and `@` in names, NFD text, wrong types, a part shared into a second place,
 * a reference back to an ancestor (a cycle), an own `__proto__` key. The case then runs through
 * normalize, validate, every validate formatter, the report's view-model, HTML, Markdown, JSON and
 * CSV, and (for some cases) the diagrams, checking oracles on the way.
 */
import { XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import * as dsl from '../../dsl/index.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { normalize } from '../../src/normalize/normalize.js';
import { loadRules } from '../../src/validate/registry.js';
import type { Rule } from '../../src/validate/rule.js';
import { validateModel } from '../../src/validate/validate.js';
import type { FileResult } from '../../src/validate/finding.js';
import { FORMATTERS, type FormatName } from '../../src/validate/format/registry.js';
import type { FormatContext, Formatter } from '../../src/validate/format/formatter.js';
import { colors } from '../../src/shared/io.js';
import { buildViewModel } from '../../src/report/view-model.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderJson } from '../../src/report/json.js';
import { renderCsv } from '../../src/report/csv.js';
import { loadTemplates, type TemplateSet } from '../../src/report/templates.js';
import { renderDiagrams } from '../../src/diagram/index.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { xmlSafe } from '../../src/shared/text-safety.js';
import { join, resolve } from 'node:path';

/** The user string every hostile name carries: it must never appear unescaped in markup. */
export const MARK = '<x-mark a="1">';
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export interface Corpus {
  designs: unknown[];
  /** Every property name declared in dsl/types.ts: mutations also add fields no example sets. */
  fields: string[];
  rules: Rule[];
  templates: TemplateSet;
}

export async function loadCorpus(): Promise<Corpus> {
  const dir = resolve(import.meta.dirname, '../../examples');
  const designs: unknown[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) designs.push((await loadArchitecture(join(dir, f))).value);
  // The two builders no example uses.
  const base = structuredClone(designs[0]) as { network: { vnets: Array<{ subnets: unknown[] }>; nvas?: unknown[] }; clusters: unknown[]; ingress?: unknown[] };
  const sn = base.network.vnets[0]!.subnets[0] as dsl.Subnet;
  base.network.nvas = [dsl.nva({ name: 'nva-fw', subnet: sn, privateIp: '10.0.0.10', vendor: 'x', publicIps: 1, zones: [1] })];
  const apim = dsl.apiManagement({ name: 'apim', sku: 'Premium', vnetMode: 'internal', subnet: sn, zones: [1, 2] });
  const cluster = base.clusters[0] as dsl.Cluster;
  base.ingress = [
    ...(base.ingress ?? []),
    dsl.ingressPath({ name: 'via-apim', from: { kind: 'internet' }, hops: [{ via: apim, protocol: 'https', port: 443, tls: 'reencrypt' }], to: { cluster, namespace: 'x', service: 'y', protocol: 'https', port: 443 } }),
  ];
  designs.push(base);
  const types = readFileSync(resolve(import.meta.dirname, '../../dsl/types.ts'), 'utf8');
  const fields = [...new Set([...types.matchAll(/^\s+(?:readonly\s+)?([A-Za-z_]\w*)\??:/gm)].map((m) => m[1]!))].sort();
  return { designs, fields, rules: await loadRules(), templates: loadTemplates() };
}

// ---- Mutations ------------------------------------------------------------------------------

const protoKey = (): unknown => JSON.parse('{"__proto__": {"polluted": true}, "name": "proto"}');

const hostileValue = fc.oneof(
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, 1.5, -1, 2 ** 53 + 1, 1e308, -1e308, 0, 4294967296),
  fc.constantFrom<unknown>('', ' ', '\u3000', `${MARK}&amp;'"`, 'a/b/c', '@octocat', 'cafe\u0301', '\u001b[2J\u0007\r\nforged', '\u0000nul', '\ud800', 'x'.repeat(5000)),
  fc.constantFrom<unknown>('10.0.0.0/33', '10.0.0.0/022', '999.0.0.0/8', '::1/128', '10.0.0.1/24', '2026-02-31', '2026-13-45', '100000000%', '10.0.0.256'),
  fc.constantFrom<unknown>(null, undefined, true, [], {}, [null], [NaN]),
  fc.string({ maxLength: 30 }),
  fc.double(),
  fc.integer(),
);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;

/** Every object in the graph with its parent chain (ancestors first), in a fixed order. */
function objects(root: unknown): Array<{ obj: Obj; ancestors: Obj[] }> {
  const out: Array<{ obj: Obj; ancestors: Obj[] }> = [];
  const seen = new Set<object>();
  const walk = (v: unknown, ancestors: Obj[]): void => {
    if (!isObj(v) || seen.has(v)) return;
    seen.add(v);
    out.push({ obj: v, ancestors });
    for (const k of Object.keys(v)) walk(v[k], [...ancestors, v]);
  };
  walk(root, []);
  return out;
}

export type Mutation = { pick: number; key: number; kind: 'value' | 'add' | 'share' | 'cycle' | 'proto' | 'delete' | 'name'; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  key: fc.nat(),
  kind: fc.constantFrom('value', 'value', 'value', 'add', 'add', 'name', 'share', 'cycle', 'proto', 'delete'),
  value: hostileValue,
});

/** Applies mutations to a structured clone of the design and returns it (the original is untouched). */
export function mutate(design: unknown, muts: Mutation[], fields: readonly string[] = []): unknown {
  const root = structuredClone(design);
  for (const m of muts) {
    const all = objects(root);
    if (all.length === 0) break;
    const { obj, ancestors } = all[m.pick % all.length]!;
    const keys = Object.keys(obj);
    const key = Array.isArray(obj) ? String(m.key % Math.max(1, obj.length)) : keys.length ? keys[m.key % keys.length]! : 'name';
    switch (m.kind) {
      case 'value':
        obj[key] = m.value;
        break;
      case 'add':
        // Any DSL field on any part, with a hostile value or a real part of the design.
        if (!Array.isArray(obj) && fields.length) obj[fields[m.key % fields.length]!] = m.pick % 3 === 0 ? all[m.pick % all.length]!.obj : m.value;
        break;
      case 'name':
        if (!Array.isArray(obj)) obj.name = typeof m.value === 'string' ? `${m.value}${MARK}` : `n${MARK}\u001b`;
        break;
      case 'share':
        obj[key] = all[(m.pick * 7 + 3) % all.length]!.obj;
        break;
      case 'cycle':
        if (ancestors.length) obj[key] = ancestors[m.key % ancestors.length];
        break;
      case 'proto':
        obj[key] = protoKey();
        break;
      case 'delete':
        if (!Array.isArray(obj)) delete obj[key];
        break;
    }
  }
  return root;
}

// ---- Through the real loader ------------------------------------------------------------------

/**
 * JavaScript source whose default export is a copy of `root`: every object is created first and its
 * properties defined afterwards (Object.defineProperty, so a `__proto__` key stays an own key), which
 * also reproduces shared and circular objects, NaN, ±Infinity, -0 and undefined.
 */
export function toSource(root: unknown): string {
  const ids = new Map<object, number>();
  const order: object[] = [];
  const visit = (v: unknown): void => {
    if (!isObj(v) || ids.has(v)) return;
    ids.set(v, order.length);
    order.push(v);
    for (const k of Object.keys(v)) visit((v as Obj)[k]);
  };
  visit(root);
  const lit = (v: unknown): string => {
    if (isObj(v)) return `o[${ids.get(v)}]`;
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : String(v);
    if (typeof v === 'string') return JSON.stringify(v);
    return String(v);
  };
  const lines = [`const o = [${order.map((x) => (Array.isArray(x) ? '[]' : '{}')).join(', ')}];`];
  lines.push('const d = (a, k, v) => Object.defineProperty(a, k, { value: v, enumerable: true, writable: true, configurable: true });');
  for (const x of order) for (const k of Object.keys(x)) lines.push(`d(o[${ids.get(x)}], ${JSON.stringify(k)}, ${lit((x as Obj)[k])});`);
  lines.push(`export default ${isObj(root) ? 'o[0]' : lit(root)};`);
  return lines.join('\n') + '\n';
}

/** Writes the value as a design file and loads it with the real loader (bundle, worker, structured clone). */
export async function throughLoader(value: unknown): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-fuzz-'));
  try {
    const file = join(dir, 'case.mjs');
    writeFileSync(file, toSource(value));
    return (await loadArchitecture(file)).value;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- The pipeline and its oracles ------------------------------------------------------------

export interface RunOptions {
  diagrams: boolean;
  /** Also load the case from a file with the real loader and check it normalizes to the same model. */
  loader?: boolean;
}

function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(`oracle failed: ${what}`);
}

export function noUnescaped(text: string, where: string): void {
  const at = text.indexOf('<x-mark');
  check(at < 0, `${where} contains the user string <x-mark unescaped: …${text.slice(Math.max(0, at - 80), at + 40)}…`);
}

/** Markdown: `<` is harmless backslash-escaped (`\<`) or inside a code span. */
export function noUnescapedMd(text: string, where: string): void {
  for (const line of text.split('\n')) {
    const outsideCode = line.replace(/`[^`]*`/g, '');
    const at = outsideCode.search(/(^|[^\\])<x-mark/);
    check(at < 0, `${where} contains the user string <x-mark unescaped: ${line.slice(0, 300)}`);
  }
}

/** Runs one case through every stage; throws (with the stage) when a stage throws or an oracle fails. */
export async function runCase(corpus: Corpus, value: unknown, opts: RunOptions, forceCidr?: string): Promise<void> {
  // The loader's boundary: the worker posts the default export by structured clone.
  const arch = structuredClone(value);
  let invalidSubnet: string | undefined;
  if (forceCidr !== undefined) {
    const net = (arch as Obj).network;
    const vnets = isObj(net) && Array.isArray(net.vnets) ? net.vnets : [];
    const sub = vnets.flatMap((v) => (isObj(v) && Array.isArray(v.subnets) ? v.subnets : [])).find((s) => isObj(s) && typeof s.name === 'string');
    if (isObj(sub)) {
      sub.cidr = forceCidr;
      invalidSubnet = sub.name as string;
    }
  }
  const { model, issues } = normalize(arch);
  if (opts.loader && forceCidr === undefined) {
    let loaded: unknown;
    try {
      loaded = await throughLoader(value);
    } catch (e) {
      // The loader may refuse a default export that is not an architecture; it must say so as an AksnetError.
      check((e as Error).name === 'AksnetError', `the loader failed with ${(e as Error).name}: ${(e as Error).message}`);
    }
    if (loaded !== undefined) {
      check(JSON.stringify(normalize(loaded).model) === JSON.stringify(normalize(structuredClone(value)).model), 'the loader changed the design');
    }
  }
  const result = await validateModel(model, issues, { file: 'fuzz.ts', rules: corpus.rules, asOf: '2026-11-23' });
  if (invalidSubnet !== undefined) {
    const subnet = model.resources.find((r) => r.kind === 'subnet' && r.cidr === forceCidr);
    if (subnet) {
      check(
        result.findings.some((f) => f.ruleId === 'structure/cidr-malformed' && f.element === subnet.id),
        `invalid CIDR ${JSON.stringify(forceCidr)} on ${subnet.id} gave no structure/cidr-malformed`,
      );
    }
  }
  const results: FileResult[] = [result];
  const ctx: FormatContext = { rules: (await loadRules()).map((r) => r.meta), colors: colors(false), cwd: process.cwd() };
  const F: Record<FormatName, Formatter> = FORMATTERS;
  const text = F.text(results, ctx);
  check(!RAW_CONTROL.test(text), 'text output has a raw control character');
  const github = F.github(results, ctx);
  check(!RAW_CONTROL.test(github), 'github output has a raw control character');
  JSON.parse(F.json(results, ctx));
  JSON.parse(F.sarif(results, ctx));
  JSON.parse(F.gitlab(results, ctx));
  check(!RAW_CONTROL.test(F.junit(results, ctx)), 'junit output has a raw control character');
  noUnescapedMd(F.markdown(results, ctx), 'validate Markdown');

  const diagrams = opts.diagrams ? await renderDiagrams(model, { findings: result.findings }) : [];
  for (const d of diagrams) {
    // The writers pass every SVG through xmlSafe (the diagram command, the HTML and Markdown packs).
    const svg = xmlSafe(d.svg);
    check(XMLValidator.validate(svg) === true, `diagram ${d.view} is not well-formed XML`);
    noUnescaped(svg, `diagram ${d.view}`);
  }
  const vm = buildViewModel([{ model, file: 'fuzz.ts', result, diagrams }], { version: '0.0.0', rules: corpus.rules.map((r) => r.meta) });
  const html = renderHtml(vm, { set: corpus.templates });
  check(!XML_INVALID.test(html), 'HTML has a character XML cannot hold');
  noUnescaped(html, 'HTML');
  const md = renderMarkdown(vm, 'diagrams');
  noUnescapedMd(md.markdown, 'report Markdown');
  // GitHub makes no mention inside a code span.
  check(!/(^|[^&#\w])@octocat/.test(md.markdown.replace(/`[^`\n]*`/g, '')), 'report Markdown has an @mention');
  JSON.parse(renderJson(vm));
  renderCsv(vm);
  const { sanitizeSvg } = await import('../../src/report/html.js');
  for (const f of md.files) {
    const svg = sanitizeSvg(f.content);
    check(!XML_INVALID.test(svg), `${f.path} has a character XML cannot hold`);
    check(XMLValidator.validate(svg) === true, `${f.path} is not well-formed XML`);
    noUnescaped(svg, f.path);
  }
}
