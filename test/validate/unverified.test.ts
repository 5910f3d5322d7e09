/**
 * Unknown facts: a rule never raises a warning or an error from a fact the design does not state.
 * It reports one info-level unverified check naming the fact, and stating the fact brings the check
 * back (a bad stated value is reported, a good one passes).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/normalize.js';
import { validateModel } from '../../src/validate/validate.js';
import type { FileResult } from '../../src/validate/finding.js';
import { formatText } from '../../src/validate/format/text.js';
import { formatJson } from '../../src/validate/format/json.js';
import { formatMarkdown } from '../../src/validate/format/markdown.js';
import { formatGithub } from '../../src/validate/format/github.js';
import { sarifLog } from '../../src/validate/format/sarif.js';
import { loadRules } from '../../src/validate/registry.js';
import { colors } from '../../src/shared/io.js';
import { publicIp } from '../../dsl/index.js';
import { baseline } from '../helpers/fixture.js';
import { sarifValidator } from './sarif-schema.js';
import { runRuleResult } from '../helpers/run-rule.js';

type B = ReturnType<typeof baseline>;

interface Case {
  rule: string;
  /** Removes the fact from the baseline. */
  unstate: (b: B) => void;
  factPath: string;
  /** States a bad value: the rule reports it. */
  bad: (b: B) => void;
}

const CASES: Case[] = [
  {
    rule: 'ingress/controller-redundancy',
    unstate: (b) => delete b.ic.replicas,
    factPath: 'ingress[0].hops[2].via.replicas',
    bad: (b) => (b.ic.replicas = 1),
  },
  {
    rule: 'ingress/controller-redundancy',
    unstate: (b) => delete b.ic.zoneSpread,
    factPath: 'ingress[0].hops[2].via.zoneSpread',
    // Topology spread off and anti-affinity per node only: nothing spreads the replicas across zones.
    bad: (b) => {
      b.ic.zoneSpread = false;
      b.ic.podAntiAffinity = 'node';
    },
  },
  {
    rule: 'reliability/app-gateway-zones',
    unstate: (b) => delete b.appGw.zones,
    factPath: 'ingress[0].hops[0].via.zones',
    bad: (b) => (b.appGw.zones = [1]),
  },
  {
    rule: 'egress/firewall-aks-required-fqdns',
    unstate: (b) => delete b.firewall.aksFqdnTag,
    factPath: 'network.firewalls[0].aksFqdnTag',
    // The tag not allowed and no other FQDN allowed (left out, the list would be unknown: it may hold the names).
    bad: (b) => {
      b.firewall.aksFqdnTag = false;
      b.firewall.fqdnAllowRules = [];
    },
  },
  {
    rule: 'cni/default-deny-missing',
    unstate: (b) => {
      if ('defaultDeny' in b.aks.network) delete b.aks.network.defaultDeny;
    },
    factPath: 'clusters[0].network.defaultDeny',
    bad: (b) => (b.aks.network.defaultDeny = false),
  },
  {
    rule: 'reliability/user-pool-min-nodes',
    unstate: (b) => delete b.aks.nodePools[1]!.minCount,
    factPath: 'clusters[0].nodePools[1].minCount',
    bad: (b) => (b.aks.nodePools[1]!.minCount = 1),
  },
  {
    rule: 'reliability/system-node-count',
    unstate: (b) => delete b.aks.nodePools[0]!.minCount,
    factPath: 'clusters[0].nodePools[0].minCount',
    bad: (b) => (b.aks.nodePools[0]!.minCount = 1),
  },
  {
    rule: 'ingress/node-nsg-open-inbound',
    unstate: (b) => delete (b.nodeNsg as { rules?: unknown }).rules,
    factPath: 'network.vnets[1].subnets[0].nsg.rules',
    bad: (b) =>
      (b.nodeNsg.rules = [
        {
          name: 'any',
          direction: 'inbound',
          access: 'allow',
          priority: 100,
          source: 'Internet',
          destination: '*',
          ports: '*',
        },
      ]),
  },
];

describe('unverified checks per rule', () => {
  for (const c of CASES) {
    it(`${c.rule}: unstated ${c.factPath.split('.').pop()} → one unverified entry, no finding`, async () => {
      const b = baseline();
      c.unstate(b);
      const r = await runRuleResult(c.rule, b.arch);
      expect(r.findings).toEqual([]);
      expect(r.unverified?.map((u) => [u.ruleId, u.factPath, u.severity, u.kind])).toEqual([
        [c.rule, c.factPath, 'info', 'unverified'],
      ]);
      expect(r.unverified![0]!.message).toMatch(/^could not check that .+: state (?:the|whether) .+ \(.+\)/);
    });

    it(`${c.rule}: stating the fact brings the check back (good passes, bad is reported)`, async () => {
      const good = await runRuleResult(c.rule, baseline().arch);
      expect(good.findings).toEqual([]);
      expect(good.unverified ?? []).toEqual([]);
      const b = baseline();
      c.bad(b);
      const r = await runRuleResult(c.rule, b.arch);
      expect(r.findings.length).toBeGreaterThan(0);
      expect(r.unverified ?? []).toEqual([]);
    });
  }
});

/** The whole catalogue over the baseline with the usual unstated facts left out. */
async function sparseResult(): Promise<FileResult> {
  const b = baseline();
  delete b.ic.replicas;
  delete b.ic.zoneSpread;
  delete b.appGw.minCapacity;
  delete b.appGw.zones;
  delete b.firewall.zones;
  delete b.firewall.aksFqdnTag;
  for (const p of b.aks.nodePools) delete p.zones;
  const { model, issues } = normalize(b.arch);
  return validateModel(model, issues, {
    file: 'design.ts',
    asOf: '2026-11-23',
    locator: { locate: () => ({ line: 7, column: 3 }) },
  });
}

describe('a design that does not state firewall rules, replicas, gateway capacity or zones', () => {
  it('gets no warning or error about them, and lists each as an unverified check', async () => {
    const r = await sparseResult();
    const about = /replica|capacity|zone|FQDN tag|required FQDN/i;
    const judged = r.findings.filter((f) => f.severity !== 'info' && about.test(f.message));
    expect(judged.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    const facts = new Set(r.unverified!.map((u) => u.factPath));
    for (const p of [
      'ingress[0].hops[2].via.replicas',
      'ingress[0].hops[0].via.minCapacity',
      'ingress[0].hops[0].via.zones',
      'network.firewalls[0].zones',
      'network.firewalls[0].aksFqdnTag',
      'clusters[0].nodePools[0].zones',
      'clusters[0].nodePools[1].zones',
    ]) {
      expect(facts.has(p), p).toBe(true);
    }
  });

  it('every output format shows the unverified checks, counted apart from findings', async () => {
    const r = await sparseResult();
    const n = r.unverified!.length;
    const text = formatText([r], { colors: colors(false) });
    expect(text).toContain(`${n} checks could not run: state `);
    expect(text).toMatch(/ 7:3 +unverified {2}could not check that /);
    const json = JSON.parse(formatJson([r])) as {
      summary: { unverified: number; info: number };
      unverified: unknown[];
    };
    expect(json.summary.unverified).toBe(n);
    expect(json.unverified).toHaveLength(n);
    expect(json.summary.info).toBe(r.findings.filter((f) => f.severity === 'info').length);
    const md = formatMarkdown([r]);
    expect(md).toContain(`${n} checks that could not run`);
    expect(md).toContain('network.firewalls\\[0\\].zones');
    const gh = formatGithub([r]);
    expect(gh.split('\n').filter((l) => l.startsWith('::notice ') && l.includes('title=unverified '))).toHaveLength(n);
    const sarif = sarifLog([r], (await loadRules()).map((x) => x.meta), process.cwd());
    const notes = sarif.runs[0]!.results!.filter((x) => x.properties?.aksnetResult === 'unverified');
    expect(notes).toHaveLength(n);
    expect(notes.every((x) => x.level === 'note')).toBe(true);
    expect(new Set(notes.map((x) => x.partialFingerprints!['aksnetFindingHash/v1'])).size).toBe(n);
    const validate = sarifValidator();
    expect(validate(JSON.parse(JSON.stringify(sarif)))).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("an unverified result's SARIF fingerprint is the documented recipe: rule id, DSL path and element", async () => {
    const r = await sparseResult();
    const u = r.unverified![0]!;
    // The same rule and fact path on another element, in another file: another check, another fingerprint.
    const other: FileResult = { ...r, file: 'other.ts', findings: [], unverified: [{ ...u, file: 'other.ts', element: `${u.element}-2` }] };
    const only: FileResult = { ...r, findings: [], unverified: [u] };
    const sarif = sarifLog([only, other], (await loadRules()).map((x) => x.meta), process.cwd());
    const prints = sarif.runs[0]!.results!.map((x) => x.partialFingerprints!['aksnetFindingHash/v1']);
    // Computed here rather than with the code under test (docs/cli.md, SARIF results).
    const recipe = (element: string) =>
      createHash('sha256').update([u.ruleId, u.factPath, element].join('\u0000')).digest('hex').slice(0, 32);
    expect(prints).toEqual([recipe(u.element), recipe(`${u.element}-2`)]);
  });

  it('the unverified entry says when the meaning of leaving a field out changed', async () => {
    const r = await sparseResult();
    const zones = r.unverified!.find((u) => u.factPath === 'network.firewalls[0].zones')!;
    expect(zones.message).toBe(
      'could not check that Azure Firewall afw-hub survives the loss of a zone in westeurope: state the availability zones (zones); aksnet used to read it as no zones',
    );
  });
});

describe('stating the facts brings the checks back (whole catalogue)', () => {
  it('bad stated values of the same facts are reported by their rules, and nothing is left unverified for them', async () => {
    const b = baseline();
    b.ic.replicas = 1;
    b.appGw.minCapacity = 0;
    b.appGw.zones = [];
    b.firewall.zones = [1];
    b.firewall.aksFqdnTag = false;
    b.firewall.fqdnAllowRules = [];
    for (const p of b.aks.nodePools) p.zones = [];
    // The gateway's public IP, stated without DDoS IP Protection in a VNet without a plan.
    b.appGw.publicIp = publicIp({ name: 'pip-agw', zones: [1, 2, 3], ddosIpProtection: false });
    // Stated empty: no planned access path is a warning, not an open question.
    b.aks.controlPlaneAccess = [];
    // An outdated rule set: the WAF rule-set check runs on a stated fact and reports it.
    b.appGw.waf = { mode: 'Prevention', managedRuleSets: [{ type: 'OWASP', version: '3.1' }] };
    const { model, issues } = normalize(b.arch);
    const r = await validateModel(model, issues, { file: 'design.ts', asOf: '2026-11-23' });
    const rules = new Set(r.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId));
    for (const id of [
      'ingress/controller-redundancy',
      'reliability/app-gateway-min-capacity',
      'reliability/app-gateway-zones',
      'reliability/firewall-zones',
      'reliability/node-pool-zones',
      'egress/firewall-aks-required-fqdns',
      'ingress/waf-managed-rule-sets',
      'ingress/ddos-protection',
    ]) {
      expect(rules.has(id), id).toBe(true);
    }
    expect(r.unverified ?? []).toEqual([]);
  });
});

describe('aksnet validate (built CLI)', () => {
  it('prints the unverified checks and counts them in the summary, with exit code 0', () => {
    const repo = join(import.meta.dirname, '..', '..');
    const run = spawnSync(
      process.execPath,
      [
        join(repo, 'bin', 'aksnet.js'),
        'validate',
        join(repo, 'examples', 'd-legacy-agic-kubenet.ts'),
        '--as-of',
        '2026-11-23',
        '--no-config',
        '--fail-on',
        'none',
      ],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /\n {2}\d+:\d+ +unverified {2}could not check that Application Gateway agw-claims-prod survives the loss of a zone/,
    );
    expect(run.stdout).toMatch(
      /\n3 checks could not run: state the public frontend IP with its DDoS IP Protection setting of agw-claims-prod; the availability zones of agw-claims-prod; the managed rule sets \(type, version, action\) of agw-claims-prod\n$/,
    );
  });
});
