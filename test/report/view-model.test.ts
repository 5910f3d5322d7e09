import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalize } from '../../src/normalize/normalize.js';
import { validateFile } from '../../src/validate/run-files.js';
import { validateModel } from '../../src/validate/validate.js';
import { loadRules } from '../../src/validate/registry.js';
import { ModelQuery } from '../../src/model/query.js';
import { buildViewModel, type ReportInput } from '../../src/report/view-model.js';
import { buildIpPlan } from '../../src/report/ip-plan.js';
import { SCORING, scorePillars, band } from '../../src/report/scoring.js';
import { renderHtml, sanitizeSvg } from '../../src/report/html.js';
import { handlebarsFor, loadTemplates } from '../../src/report/templates.js';
import { renderMarkdown, md } from '../../src/report/markdown.js';
import { renderCsv, csvCell, CSV_COLUMNS } from '../../src/report/csv.js';
import { renderJson } from '../../src/report/json.js';
import { resolveOutputs } from '../../src/report/pack.js';
import type { ReportViewModel } from '../../src/report/types.js';
import type { RuleMeta } from '../../src/validate/rule.js';
import type { Finding } from '../../src/validate/finding.js';
import { baseline } from '../helpers/fixture.js';
import { nodePool } from '../../dsl/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const injectionFile = join(here, 'fixtures', 'injection.ts');

let rules: RuleMeta[];
let vm: ReportViewModel;
let input: ReportInput;

beforeAll(async () => {
  rules = (await loadRules()).map((r) => r.meta);
  const v = await validateFile(injectionFile, { asOf: '2026-11-23', config: false });
  input = {
    model: v.arch.model,
    file: v.arch.file,
    result: v.result,
    sha256: 'ab'.repeat(32),
    diagrams: [{ view: 'topology', title: 'Topology <t>', svg: '<svg width="100" height="50"><script>alert(9)</script><rect onclick="x()" width="10" height="10"/><image href="http://evil.example/x.png"/></svg>', width: 100, height: 50 }],
  };
  vm = buildViewModel([input], { version: '9.9.9', rules });
});

describe('scoring', () => {
  it('states its method and applies the weights', () => {
    expect(SCORING.text).toContain('starts at 100');
    const f = (severity: Finding['severity'], status: Finding['status'] = 'open'): Finding =>
      ({ ruleId: `r/${severity}-${status}`, severity, status, pillars: ['security'], waf: [], message: '', title: '', path: '', file: '', line: 1, column: 1, kind: 'best-practice', fix: '', helpUri: '', references: [] }) as Finding;
    // The weights and bands as docs/reports.md states them, not as the implementation holds them.
    const doc = readFileSync(join(import.meta.dirname, '../../docs/reports.md'), 'utf8');
    const [, error, warning, info] = /\*\*error (\d+), warning (\d+), info (\d+)\*\*/.exec(doc)!.map(Number);
    expect([error, warning, info]).toEqual([25, 8, 2]);
    const scores = scorePillars([f('error'), f('warning'), f('info'), f('warning', 'suppressed'), f('warning', 'expired')], [], new Map());
    const sec = scores.find((s) => s.pillar === 'security')!;
    // One error, two warnings (the expired acceptance counts as open), one info; the suppressed one is free.
    expect(sec.score).toBe(100 - 25 - 2 * 8 - 2);
    expect(sec.suppressed).toBe(1);
    expect(sec.band).toBe('amber');
    expect(scores.find((s) => s.pillar === 'reliability')!.score).toBe(100);
    // Never below 0.
    const five = scorePillars([1, 2, 3, 4, 5].map((i) => ({ ...f('error'), ruleId: `r/e${i}` })), [], new Map());
    expect(five.find((s) => s.pillar === 'security')!.score).toBe(0);
    // Green at 80 or more with no open error; red below 50; amber otherwise.
    expect(band(80, 0)).toBe('green');
    expect(band(79, 0)).toBe('amber');
    expect(band(100, 1)).toBe('amber');
    expect(band(50, 0)).toBe('amber');
    expect(band(49, 0)).toBe('red');
  });

  it('counts findings, top risks and coverage from the validation result', () => {
    const open = input.result.findings.filter((f) => f.status !== 'suppressed');
    expect(vm.summary.counts.suppressed).toBe(1);
    expect(vm.summary.counts.error + vm.summary.counts.warning + vm.summary.counts.info).toBe(open.length);
    expect(vm.summary.topRisks[0]!.severity).toBe('error');
    // Each risk reads as what is wrong: a finding's own message, or its rule's title (the state a good design is in)
    // said to be unmet, never the bare title.
    for (const t of vm.summary.topRisks) {
      const first = open.find((f) => f.ruleId === t.ruleId)!;
      expect(t.text).toBe(t.occurrences === 1 ? first.message : `Not met in ${t.occurrences} places: ${first.title}`);
    }
    expect(vm.summary.topRisks.some((t) => t.occurrences > 1)).toBe(true);
    const a = vm.architectures[0]!;
    expect(a.coverageTotal.run).toBe(input.result.rulesRun.length);
    expect(a.coverageTotal.failed).toBe(new Set(open.map((f) => f.ruleId)).size);
    expect(a.coverageTotal.suppressed).toBe(1);
    expect(a.acceptedRisks).toHaveLength(1);
    expect(a.acceptedRisks[0]!.owner).toBe('Net Ops');
    // grouped by pillar then severity
    const order = a.findingsByPillar.map((p) => p.pillar);
    expect(order).toEqual([...order].sort((x, y) => vm.pillars.findIndex((p) => p.id === x) - vm.pillars.findIndex((p) => p.id === y)));
  });
});

describe('IP plan', () => {
  it('computes usable, consumption with surge and headroom', () => {
    const b = baseline();
    const { model } = normalize(b.arch);
    const plan = buildIpPlan(new ModelQuery(model));
    const nodes = plan.rows.find((r) => r.name === 'snet-nodes')!;
    expect(nodes.usable).toBe(1024 - 5);
    const pools = model.resources.filter((r) => r.kind === 'nodePool') as Array<{ maxNodes: number; surgeNodes: number }>;
    const expected = pools.reduce((a, p) => a + p.maxNodes + p.surgeNodes, 0);
    // overlay: one address per node, plus the internal LB frontend and the API server's private endpoint
    expect(nodes.consumption).toBe(expected + 2);
    const pod = plan.rows.find((r) => r.level === 'pod-cidr')!;
    expect(pod.consumption).toBe(expected * 256);
    expect(plan.rows.some((r) => r.level === 'service-cidr' && r.cidr === '172.16.0.0/16')).toBe(true);
  });

  it('uses (maxNodes + surge) × (maxPods + 1) for Azure CNI node subnet', () => {
    const b = baseline();
    b.aks.network = { cni: 'azure-nodesubnet', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
    b.aks.nodePools = [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 1, maxCount: 4, maxPods: 30, maxSurge: 1, subnet: b.nodes })];
    const { model } = normalize(b.arch);
    const row = buildIpPlan(new ModelQuery(model)).rows.find((r) => r.name === 'snet-nodes')!;
    expect(row.consumption).toBe((4 + 1) * (30 + 1) + 2); // + the internal LB frontend and the API server endpoint
    expect(row.headroomPct).toBeCloseTo(((1019 - 157) / 1019) * 100, 0);
  });
});

describe('narratives', () => {
  it('explains TLS, WAF and client IP along the ingress path', () => {
    const n = vm.architectures[0]!.narratives.ingress[0]!;
    const text = [n.summary, ...n.steps.map((s) => s.text), ...n.notes].join(' ');
    expect(text).toContain('TLS terminates here');
    expect(text).toContain('Detection mode');
    expect(text).toMatch(/Unencrypted segments/);
    expect(text).toMatch(/client IP/);
  });

  it('describes egress and control-plane access', () => {
    const a = vm.architectures[0]!;
    expect(a.narratives.egress[0]!.summary).toContain('NAT gateway');
    expect(a.narratives.controlPlane[0]!.summary).toContain('No authorized IP ranges');
  });

  it('the baseline says where TLS is re-encrypted and which firewall inspects egress', async () => {
    const b = baseline();
    const { model, issues } = normalize(b.arch);
    const result = await validateModel(model, issues, { file: 'baseline.ts', asOf: '2026-11-23' });
    const v = buildViewModel([{ model, file: 'baseline.ts', result }], { version: '0', rules });
    const a = v.architectures[0]!;
    expect(a.narratives.ingress[0]!.notes.join(' ')).toContain('encrypted on every segment');
    expect(a.narratives.ingress[0]!.notes.join(' ')).toContain('WAF at agw-test (Prevention)');
    expect(a.narratives.egress[0]!.steps.map((s) => s.title).join(' ')).toContain('Azure Firewall afw-hub');
  });
});

describe('HTML', () => {
  let html: string;
  beforeAll(() => {
    html = renderHtml(vm);
  });

  it('escapes injection strings and keeps non-Latin text', () => {
    expect(html.includes('<script>alert(1)</script>'), '<script>alert(1)</script>').toBe(false);
    expect(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), '&lt;script&gt;alert(1)&lt;/script&gt;').toBe(true);
    expect(html.includes('"><img src=x onerror=alert(2)>'), '"><img src=x onerror=alert(2)>').toBe(false);
    expect(html.includes('&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;'), '&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;').toBe(true);
    expect(html.includes('Zürich 東京'), 'Zürich 東京').toBe(true);
    expect(html.includes('Team &lt;Ω&gt; &amp; Co'), 'Team &lt;Ω&gt; &amp; Co').toBe(true);
    expect(html.includes('<svg onload'), '<svg onload').toBe(false);
    expect(html.includes('<iframe'), '<iframe').toBe(false);
    expect(/<script/i.test(html), String(/<script/i)).toBe(false);
  });

  it('references no external resource', () => {
    expect(/<link\b/i.test(html), String(/<link\b/i)).toBe(false);
    expect(/<script\b/i.test(html), String(/<script\b/i)).toBe(false);
    expect(/<(img|image|iframe|object|embed|video|audio|source)\b[^>]*\s(src|href)\s*=\s*["']?(https?:|\/\/)/i.test(html), String(/<(img|image|iframe|object|embed|video|audio|source)\b[^>]*\s(src|href)\s*=\s*["']?(https?:|\/\/)/i)).toBe(false);
    expect(/url\(\s*["']?(https?:|\/\/)/i.test(html), String(/url\(\s*["']?(https?:|\/\/)/i)).toBe(false);
    expect(/@import/i.test(html), String(/@import/i)).toBe(false);
    // The only http(s) URLs are reference links the reader may click.
    const body = html.replace(/<style>[\s\S]*?<\/style>/, '');
    const urls = [...body.matchAll(/\s([a-zA-Z:-]+)=["'](https?:[^"']+)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((attr) => attr !== 'href' && !attr!.startsWith('xmlns'))).toEqual([]);
    for (const m of html.matchAll(/<a\b[^>]*href="(https?:[^"]+)"/g)) expect(m[1]).not.toContain('evil.example');
    expect(html.includes("Content-Security-Policy"), "Content-Security-Policy").toBe(true);
    expect(html.includes('@font-face'), '@font-face').toBe(true);
    expect(html.includes('data:font/ttf;base64,'), 'data:font/ttf;base64,').toBe(true);
  });

  it('sanitizes diagram SVG and makes it scalable', () => {
    const s = sanitizeSvg('<svg><script>x</script><a onclick="y" href="https://e.example">t</a><use href="#ok"/></svg>');
    expect(s).not.toContain('script');
    expect(s).not.toContain('onclick');
    expect(s).not.toContain('https://e.example');
    expect(s).toContain('href="#ok"');
    expect(html.includes('viewBox="0 0 100 50"'), 'viewBox="0 0 100 50"').toBe(true);
    expect(html.includes('evil.example/x.png'), 'evil.example/x.png').toBe(false);
  });

  it('has one h1 per architecture and an h2 per section', () => {
    const h2 = [...html.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
    for (const s of ['Context', 'Diagrams', 'Traffic flows', 'IP plan', 'Decisions', 'Findings', 'Accepted risks', 'Rule coverage']) expect(h2).toContain(s);
    expect(/<h1><span class="arch-no">1<\/span> Injection &lt;script&gt;/.test(html), String(/<h1><span class="arch-no">1<\/span> Injection &lt;script&gt;/)).toBe(true);
  });

  it('writes heading titles escaped, white space collapsed, no invisible characters, on screen and in print', () => {
    const hb = handlebarsFor(loadTemplates());
    const tpl = hb.compile('<h3>{{heading t}}</h3>');
    // Printed headings keep their white space (pre-wrap, for the PDF bookmarks): a title's own is collapsed here.
    for (const print of [false, true]) {
      expect(tpl({ t: '  Hub \n\t and <spoke>  network ', print })).toBe('<h3>Hub and &lt;spoke&gt; network</h3>');
    }
    expect(renderHtml(vm, { medium: 'print' })).not.toContain('\u200b');
  });

  it('lets a user template directory override a section', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'aksnet-tpl-'));
    writeFileSync(join(dir, 'appendix.hbs'), '<section><h1>Custom appendix for {{title}}</h1></section>');
    const out = renderHtml(vm, { templates: dir });
    expect(out).toContain('Custom appendix for Injection &lt;script&gt;');
    expect(out).not.toContain('Rule catalogue');
  });
});

describe('Markdown', () => {
  it('escapes Markdown and HTML in user text', () => {
    expect(md('a | b *c* <script>')).toBe('a \\| b \\*c\\* \\<script\\>');
    expect(md('# heading')).toBe('\\# heading');
    expect(md('- item')).toBe('\\- item');
    expect(md('1. item')).toBe('1\\. item');
    expect(md('[x](http://e)')).toBe('\\[x\\](http://e)');
    expect(md('![img](x)')).toBe('!\\[img\\](x)');
    expect(md('a & b')).toBe('a \\& b');
    expect(md('line1\nline2')).toBe('line1 line2');
  });

  it('writes the pack with diagrams beside it', () => {
    const out = renderMarkdown(vm);
    expect(out.markdown).not.toContain('<script>');
    expect(out.markdown).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(out.markdown).toContain('Zürich 東京');
    expect(out.markdown).not.toMatch(/(?<!\\)\]\(http:\/\/evil/);
    expect(out.files).toHaveLength(1);
    expect(out.markdown).toContain(`](diagrams/${out.files[0]!.path.split('/').pop()})`);
    for (const f of input.result.findings.filter((x) => x.status !== 'suppressed')) expect(out.markdown).toContain(f.ruleId);
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });

  it('has the assessment columns and one row per finding', () => {
    const csv = renderCsv(vm);
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + input.result.findings.length);
    expect(csv).toContain('structure/subnet-outside-vnet');
    expect(csv).toContain('Accepted risk (owner Net Ops, expires 2099-01-01)');
  });
});

describe('JSON and outputs', () => {
  it('JSON is the view-model', () => {
    const j = JSON.parse(renderJson(vm)) as ReportViewModel;
    expect(j.schemaVersion).toBe(1);
    expect(j.architectures[0]!.title).toBe(vm.architectures[0]!.title);
    expect(j.cover.digests[0]!.sha256).toBe('ab'.repeat(32));
  });

  it('infers formats from extensions', () => {
    expect(resolveOutputs(['a.pdf', 'b.html', 'c.md', 'd.json', 'e.csv', 'out/']).map((o) => o.format)).toEqual(['pdf', 'html', 'md', 'json', 'csv', 'md']);
    expect(resolveOutputs(['out/'])[0]!.path).toBe(join('out', 'pack.md'));
    expect(resolveOutputs(['x.bin'], 'html')[0]!.format).toBe('html');
    expect(() => resolveOutputs(['x.bin'])).toThrow(/extension/);
  });
});
