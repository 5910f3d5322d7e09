/**
 * No two findings contradict each other about a cluster's egress. Over every example, the routing
 * fixtures and a grid of outbound types × node-subnet routes, a cluster never gets two findings that
 * assume different egress paths (e.g. "bypasses the load balancer" and "straight to the internet
 * through the load balancer"), and every egress claim agrees with the effective egress path.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { natGateway } from '../../../dsl/index.js';
import { normalize } from '../../../src/normalize/normalize.js';
import type { Finding } from '../../../src/validate/finding.js';
import type { Model } from '../../../src/model/types.js';
import { validateFiles } from '../../../src/validate/run-files.js';
import { baseline } from '../../helpers/fixture.js';
import { runAll } from '../../helpers/run-rule.js';

const repo = resolve(import.meta.dirname, '../../..');

/** Rules whose findings presume egress goes straight out through a load balancer or NAT gateway. */
const DIRECT = ['egress/no-egress-control', 'egress/lb-snat-capacity', 'egress/nat-gateway-snat-capacity', 'reliability/nat-gateway-zones'];
/** Rules whose findings presume egress goes through a firewall or NVA. */
const FILTERED = ['egress/firewall-aks-required-fqdns', 'egress/firewall-destination-allowlist', 'egress/firewall-dns-proxy', 'egress/firewall-snat-capacity'];
/** Rules whose findings say the outbound device is bypassed. */
const BYPASSED = ['egress/appliance-route-outbound-mismatch'];
const CONTRADICTIONS: Array<[string[], string[]]> = [
  [BYPASSED, DIRECT],
  [DIRECT.filter((r) => r === 'egress/no-egress-control'), FILTERED],
];

const names = (model: Model) => model.resources.filter((r) => r.kind === 'cluster').map((r) => r.name);
const mentions = (f: Finding, cluster: string) =>
  f.evidence?.cluster === cluster || new RegExp(`(^|[^\\w-])${cluster.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w-]|$)`).test(f.message);

/** Pairs of contradicting findings about one cluster, as readable strings. */
function contradictions(model: Model, findings: Finding[]): string[] {
  const out: string[] = [];
  for (const c of names(model)) {
    const about = findings.filter((f) => f.status !== 'suppressed' && mentions(f, c));
    for (const [a, b] of CONTRADICTIONS) {
      const fa = about.filter((f) => a.includes(f.ruleId));
      const fb = about.filter((f) => b.includes(f.ruleId));
      for (const x of fa) for (const y of fb) out.push(`${c}: ${x.ruleId} vs ${y.ruleId}`);
    }
  }
  return out;
}

/** Egress claims must match the effective path: "straight out" only on LB/NAT paths, "bypassed" only on appliance/gateway paths. */
function disagreements(model: Model, findings: Finding[]): string[] {
  const out: string[] = [];
  for (const p of model.egressPaths) {
    const c = model.resources.find((r) => r.id === p.cluster)?.name ?? '?';
    for (const f of findings) {
      if (f.element !== p.cluster) continue;
      if (f.ruleId === 'egress/no-egress-control' && p.via !== 'loadBalancer' && p.via !== 'natGateway') out.push(`${c}: ${f.ruleId} on a ${p.via} path`);
      if (BYPASSED.includes(f.ruleId) && p.via !== 'appliance' && p.via !== 'gateway') out.push(`${c}: ${f.ruleId} on a ${p.via} path`);
    }
  }
  return out;
}

describe('examples and routing fixtures', () => {
  const files = [
    ...readdirSync(join(repo, 'examples')).filter((f) => f.endsWith('.ts')).map((f) => join(repo, 'examples', f)),
    ...readdirSync(join(repo, 'test/fixtures/routing')).filter((f) => f.endsWith('.ts')).map((f) => join(repo, 'test/fixtures/routing', f)),
  ].sort();
  let results: Awaited<ReturnType<typeof validateFiles>>;
  beforeAll(async () => {
    results = await validateFiles(files, { asOf: '2026-11-23', config: false });
  }, 120_000);

  it('covers the seven examples and at least three routing fixtures', () => {
    expect(files.filter((f) => f.includes('/examples/'))).toHaveLength(7);
    expect(files.filter((f) => f.includes('/routing/')).length).toBeGreaterThanOrEqual(4);
  });

  it('no cluster gets contradicting egress findings, and every egress claim matches the effective path', () => {
    for (const v of results) {
      expect(contradictions(v.arch.model, v.result.findings), v.arch.path).toEqual([]);
      expect(disagreements(v.arch.model, v.result.findings), v.arch.path).toEqual([]);
    }
  });

  it('the load balancer behind a firewall route gets exactly one egress finding', () => {
    const v = results.find((r) => r.arch.path.endsWith('lb-behind-firewall.ts'))!;
    const egress = v.result.findings.filter(pathFinding);
    expect(egress.map((f) => f.ruleId)).toEqual(['egress/appliance-route-outbound-mismatch']);
    // The fixture declares no public load balancer: the asymmetric drop is said as a condition, not a fact, and the
    // tutorial's own words (userDefinedRouting, "loadBalancer can also be used") make the outbound type a recommendation.
    expect(egress[0]!.message).toMatch(
      /outbound type loadBalancer.*goes to afw-hub.*; userDefinedRouting is recommended\. If the cluster exposes public LoadBalancer Services directly, replies to them .*asymmetric routing\)$/,
    );
    expect(egress[0]!.title).toMatch(/userDefinedRouting is recommended/);
    expect(v.arch.model.egressPaths[0]).toMatchObject({ via: 'appliance', nextHop: 'azureFirewall:afw-hub', outboundType: 'loadBalancer' });
  });
});

/**
 * Findings about the egress *path* (where traffic leaves and through what). The firewall's own posture
 * (threat intelligence, IDPS, DNS proxy clients) is judged by other rules and is not part of the path.
 */
const POSTURE = new Set(['egress/firewall-threat-protection', 'egress/firewall-dns-proxy-clients']);
const pathFinding = (f: { ruleId: string }): boolean => f.ruleId.startsWith('egress/') && !POSTURE.has(f.ruleId);

describe('asymmetric return paths read the effective routes in both directions', () => {
  it('the asymmetric-ingress fixture gets exactly its two asymmetric-routing errors among the egress findings', async () => {
    const [v] = await validateFiles([join(repo, 'test/fixtures/routing/asymmetric-ingress.ts')], { asOf: '2026-11-23', config: false });
    const egress = v!.result.findings.filter(pathFinding);
    expect(egress.map((f) => `${f.ruleId} ${f.elementName ?? f.path}`).sort()).toEqual([
      'egress/asymmetric-return-route snet-nodes',
      'egress/public-lb-asymmetric-routing plb-legacy-svc',
    ]);
  }, 60_000);
});

describe('a grid of outbound types × node subnet default routes', () => {
  const fired = new Set<string>();
  const outbound = ['loadBalancer', 'userAssignedNATGateway', 'userDefinedRouting', 'none'] as const;
  const routes = ['none', 'firewall', 'internet', 'drop'] as const;
  for (const o of outbound) {
    for (const r of routes) {
      for (const prod of [false, true]) {
        it(`${o} with ${r === 'none' ? 'no route table' : `0.0.0.0/0 → ${r}`}${prod ? ' in production' : ''}`, async () => {
          const b = baseline();
          if (prod) b.arch.metadata.environment = 'production';
          b.firewall.aksFqdnTag = false;
          b.firewall.fqdnAllowRules = [];
          b.firewall.publicIps = 2;
          // The baseline runs Cilium: say that no ACNS FQDN policy filters egress, so no-egress-control can judge.
          b.aks.network.fqdnFiltering = false;
          if (r === 'none') delete b.nodes.routeTable;
          else if (r === 'internet') b.rt.routes = [{ name: 'default', prefix: '0.0.0.0/0', nextHop: { type: 'Internet' } }];
          else if (r === 'drop') b.rt.routes = [{ name: 'default', prefix: '0.0.0.0/0', nextHop: { type: 'None' } }];
          if (o === 'loadBalancer') b.aks.outbound = { type: 'loadBalancer', outboundIps: 1, allocatedOutboundPorts: 8000 };
          else if (o === 'userAssignedNATGateway') {
            const nat = natGateway({ name: 'ng', publicIps: 1, zones: [1] });
            b.nodes.natGateway = nat;
            b.aks.nodePools[1]!.maxCount = 70;
            b.aks.outbound = { type: 'userAssignedNATGateway', natGateway: nat };
          } else if (o === 'none') b.aks.outbound = { type: 'none' };
          const { model } = normalize(b.arch);
          const findings = await runAll(b.arch);
          for (const f of findings) fired.add(f.ruleId);
          expect(contradictions(model, findings)).toEqual([]);
          expect(disagreements(model, findings)).toEqual([]);
        });
      }
    }
  }

  it('exercises both sides of every contradiction (so the checks above are not vacuous)', () => {
    for (const id of [...BYPASSED, ...DIRECT, ...FILTERED.slice(0, 1), 'egress/firewall-snat-capacity']) expect(fired, id).toContain(id);
  });
});
