/**
 * The IP plan and the capacity rules use one capacity model, so the plan shows negative headroom
 * (red) for a subnet or pod CIDR exactly when a capacity rule reports it, for every example and for
 * generated designs on both sides of every boundary (fast-check).
 */
import { join, resolve } from 'node:path';
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodePool, paas, privateEndpoint, subnet, type Architecture } from '../../dsl/index.js';
import { ModelQuery } from '../../src/model/query.js';
import type { Model } from '../../src/model/types.js';
import { normalize } from '../../src/normalize/normalize.js';
import { buildIpPlan } from '../../src/report/ip-plan.js';
import type { Finding } from '../../src/validate/finding.js';
import { loadRules } from '../../src/validate/registry.js';
import type { Rule } from '../../src/validate/rule.js';
import { validateModel } from '../../src/validate/validate.js';
import { validateFiles } from '../../src/validate/run-files.js';
import { baseline } from '../helpers/fixture.js';
import { mutable } from '../helpers/mutable.js';

const repo = resolve(import.meta.dirname, '../..');
const CAPACITY_RULES = [
  'address/appgw-subnet-capacity',
  'address/node-subnet-capacity',
  'address/pod-cidr-capacity',
  'address/pod-subnet-dynamic-capacity',
  'address/pod-subnet-static-capacity',
  'address/subnet-capacity',
  // An API Server VNet Integration subnet's demand (9 addresses per cluster) is this rule's number.
  'control-plane/apiserver-subnet-size',
];

let rules: Rule[];
beforeAll(async () => {
  rules = (await loadRules()).filter((r) => CAPACITY_RULES.includes(r.meta.id));
  expect(rules.map((r) => r.meta.id).sort()).toEqual(CAPACITY_RULES);
});

/** Elements the IP plan shows in red: subnets by id, pod CIDRs by their cluster's id. */
function redInPlan(model: Model): string[] {
  const q = new ModelQuery(model);
  const plan = buildIpPlan(q);
  const out: string[] = [];
  for (const r of plan.rows) {
    const negative = r.headroomBand === 'red';
    expect(negative, `${r.name}: band red exactly when consumption exceeds usable`).toBe(
      r.consumption !== null && r.usable !== null && r.consumption > r.usable,
    );
    if (r.headroomPct !== null) expect(r.headroomPct < 0, r.name).toBe(negative);
    if (!negative) continue;
    if (r.level === 'subnet') out.push(`subnet:${r.parent}/${r.name}`);
    else if (r.level === 'pod-cidr') out.push(`cluster:${r.parent}`);
    else out.push(`${r.level}:${r.name}`);
  }
  return out.sort();
}

function flagged(findings: Finding[]): string[] {
  return [...new Set(findings.filter((f) => CAPACITY_RULES.includes(f.ruleId)).map((f) => f.element ?? f.path))].sort();
}

async function check(arch: Architecture): Promise<{ red: string[]; flagged: string[] }> {
  const { model, issues } = normalize(arch);
  const res = await validateModel(model, issues, { file: 'gen.ts', rules, asOf: '2026-11-23' });
  return { red: redInPlan(model), flagged: flagged(res.findings) };
}

describe('IP plan and capacity rules agree', () => {
  it('on every example', async () => {
    const files = readdirSync(join(repo, 'examples')).filter((f) => f.endsWith('.ts')).map((f) => join(repo, 'examples', f));
    const results = await validateFiles(files, { asOf: '2026-11-23', config: false });
    expect(results).toHaveLength(7);
    for (const v of results) expect(redInPlan(v.arch.model), v.arch.path).toEqual(flagged(v.result.findings));
  }, 120_000);

  it('on generated designs (every CNI, subnet sizes around the boundary, surge as count or percentage)', async () => {
    let red = 0;
    let green = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          cni: fc.constantFrom('azure-overlay', 'kubenet', 'azure-nodesubnet', 'azure-podsubnet-dynamic', 'azure-podsubnet-static'),
          nodePrefix: fc.integer({ min: 22, max: 29 }),
          podPrefix: fc.integer({ min: 19, max: 27 }),
          podCidrPrefix: fc.integer({ min: 18, max: 25 }),
          maxCount: fc.integer({ min: 1, max: 60 }),
          maxPods: fc.integer({ min: 10, max: 110 }),
          surge: fc.constantFrom<number | `${number}%`>('10%', '33%', '0%', 0, 1, 3),
          appGwPrefix: fc.integer({ min: 24, max: 28 }),
          appGwMax: fc.integer({ min: 2, max: 125 }),
          endpoints: fc.integer({ min: 0, max: 12 }),
          peSubnetPrefix: fc.integer({ min: 28, max: 29 }),
        }),
        async (g) => {
          const b = baseline();
          const podCidr = `192.168.0.0/${g.podCidrPrefix}`;
          b.nodes.cidr = `10.1.0.0/${g.nodePrefix}`;
          b.aks.network = { ...b.aks.network, cni: g.cni, podCidr: g.cni === 'azure-overlay' || g.cni === 'kubenet' ? podCidr : undefined };
          if (g.cni === 'kubenet') b.aks.network = { ...b.aks.network, dataplane: 'azure', networkPolicy: 'calico' };
          const pods = subnet({ name: 'snet-pods', cidr: `10.1.32.0/${g.podPrefix}`, purpose: 'aks-pods' });
          const podCni = g.cni === 'azure-podsubnet-dynamic' || g.cni === 'azure-podsubnet-static';
          if (podCni) mutable(b.spoke.subnets).push(pods);
          b.aks.nodePools = [
            nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 1, maxCount: g.maxCount, maxPods: g.maxPods, maxSurge: g.surge, subnet: b.nodes, ...(podCni ? { podSubnet: pods } : {}) }),
          ];
          b.appGwSubnet.cidr = `10.1.4.0/${g.appGwPrefix}`;
          b.appGw.maxCapacity = g.appGwMax;
          const peSubnet = subnet({ name: 'snet-pe', cidr: `10.1.6.0/${g.peSubnetPrefix}`, purpose: 'private-endpoints' });
          mutable(b.spoke.subnets).push(peSubnet);
          const kv = paas({ name: 'kv', service: 'keyVault', publicNetworkAccess: false });
          b.arch.network.privateEndpoints = Array.from({ length: g.endpoints }, (_, i) => privateEndpoint({ name: `pe-${i}`, subnet: peSubnet, target: kv }));
          const r = await check(b.arch);
          if (r.red.length) red++;
          else green++;
          expect(r.red).toEqual(r.flagged);
        },
      ),
      { numRuns: 100, seed: 20261201 },
    );
    // Both sides of the boundary were exercised.
    expect(red).toBeGreaterThan(5);
    expect(green).toBeGreaterThan(10);
  }, 120_000);

  it('a subnet one address short is red and reported; one address more is neither', async () => {
    // Overlay /28: 11 usable; system pool 5 + 1 surge, the internal LB frontend and the API server endpoint take 8.
    const b = baseline();
    b.nodes.cidr = '10.1.0.0/28';
    b.aks.nodePools[1]!.minCount = 1;
    b.aks.nodePools[1]!.maxCount = 3; // 5+1 + 3+1 + 2 = 12 > 11
    expect(await check(b.arch)).toEqual({ red: ['subnet:vnet-spoke/snet-nodes'], flagged: ['subnet:vnet-spoke/snet-nodes'] });
    b.aks.nodePools[1]!.maxCount = 2; // 5+1 + 2+1 + 2 = 11 = usable
    expect(await check(b.arch)).toEqual({ red: [], flagged: [] });
  });

  it('an API Server VNet Integration subnet: 9 addresses per cluster in the plan, red exactly when the rule reports it', async () => {
    const api = subnet({ name: 'snet-api', cidr: '10.1.8.0/28', purpose: 'aks-apiserver', delegation: 'Microsoft.ContainerService/managedClusters' });
    const withClusters = (n: number) => {
      const b = baseline();
      mutable(b.spoke.subnets).push(api);
      b.aks.apiServer = { mode: 'vnet-integration', subnet: api, private: true };
      for (let i = 1; i < n; i++) mutable(b.arch.clusters).push({ ...b.aks, name: `aks-test${i}` });
      return b.arch;
    };
    const row = (arch: Architecture) => buildIpPlan(new ModelQuery(normalize(arch).model)).rows.find((r) => r.name === 'snet-api')!;
    // A /28 has 11 usable addresses: one cluster (9) fits, two (18) do not.
    expect(row(withClusters(1))).toMatchObject({ consumption: 9, usable: 11, basis: 'aks-test API server: 9' });
    expect(await check(withClusters(1))).toEqual({ red: [], flagged: [] });
    expect(row(withClusters(2))).toMatchObject({ consumption: 18, usable: 11 });
    expect(await check(withClusters(2))).toEqual({ red: ['subnet:vnet-spoke/snet-api'], flagged: ['subnet:vnet-spoke/snet-api'] });
  });
});
