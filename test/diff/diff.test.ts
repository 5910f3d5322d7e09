/** `aksnet diff` on two versions of the hub-spoke example: exactly the edits, in every format. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/cli/commands/diff.js';
import { changeCount, diffDesigns, sectionChanges, type DesignDiff } from '../../src/diff/design-diff.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from '../../src/diff/format.js';
import { validateFile } from '../../src/validate/run-files.js';

const example = resolve(import.meta.dirname, '../../examples/a-hub-spoke-baseline.ts');
const v1 = readFileSync(example, 'utf8');

const JOBS = "const jobsSubnet = subnet({ name: 'snet-jobs', cidr: '10.240.8.0/24', purpose: 'workload' });";
const KV_ENDPOINT =
  "const kvEndpoint = privateEndpoint({ name: 'pe-kv-payments', " +
  'subnet: peSubnet, target: keyVault, dnsZone: kvZone });';

/** Four edits: a CIDR, the WAF mode, a new subnet, the TLS state of the second ingress hop. */
function edit(text: string): string {
  const out = text
    .replace("cidr: '10.240.5.0/28', purpose: 'ingress'", "cidr: '10.240.5.0/27', purpose: 'ingress'")
    .replace("waf: { mode: 'Prevention', managedRules: true }", "waf: { mode: 'Detection', managedRules: true }")
    .replace('const peSubnet = subnet(', JOBS + '\nconst peSubnet = subnet(')
    .replace(
      'subnets: [nodesSubnet, appGwSubnet, ingressSubnet, peSubnet, agentsSubnet]',
      'subnets: [nodesSubnet, appGwSubnet, ingressSubnet, peSubnet, agentsSubnet, jobsSubnet]',
    )
    .replace(
      "{ via: ilb, protocol: 'https', port: 443, tls: 'passthrough' }",
      "{ via: ilb, protocol: 'https', port: 443, tls: 'reencrypt' }",
    );
  if (out.split('\n').length !== text.split('\n').length + 1) throw new Error('an edit did not apply');
  return out;
}

const j = (v: unknown) => JSON.stringify(v);
let dir: string;
let diff: DesignDiff;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aksnet-diff-'));
  writeFileSync(join(dir, 'v1.ts'), v1);
  writeFileSync(join(dir, 'v2.ts'), edit(v1));
  const opts = { asOf: '2026-12-01', config: false as const };
  const [a, b] = [await validateFile(join(dir, 'v1.ts'), opts), await validateFile(join(dir, 'v2.ts'), opts)];
  diff = diffDesigns(
    { file: 'v1.ts', model: a.arch.model, findings: a.result.findings },
    { file: 'v2.ts', model: b.arch.model, findings: b.result.findings },
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('aksnet diff', () => {
  it('lists exactly the changed parts with their fields', () => {
    expect(
      diff.parts.map((c) =>
        c.change === 'changed'
          ? `~ ${c.id} ${c.fields.map((f) => `${f.field}: ${j(f.before)} → ${j(f.after)}`).join('; ')}`
          : `${c.change} ${c.id}`,
      ),
    ).toEqual([
      '~ applicationGateway:agw-payments-weu waf.mode: "Prevention" → "Detection"',
      '~ subnet:vnet-spoke-payments-weu/snet-aks-ingress cidr: "10.240.5.0/28" → "10.240.5.0/27"',
      'added subnet:vnet-spoke-payments-weu/snet-jobs',
    ]);
  });

  it('lists the changed ingress hops (WAF mode and TLS state) and no egress change', () => {
    expect(sectionChanges(diff, 'ingress')).toEqual([
      {
        change: 'changed',
        id: 'ingressPath:public-api',
        name: 'public-api',
        details: [
          'hop 1 applicationGateway:agw-payments-weu https:443 tls reencrypt waf Prevention → hop 1 ' +
            'applicationGateway:agw-payments-weu https:443 tls reencrypt waf Detection',
          'hop 2 loadBalancer:ilb-ingress https:443 tls passthrough → hop 2 loadBalancer:ilb-ingress https:443 tls ' +
            'reencrypt',
        ],
      },
    ]);
    expect(sectionChanges(diff, 'egress')).toEqual([]);
    expect(diff.sections.map((x) => x.key)).toEqual(['ingress', 'egress', 'routes']);
    // The ingress subnet grew inside the same VNet range: no effective route changed.
    expect(sectionChanges(diff, 'routes')).toEqual([]);
  });

  it('reports the findings the changes introduce (the WAF mode; the new subnet without an NSG) and none resolved', () => {
    expect(diff.findings.filter((f) => f.change === 'resolved')).toEqual([]);
    expect(diff.findings.map((f) => `${f.change} ${f.ruleId} ${f.elementName}`)).toEqual([
      'introduced address/subnet-nsg-missing snet-jobs',
      'introduced ingress/waf-detection-mode agw-payments-weu',
    ]);
  });

  it('says "No changes." for identical designs', async () => {
    const a = await validateFile(example, { asOf: '2026-12-01', config: false });
    const d = diffDesigns(
      { file: 'a', model: a.arch.model, findings: a.result.findings },
      { file: 'a', model: a.arch.model, findings: a.result.findings },
    );
    expect(formatDiffText(d)).toBe('aksnet diff: a → a\n\nNo changes.\n');
    expect(JSON.parse(formatDiffJson(d)).changes).toBe(0);
  });

  it('writes text, Markdown and JSON', () => {
    const text = formatDiffText(diff);
    expect(text).toContain(
      '  ~ subnet vnet-spoke-payments-weu/snet-aks-ingress\n      cidr: 10.240.5.0/28 → 10.240.5.0/27\n',
    );
    expect(text).toContain('  + subnet vnet-spoke-payments-weu/snet-jobs (cidr 10.240.8.0/24)\n');
    const md = formatDiffMarkdown(diff);
    expect(md).toContain(
      '| ~ | subnet vnet-spoke-payments-weu/snet-aks-ingress | cidr: 10.240.5.0/28 → 10.240.5.0/27 |',
    );
    const json = JSON.parse(formatDiffJson(diff)) as { parts: unknown[]; changes: number };
    expect(json.parts).toHaveLength(3);
    expect(json.changes).toBe(3 + 1 + diff.findings.length);
  });

  it('--base <ref> compares a file with its committed version', async () => {
    const repo = join(dir, 'repo');
    const git = (...args: string[]) => spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
    spawnSync('git', ['init', '-q', repo]);
    writeFileSync(join(repo, 'design.ts'), v1);
    git('add', 'design.ts');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'v1');
    writeFileSync(join(repo, 'design.ts'), edit(v1));
    const out = join(dir, 'diff.json');
    expect(
      await diffCommand([join(repo, 'design.ts')], { base: 'HEAD', format: 'json', output: out, config: false }),
    ).toBe(0);
    const d = JSON.parse(readFileSync(out, 'utf8')) as { base: string; parts: Array<{ id: string }> };
    expect(d.base).toMatch(/^HEAD:/);
    expect(d.parts.map((p) => p.id)).toEqual(diff.parts.map((p) => p.id));
    // The temporary copy of the base version is gone.
    expect(git('status', '--porcelain').stdout.trim()).toBe('M design.ts');
  });
});

describe('aksnet diff: NSG rules', () => {
  it('lists a removed rule as one change with its fields, and ports as the design writes them', async () => {
    const rule =
      "    { name: 'allow-gateway-manager', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source: 'GatewayManager', destination: '*', ports: '65200-65535' },\n";
    const v4 = v1
      .replace(rule, '')
      .replace(
        "{ name: 'allow-https-internet', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: 'Internet', destination: '*', ports: 443 }",
        "{ name: 'allow-https-internet', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: 'Internet', destination: '*', ports: [443, '8000-8080'] }",
      );
    expect(v4.split('\n').length).toBe(v1.split('\n').length - 1);
    expect(v4).toContain("ports: [443, '8000-8080']");
    writeFileSync(join(dir, 'v4.ts'), v4);
    const opts = { asOf: '2026-12-01', config: false as const };
    const [a, b] = [await validateFile(example, opts), await validateFile(join(dir, 'v4.ts'), opts)];
    const d = diffDesigns(
      { file: 'v1.ts', model: a.arch.model, findings: a.result.findings },
      { file: 'v4.ts', model: b.arch.model, findings: b.result.findings },
    );
    const text = formatDiffText(d);
    expect(text).toContain(
      '\n  ~ nsg nsg-appgw\n' +
        '      rules[allow-gateway-manager]: removed (direction inbound, access allow, priority 110, protocol tcp, ' +
        'source GatewayManager, destination *, ports 65200-65535)\n' +
        '      rules[allow-https-internet].ports: 443 → [443,"8000-8080"]\n',
    );
    expect(text).not.toContain('[[');
    expect(d.parts.filter((c) => c.id === 'nsg:nsg-appgw')).toHaveLength(1);
    expect(formatDiffMarkdown(d)).toContain('rules\\[allow-gateway-manager\\]: removed (direction inbound');
  });
});

describe('aksnet diff: VNet peerings', () => {
  it('lists a removed peering under parts and a changed peering field', async () => {
    const at = v1.split('\n').findIndex((l) => l.includes('peering({'));
    expect(at).toBeGreaterThan(0);
    const opts = { asOf: '2026-12-01', config: false as const };
    const design = async (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      const x = await validateFile(join(dir, name), opts);
      return { file: name, model: x.arch.model, findings: x.result.findings };
    };
    const base = await design('v1.ts', v1);
    const lines = v1.split('\n');
    const removed = await design('v5.ts', lines.filter((_, i) => i !== at).join('\n'));
    const d = diffDesigns(base, removed);
    expect(d.parts.map((c) => `${c.change} ${c.id}`)).toEqual(['removed peering:vnet-hub-weu<->vnet-spoke-payments-weu']);
    expect(formatDiffText(d)).toContain('\nParts\n  - peering vnet-hub-weu<->vnet-spoke-payments-weu\n');
    const changed = lines.map((l, i) =>
      i === at ? l.replace(/allowForwardedTraffic: true/, 'allowForwardedTraffic: false') : l,
    );
    expect(changed[at]).toContain('allowForwardedTraffic: false');
    const c = diffDesigns(base, await design('v6.ts', changed.join('\n')));
    expect(formatDiffText(c)).toContain(
      '\n  ~ peering vnet-hub-weu<->vnet-spoke-payments-weu\n      allowForwardedTraffic: true → false\n',
    );
  });
});

describe('aksnet diff: effective routes and unverified checks', () => {
  /** A user route added to the shared route table, and the App Gateway's minimum capacity no longer stated. */
  const v3 = v1
    .replace(
      "routes: [{ name: 'default-to-firewall', prefix: '0.0.0.0/0', nextHop: firewall }],",
      "routes: [{ name: 'default-to-firewall', prefix: '0.0.0.0/0', nextHop: firewall }, " +
        "{ name: 'onprem-drop', prefix: '192.168.10.0/24', nextHop: { type: 'None' } }],",
    )
    .replace(/\n {2}minCapacity: 2,/, '');
  let d: DesignDiff;
  beforeAll(async () => {
    expect(v3.split('\n').length).toBe(v1.split('\n').length - 1);
    writeFileSync(join(dir, 'v3.ts'), v3);
    const opts = { asOf: '2026-12-01', config: false as const };
    const [a, b] = [await validateFile(example, opts), await validateFile(join(dir, 'v3.ts'), opts)];
    const side = (file: string, x: typeof a) => ({
      file,
      model: x.arch.model,
      findings: x.result.findings,
      unverified: x.result.unverified ?? [],
    });
    d = diffDesigns(side('v1.ts', a), side('v3.ts', b));
  });

  it('lists the changed route in every subnet whose route table holds it, and nothing else', () => {
    const added = 'User 192.168.10.0/24: (none) → Active None';
    expect(sectionChanges(d, 'routes')).toEqual(
      ['snet-aks-ingress', 'snet-aks-nodes', 'snet-build-agents'].map((s) => ({
        change: 'changed',
        id: `subnet:vnet-spoke-payments-weu/${s}`,
        name: `vnet-spoke-payments-weu/${s}`,
        details: [added],
      })),
    );
    expect(formatDiffText(d)).toContain(
      '\nEffective routes\n  ~ vnet-spoke-payments-weu/snet-aks-ingress\n      ' + added + '\n',
    );
  });

  it('lists the unverified check a fact left unstated introduces', () => {
    expect(d.unverified.map((u) => `${u.change} ${u.ruleId} ${u.elementName}`)).toEqual([
      'introduced reliability/app-gateway-min-capacity agw-payments-weu',
    ]);
    expect(formatDiffText(d)).toMatch(/\nUnverified checks\n {2}\+ introduced reliability\/app-gateway-min-capacity: /);
    expect(formatDiffMarkdown(d)).toContain('- ❔ introduced `reliability/app-gateway-min-capacity`: ');
    const json = JSON.parse(formatDiffJson(d)) as { unverified: unknown[]; routes: unknown[]; changes: number };
    expect(json.unverified).toHaveLength(1);
    expect(json.routes).toHaveLength(3);
    expect(json.changes).toBe(changeCount(d));
  });

  it('reports the same check as resolved in the other direction', async () => {
    const opts = { asOf: '2026-12-01', config: false as const };
    const [a, b] = [await validateFile(join(dir, 'v3.ts'), opts), await validateFile(example, opts)];
    const back = diffDesigns(
      { file: 'v3.ts', model: a.arch.model, findings: a.result.findings, unverified: a.result.unverified },
      { file: 'v1.ts', model: b.arch.model, findings: b.result.findings, unverified: b.result.unverified },
    );
    expect(back.unverified.map((u) => `${u.change} ${u.ruleId}`)).toEqual([
      'resolved reliability/app-gateway-min-capacity',
    ]);
    expect(sectionChanges(back, 'routes').map((c) => c.details)).toEqual(
      Array(3).fill(['User 192.168.10.0/24: Active None → (none)']),
    );
  });
});

describe('aksnet diagram --diff', () => {
  it(
    'draws the head with additions and changes marked, removals ghosted, and a legend; well-formed and ' +
      'deterministic',
    async () => {
      const { renderDiagrams } = await import('../../src/diagram/index.js');
      const { diffModel, markKey, markSvg } = await import('../../src/diff/diagram-marks.js');
      const { XMLValidator } = await import('fast-xml-parser');
      const { loadArchitecture } = await import('../../src/load/load-architecture.js');
      // v3 drops the Key Vault endpoint from v2: one removal to ghost.
      const v3 = edit(v1)
        .replace(KV_ENDPOINT, '')
        .replace("    { name: 'Key Vault', privateEndpoint: kvEndpoint, category: 'azure-paas' },\n", '')
        .replace('privateEndpoints: [kvEndpoint, acrEndpoint]', 'privateEndpoints: [acrEndpoint]');
      writeFileSync(join(dir, 'v3.ts'), v3);
      const base = (await loadArchitecture(join(dir, 'v1.ts'))).model;
      const head = (await loadArchitecture(join(dir, 'v3.ts'))).model;
      const { model, marks } = diffModel(base, head);
      expect(marks.get('subnet:vnet-spoke-payments-weu/snet-jobs')).toBe('added');
      expect(marks.get('subnet:vnet-spoke-payments-weu/snet-aks-ingress')).toBe('changed');
      expect(marks.get('privateEndpoint:pe-kv-payments')).toBe('removed');
      expect(model.resources.some((r) => r.id === 'privateEndpoint:pe-kv-payments')).toBe(true);
      const [d] = await renderDiagrams(model, { views: ['topology'], markKey: markKey(marks)! });
      const [unmarked] = await renderDiagrams(model, { views: ['topology'] });
      const svg = markSvg(d!.svg, marks);
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(markSvg(d!.svg, marks)).toBe(svg);
      // Each mark is a box around its element's box.
      for (const [id, mark] of [
        ['subnet:vnet-spoke-payments-weu/snet-jobs', 'added'],
        ['privateEndpoint:pe-kv-payments', 'removed'],
      ] as const) {
        const g = new RegExp(`<g\\b[^>]*data-element="${id.replace(/[/:]/g, (c) => `\\${c}`)}"[^>]*>`).exec(svg)![0];
        const x = Number(/data-x="([\d.]+)"/.exec(g)![1]);
        expect(svg).toMatch(new RegExp(`<rect class="diff-${mark}" x="${x - 3}"`));
      }
      expect(svg).toMatch(/<g id="[\w-]*mark-key" class="mark-key" transform/);
      for (const label of ['added', 'changed', 'removed (ghosted)']) expect(svg).toContain(`>${label}</text>`);
      // The key row is a row of the canvas: 28 px under what the picture is without it.
      const vb = /viewBox="0 0 [\d.]+ ([\d.]+)"/;
      expect(Number(vb.exec(svg)![1])).toBe(Number(vb.exec(unmarked!.svg)![1]) + 28);
      // Nothing changed: no key.
      expect(markKey(new Map())).toBeUndefined();
    },
  );
  it('keeps a diff-marked overview 16:9: its key row is inside the frame, the drawing centred', async () => {
    const { run } = await import('../../src/cli/main.js');
    const { isSixteenByNine } = await import('../helpers/frame.js');
    const out = join(dir, 'overview-diff');
    // v2 changes a subnet's CIDR, the WAF mode and a hop's TLS state, and adds a subnet: marks on the overview.
    expect(await run(['diagram', join(dir, 'v2.ts'), '--diff', join(dir, 'v1.ts'), '-o', out])).toBe(0);
    expect(await run(['diagram', join(dir, 'v2.ts'), '-o', join(dir, 'overview-plain')])).toBe(0);
    const svg = readFileSync(join(out, 'v2.overview.svg'), 'utf8');
    const plain = readFileSync(join(dir, 'overview-plain', 'v2.overview.svg'), 'utf8');
    const size = (s: string) => {
      const m = /<svg\b[^>]*\bwidth="([\d.]+)" height="([\d.]+)" viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(s)!;
      expect([m[3], m[4]]).toEqual([m[1], m[2]]);
      return { width: Number(m[1]), height: Number(m[2]) };
    };
    const marked = size(svg);
    expect(isSixteenByNine(marked), `${marked.width} x ${marked.height}`).toBe(true);
    expect(svg).toMatch(/class="diff-(added|changed)"/);
    // The key row is drawn, inside the canvas: its samples end above the bottom edge.
    const key = /<g id="[\w-]*mark-key" class="mark-key" transform="translate\(([\d.]+) ([\d.]+)\)">/.exec(svg);
    expect(key).not.toBeNull();
    for (const label of ['Changes since the base design:', 'added', 'changed', 'removed (ghosted)'])
      expect(svg).toContain(`>${label}</text>`);
    expect(Number(key![2]) + 28).toBeLessThanOrEqual(marked.height);
    // The frame holds the row and no more: at most the row's height taller than the overview without marks (and
    // as much wider as 16:9 asks), never smaller.
    const unmarked = size(plain);
    expect(marked.height).toBeGreaterThanOrEqual(unmarked.height);
    expect(marked.height).toBeLessThanOrEqual(unmarked.height + 28 + 1);
    // Centred across: the picture is shifted right by half of what the frame grew.
    const shift = (s: string) => Number(/<g id="[^"]*-diagram" transform="translate\(([\d.]+) /.exec(s)![1]);
    expect(Math.abs(shift(svg) - shift(plain) - (marked.width - unmarked.width) / 2)).toBeLessThanOrEqual(1);
  });

  it('puts the key row under the picture\'s key when the step legend is beside the picture (g): no larger frame', async () => {
    const { run } = await import('../../src/cli/main.js');
    const g = readFileSync(resolve(import.meta.dirname, '../../examples/g-two-region-stamps.ts'), 'utf8');
    const wider = g.replace("cidr: net(4, 16, 28), purpose: 'ingress'", "cidr: net(4, 16, 27), purpose: 'ingress'");
    expect(wider).not.toBe(g);
    writeFileSync(join(dir, 'g1.ts'), g);
    writeFileSync(join(dir, 'g2.ts'), wider);
    const out = join(dir, 'g-diff');
    expect(await run(['diagram', join(dir, 'g2.ts'), '--diff', join(dir, 'g1.ts'), '-o', out])).toBe(0);
    expect(await run(['diagram', join(dir, 'g2.ts'), '-o', join(dir, 'g-plain')])).toBe(0);
    const svg = readFileSync(join(out, 'g2.overview.svg'), 'utf8');
    const plain = readFileSync(join(dir, 'g-plain', 'g2.overview.svg'), 'utf8');
    const canvas = (x: string) => /<svg\b[^>]*\bwidth="([\d.]+)" height="([\d.]+)"/.exec(x)!.slice(1).map(Number);
    // The room under the picture's key, beside the longer legend column, holds the row: the frame is the plain one.
    expect(canvas(svg)).toEqual(canvas(plain));
    expect(svg).toMatch(/class="diff-changed"/);
    const at = (x: string, cls: string) =>
      /transform="translate\(([\d.]+) ([\d.]+)\)"/.exec(new RegExp(`<g id="[\\w-]*" class="${cls}"[^>]*>`).exec(x)![0])!
        .slice(1)
        .map(Number);
    const [keyX, keyY] = at(svg, 'mark-key');
    const [stepsX] = at(svg, 'step-legend');
    const [, legendY] = at(svg, 'legend');
    expect(stepsX).toBeGreaterThan(keyX!);
    expect(keyY).toBeGreaterThan(legendY!);
    expect(keyY! + 28).toBeLessThanOrEqual(canvas(svg)[1]!);
  });
});
