/** Related findings: one root cause on one ingress path reads as one problem, and nothing is lost. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applicationGateway,
  cluster,
  ingressPath,
  loadBalancer,
  nodePool,
  nva,
  routeTable,
  subnet,
  type Architecture,
} from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import { colors } from '../../src/shared/io.js';
import type { FileResult, Finding } from '../../src/validate/finding.js';
import { formatJson } from '../../src/validate/format/json.js';
import { formatMarkdown } from '../../src/validate/format/markdown.js';
import { formatSarif, sarifLog } from '../../src/validate/format/sarif.js';
import { formatText } from '../../src/validate/format/text.js';
import { ROOT_CAUSES } from '../../src/validate/groups.js';
import { loadRules } from '../../src/validate/registry.js';
import type { Rule } from '../../src/validate/rule.js';
import { validateModel } from '../../src/validate/validate.js';
import { baseline } from '../helpers/fixture.js';
import { sarifValidator } from './sarif-schema.js';
import { mutable } from '../helpers/mutable.js';

const LB = 'ingress/public-lb-direct';
const WAF = 'ingress/waf-missing';
const PLAIN = 'ingress/plaintext-internet-entry';

let rules: Rule[];
beforeAll(async () => {
  rules = (await loadRules()).filter((r) => [LB, WAF, PLAIN].includes(r.meta.id));
});

/** The baseline plus internet paths entering through public load balancers over plain HTTP. */
function design(lbPaths: string[], extra: (b: ReturnType<typeof baseline>) => void = () => {}) {
  const b = baseline();
  for (const name of lbPaths) {
    const plb = loadBalancer({
      name: `plb-${name}`,
      visibility: 'public',
      subnet: b.nodes,
      cluster: b.aks,
      zones: [1, 2, 3],
    });
    (b.arch.ingress as unknown[]).push(
      ingressPath({
        name,
        from: { kind: 'internet' },
        hops: [
          { via: plb, protocol: 'http', port: 80, tls: 'plain' },
          { via: b.ic, protocol: 'http', port: 80, tls: 'plain' },
        ],
        to: { cluster: b.aks, namespace: 'web', service: name, protocol: 'http', port: 8080, tls: 'plain' },
      }),
    );
  }
  extra(b);
  return b.arch;
}

async function run(arch: Architecture): Promise<FileResult> {
  const { model, issues } = normalize(arch);
  return validateModel(model, issues, {
    file: 'd.ts',
    asOf: '2026-11-23',
    rules,
    locator: { locate: (p) => ({ line: p.length, column: 1 }) },
  });
}

const onPath = (fs: Finding[], name: string) => fs.filter((f) => f.evidence?.path === name);

describe('grouping related findings', () => {
  it('groups waf-missing and plaintext-internet-entry under public-lb-direct on the same path, losing none', async () => {
    const r = await run(design(['tool']));
    const fs = onPath(r.findings, 'tool');
    expect(fs.map((f) => f.ruleId).sort()).toEqual([PLAIN, LB, WAF]);
    const primary = fs.find((f) => f.ruleId === LB)!;
    expect(primary.groupedUnder).toBeUndefined();
    expect(primary.related!.map((x) => x.ruleId).sort()).toEqual([PLAIN, WAF]);
    for (const x of primary.related!) {
      const f = fs.find((g) => g.ruleId === x.ruleId)!;
      expect(x).toMatchObject({
        message: f.message,
        path: f.path,
        line: f.line,
        column: f.column,
        severity: f.severity,
      });
      expect(f.groupedUnder).toEqual({ ruleId: LB, path: primary.path, cause: ROOT_CAUSES[0]!.cause });
      expect(f.status).toBe('open');
    }
    // Still counted: JSON's summary counts all three warnings.
    const doc = JSON.parse(formatJson([r])) as { summary: { warnings: number }; findings: Finding[] };
    expect(doc.findings.filter((f) => f.groupedUnder?.ruleId === LB)).toHaveLength(2);
    expect(doc.summary.warnings).toBe(3);
  });

  it('does not group across paths: each public-LB path is its own problem', async () => {
    const r = await run(design(['one', 'two']));
    for (const name of ['one', 'two']) {
      const fs = onPath(r.findings, name);
      const primary = fs.find((f) => f.ruleId === LB)!;
      expect(primary.related).toHaveLength(2);
      for (const x of primary.related!) expect(onPath(r.findings, name).some((f) => f.path === x.path)).toBe(true);
    }
  });

  it('keeps waf-missing and plaintext entry apart when the path has a layer-7 gateway (different fixes)', async () => {
    const arch = design([], (b) => {
      const agw = applicationGateway({
        name: 'agw-nowaf',
        sku: 'Standard_v2',
        subnet: b.appGwSubnet,
        frontend: 'public',
        management: 'standalone',
        zones: [1, 2, 3],
        minCapacity: 2,
      });
      (b.arch.ingress as unknown[]).push(
        ingressPath({
          name: 'http-gw',
          from: { kind: 'internet' },
          hops: [
            { via: agw, protocol: 'http', port: 80, tls: 'plain' },
            { via: b.ic, protocol: 'http', port: 80, tls: 'plain' },
          ],
          to: { cluster: b.aks, namespace: 'web', service: 'x', protocol: 'http', port: 8080, tls: 'plain' },
        }),
      );
    });
    const fs = onPath((await run(arch)).findings, 'http-gw');
    expect(fs.map((f) => f.ruleId).sort()).toEqual([PLAIN, WAF]);
    for (const f of fs) {
      expect(f.related).toBeUndefined();
      expect(f.groupedUnder).toBeUndefined();
    }
  });

  it('does not group under a suppressed cause, nor a consequence more severe than its cause', async () => {
    const suppressed = design(['tool']);
    suppressed.review = {
      acceptedRisks: [{ rule: LB, justification: 'vendor tool', owner: 'ops', expires: '2027-06-30' }],
    };
    const a = onPath((await run(suppressed)).findings, 'tool');
    expect(a.find((f) => f.ruleId === LB)!.status).toBe('suppressed');
    for (const f of a) expect(f.related ?? f.groupedUnder).toBeUndefined();

    const raised = design(['tool']);
    raised.review = { rules: { [WAF]: 'error' } };
    const b = onPath((await run(raised)).findings, 'tool');
    const primary = b.find((f) => f.ruleId === LB)!;
    expect(primary.related!.map((x) => x.ruleId)).toEqual([PLAIN]);
    expect(b.find((f) => f.ruleId === WAF)!.groupedUnder).toBeUndefined();
  });
});

describe('output of a group', () => {
  it('text prints one problem: the cause, its fix, then the related findings indented under it', async () => {
    const r = await run(design(['tool']));
    const text = formatText([r], { colors: colors(false) });
    const lines = text.split('\n');
    const rows = lines.filter((l) => /^ {2}\d+:\d+/.test(l));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(LB);
    const at = lines.indexOf(rows[0]!);
    const indent = ' '.repeat(2 + 8 + 1 + 'suppressed'.length + 2);
    expect(lines[at + 1]).toBe(`${indent}fix: ${rules.find((x) => x.meta.id === LB)!.meta.fix}`);
    expect(lines[at + 2]).toBe(`${indent}same problem (${ROOT_CAUSES[0]!.cause}):`);
    const related = r.findings.find((f) => f.ruleId === LB)!.related!;
    related.forEach((x, i) => {
      expect(lines[at + 3 + i]).toBe(`${indent}  ${x.line}:${x.column} ${x.severity}  ${x.message}  ${x.ruleId}`);
    });
    expect(text).toMatch(/✖ 0 errors, 3 warnings, 0 info in 1 file/);
  });

  it('--compact prints one line per finding, marks grouped ones and has no fix lines', async () => {
    const r = await run(design(['tool']));
    const text = formatText([r], { colors: colors(false), compact: true });
    const rows = text.split('\n').filter((l) => /^ {2}\d+:\d+/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows.filter((l) => l.includes(`[same problem as ${LB}]`))).toHaveLength(2);
    expect(text).not.toContain('fix:');
    expect(text.split('\n').filter((l) => l.startsWith(' ') && !/^ {2}\d+:\d+/.test(l))).toEqual([]);
  });

  it('SARIF keeps every finding as a result; the primary has relatedLocations, the others groupedUnder', async () => {
    const r = await run(design(['tool']));
    const all = (await loadRules()).map((x) => x.meta);
    const log = sarifLog([r], all, '/repo');
    const results = log.runs[0]!.results!;
    expect(results).toHaveLength(r.findings.length);
    const primary = results.find((x) => x.ruleId === LB)!;
    const f = r.findings.find((x) => x.ruleId === LB)!;
    expect(primary.relatedLocations!.map((l) => l.message!.text)).toEqual(
      f.related!.map((x) => `${x.ruleId}: ${x.message}`),
    );
    expect(primary.relatedLocations!.map((l) => l.physicalLocation!.region)).toEqual(
      f.related!.map((x) => ({ startLine: x.line, startColumn: x.column })),
    );
    for (const id of [WAF, PLAIN]) {
      expect(results.find((x) => x.ruleId === id)!.properties).toMatchObject({ groupedUnder: { ruleId: LB } });
    }
    const validate = sarifValidator();
    expect(validate(JSON.parse(formatSarif([r], { rules: all, cwd: '/repo' })))).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('Markdown keeps every finding as a row and marks the grouped ones', async () => {
    const r = await run(design(['tool']));
    const md = formatMarkdown([r]);
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && /ingress\//.test(l));
    expect(rows).toHaveLength(3);
    expect(rows.filter((l) => l.includes('_same problem as ingress/public-lb-direct_'))).toHaveLength(2);
  });
});

describe('grouping under a retired App Gateway v1 SKU', () => {
  const V1 = 'ingress/app-gateway-v1';
  const AGIC = 'ingress/agic-requires-v2';

  /** The baseline's gateway on the WAF v1 SKU, managed by AGIC. */
  function agicOnV1(): Architecture {
    const b = baseline();
    b.appGw.sku = 'WAF';
    b.appGw.management = 'agic-addon';
    return b.arch;
  }

  async function runAt(arch: Architecture, asOf: string): Promise<Finding[]> {
    const { model, issues } = normalize(arch);
    const only = (await loadRules()).filter((r) => [V1, AGIC].includes(r.meta.id));
    return (await validateModel(model, issues, { file: 'd.ts', asOf, rules: only })).findings;
  }

  it('after the retirement both are errors: the AGIC finding is grouped under the v1 SKU', async () => {
    const fs = await runAt(agicOnV1(), '2026-04-29');
    const v1 = fs.find((f) => f.ruleId === V1)!;
    const agic = fs.find((f) => f.ruleId === AGIC)!;
    expect([v1.severity, agic.severity]).toEqual(['error', 'error']);
    expect(v1.related!.map((x) => x.ruleId)).toEqual([AGIC]);
    expect(agic.groupedUnder).toEqual({ ruleId: V1, path: v1.path, cause: 'the Application Gateway runs the retired v1 SKU' });
    expect(fs).toHaveLength(2);
  });

  it('on the retirement day the v1 finding is a warning, so the AGIC error stays on its own', async () => {
    const fs = await runAt(agicOnV1(), '2026-04-28');
    expect(fs.find((f) => f.ruleId === V1)!.severity).toBe('warning');
    for (const f of fs) expect(f.related ?? f.groupedUnder).toBeUndefined();
  });

  it('a v2 gateway has neither finding', async () => {
    const b = baseline();
    b.appGw.management = 'agic-addon';
    expect(await runAt(b.arch, '2026-04-29')).toEqual([]);
  });
});

describe('grouping on one egress path', () => {
  const UDR = 'egress/udr-default-route';
  const POD = 'egress/pod-subnet-egress';
  const CAUSE = ROOT_CAUSES.find((c) => c.primary === UDR)!.cause;

  type B = ReturnType<typeof baseline>;

  /** Moves a cluster to Azure CNI pod subnet with a pod subnet of its own (routed by `podRoute`, or not at all). */
  function withPods(b: B, c: B['aks'], name: string, cidr: string, podRoute?: ReturnType<typeof routeTable>) {
    const pods = subnet({
      name,
      cidr,
      purpose: 'aks-pods',
      delegation: 'Microsoft.ContainerService/managedClusters',
      ...(podRoute ? { routeTable: podRoute } : {}),
    });
    mutable(b.spoke.subnets).push(pods);
    c.network = {
      cni: 'azure-podsubnet-dynamic',
      dataplane: 'cilium',
      networkPolicy: 'cilium',
      defaultDeny: true,
      serviceCidr: '172.16.0.0/16',
      dnsServiceIP: '172.16.0.10',
    };
    for (const p of c.nodePools) p.podSubnet = pods;
  }

  /** The baseline cluster's node subnet without its route table; its pod subnet keeps the route to the firewall. */
  function nodesUnrouted(): B {
    const b = baseline();
    delete b.nodes.routeTable;
    withPods(b, b.aks, 'snet-pods', '10.1.16.0/20', b.rt);
    return b;
  }

  async function runEgress(arch: Architecture): Promise<Finding[]> {
    const { model, issues } = normalize(arch);
    const only = (await loadRules()).filter((r) => [UDR, POD].includes(r.meta.id));
    return (await validateModel(model, issues, { file: 'e.ts', asOf: '2026-11-23', rules: only })).findings;
  }

  it('groups the diverging pod subnet under the node subnet that lacks the route to the firewall, losing none', async () => {
    const fs = await runEgress(nodesUnrouted().arch);
    expect(fs.map((f) => f.ruleId).sort()).toEqual([POD, UDR]);
    const udr = fs.find((f) => f.ruleId === UDR)!;
    const pod = fs.find((f) => f.ruleId === POD)!;
    expect([udr.severity, pod.severity]).toEqual(['error', 'warning']);
    expect(udr.related).toEqual([
      {
        ruleId: POD,
        severity: 'warning',
        message: pod.message,
        path: pod.path,
        file: pod.file,
        line: pod.line,
        column: pod.column,
        cause: CAUSE,
      },
    ]);
    expect(pod.groupedUnder).toEqual({ ruleId: UDR, path: udr.path, cause: CAUSE });
    expect(pod.status).toBe('open');
  });

  it('a 0.0.0.0/0 route to Internet on the node subnet is the same cause', async () => {
    const b = baseline();
    const rtInternet = routeTable({
      name: 'rt-internet',
      routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: { type: 'Internet' } }],
    });
    b.nodes.routeTable = rtInternet;
    withPods(b, b.aks, 'snet-pods', '10.1.16.0/20', b.rt);
    mutable((b.arch.network.routeTables ??= [])).push(rtInternet);
    const fs = await runEgress(b.arch);
    const udr = fs.find((f) => f.ruleId === UDR)!;
    expect(udr.messageId).toBe('wrongNextHopType');
    expect(udr.related?.map((x) => x.ruleId)).toEqual([POD]);
  });

  it('does not group when the pod subnet goes to another appliance: routing the nodes does not fix the pods', async () => {
    const b = baseline();
    delete b.nodes.routeTable;
    const nvaSubnet = subnet({ name: 'snet-nva', cidr: '10.0.1.0/27' });
    mutable(b.hub.subnets).push(nvaSubnet);
    const other = nva({ name: 'nva-other', subnet: nvaSubnet, privateIp: '10.0.1.4' });
    mutable((b.arch.network.nvas ??= [])).push(other);
    const rtOther = routeTable({ name: 'rt-other', routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: other }] });
    withPods(b, b.aks, 'snet-pods', '10.1.16.0/20', rtOther);
    const fs = await runEgress(b.arch);
    expect(fs.map((f) => f.ruleId).sort()).toEqual([POD, UDR]);
    for (const f of fs) expect(f.related ?? f.groupedUnder).toBeUndefined();
  });

  it('does not group across clusters: each cluster is its own egress path', async () => {
    const b = baseline();
    // Cluster A: node subnet routed, pod subnet not (pod-subnet-egress only).
    withPods(b, b.aks, 'snet-pods-a', '10.1.16.0/20');
    // Cluster B: node subnet without a route table (udr-default-route only; no pod subnet).
    const nodesB = subnet({ name: 'snet-nodes-b', cidr: '10.1.32.0/22', purpose: 'aks-nodes', defaultOutboundAccess: false });
    mutable(b.spoke.subnets).push(nodesB);
    const aksB = cluster({
      name: 'aks-b',
      region: 'westeurope',
      tier: 'Standard',
      kubernetesVersion: '1.33',
      network: { cni: 'azure-overlay', podCidr: '192.168.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' },
      nodePools: [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', count: 3, subnet: nodesB })],
      apiServer: { mode: 'private', privateDnsZone: 'system', publicFqdn: false },
      outbound: { type: 'userDefinedRouting', via: b.firewall },
    });
    mutable(b.arch.clusters).push(aksB);
    const fs = await runEgress(b.arch);
    expect(fs.map((f) => `${f.ruleId} ${String(f.evidence?.cluster)}`).sort()).toEqual([
      `${POD} aks-test`,
      `${UDR} aks-b`,
    ]);
    for (const f of fs) expect(f.related ?? f.groupedUnder).toBeUndefined();
  });

  it('keeps a consequence raised above its cause on its own', async () => {
    const arch = nodesUnrouted().arch;
    arch.review = { rules: { [UDR]: 'warning', [POD]: 'error' } };
    const fs = await runEgress(arch);
    expect(fs).toHaveLength(2);
    for (const f of fs) expect(f.related ?? f.groupedUnder).toBeUndefined();
  });

  it('text output prints the egress group as one problem', async () => {
    const { model, issues } = normalize(nodesUnrouted().arch);
    const only = (await loadRules()).filter((r) => [UDR, POD].includes(r.meta.id));
    const r = await validateModel(model, issues, { file: 'e.ts', asOf: '2026-11-23', rules: only });
    const text = formatText([r], { colors: colors(false) });
    expect(text.split('\n').filter((l) => /^ {2}\d+:\d+/.test(l))).toHaveLength(1);
    expect(text).toContain(`same problem (${CAUSE}):`);
    expect(text).toMatch(/✖ 1 error, 1 warning, 0 info in 1 file/);
    // SARIF: both stay results; the cause carries the consequence as a related location.
    const all = (await loadRules()).map((x) => x.meta);
    const results = sarifLog([r], all, '/repo').runs[0]!.results!;
    expect(results.map((x) => x.ruleId).sort()).toEqual([POD, UDR]);
    expect(results.find((x) => x.ruleId === UDR)!.relatedLocations).toHaveLength(1);
    expect(results.find((x) => x.ruleId === POD)!.properties).toMatchObject({ groupedUnder: { ruleId: UDR } });
  });
});
