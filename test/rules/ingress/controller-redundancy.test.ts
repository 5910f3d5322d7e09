import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';

const ID = 'ingress/controller-redundancy';
const IC = 'ingress[0].hops[2].via';

interface Placement {
  replicas?: number;
  zoneSpread?: boolean;
  podAntiAffinity?: 'node' | 'zone';
  zones?: Array<1 | 2 | 3>;
}

function controller(p: Placement) {
  return () => {
    const b = baseline();
    delete b.ic.replicas;
    delete b.ic.zoneSpread;
    if (p.replicas !== undefined) b.ic.replicas = p.replicas;
    if (p.zoneSpread !== undefined) b.ic.zoneSpread = p.zoneSpread;
    if (p.podAntiAffinity !== undefined) b.ic.podAntiAffinity = p.podAntiAffinity;
    if (p.zones) for (const pool of b.aks.nodePools) pool.zones = p.zones;
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    { name: '3 replicas with zone topology spread', arch: () => baseline().arch },
    {
      name: '2 replicas (the threshold) with zone topology spread',
      arch: controller({ replicas: 2, zoneSpread: true }),
    },
    {
      name: '2 replicas with pod anti-affinity on the zone key',
      arch: controller({ replicas: 2, zoneSpread: false, podAntiAffinity: 'zone' }),
    },
    {
      name: '2 replicas, zone anti-affinity, topology spread not stated',
      arch: controller({ replicas: 2, podAntiAffinity: 'zone' }),
    },
    {
      name: '2 replicas without spread on a cluster in one zone',
      arch: controller({ replicas: 2, zoneSpread: false, podAntiAffinity: 'node', zones: [1] }),
    },
  ],
  invalid: [
    {
      name: '1 replica (below the threshold)',
      arch: controller({ replicas: 1, zoneSpread: true }),
      findings: [
        {
          messageId: 'singleReplica',
          path: `${IC}.replicas`,
          severity: 'warning',
          message:
            'ingress controller nginx (nginx) in cluster aks-test runs 1 replica; at least 2 are needed to survive a node drain',
          evidence: { controller: 'nginx', replicas: 1 },
        },
      ],
    },
    {
      name: '0 replicas',
      arch: controller({ replicas: 0, podAntiAffinity: 'zone' }),
      findings: [
        { messageId: 'singleReplica', path: `${IC}.replicas`, severity: 'warning', message: /runs 0 replicas;/ },
      ],
    },
    {
      name: '2 replicas, no topology spread, anti-affinity per node only, on a cluster in 3 zones',
      arch: controller({ replicas: 2, zoneSpread: false, podAntiAffinity: 'node' }),
      findings: [
        {
          messageId: 'notSpread',
          path: `${IC}.zoneSpread`,
          severity: 'warning',
          message:
            'ingress controller nginx (nginx) runs 2 replicas with no zone topology spread, pod anti-affinity per node ' +
            'only, although cluster aks-test has nodes in 3 zones; the replicas may share one zone and fail with it',
        },
      ],
    },
    {
      name: '3 replicas without spread on a cluster in 2 zones (the zone threshold)',
      arch: controller({ replicas: 3, zoneSpread: false, podAntiAffinity: 'node', zones: [1, 2] }),
      findings: [
        { messageId: 'notSpread', path: `${IC}.zoneSpread`, severity: 'warning', evidence: { zones: 2, replicas: 3 } },
      ],
    },
  ],
});

describe(`${ID}: unstated facts`, () => {
  const unverified = async (p: Placement) => {
    const r = await runRuleResult(ID, controller(p)());
    expect(r.findings).toEqual([]);
    return r.unverified?.map((u) => u.factPath);
  };
  it('names the replica count when it is not stated', async () => {
    expect(await unverified({})).toEqual([`${IC}.replicas`]);
  });
  it('words each check', async () => {
    const checks = async (p: Placement) => (await runRuleResult(ID, controller(p)())).unverified?.map((u) => u.check);
    expect(await checks({})).toEqual(['ingress controller nginx survives a node drain (2 or more replicas)']);
    expect(await checks({ replicas: 2 })).toEqual([
      'the replicas of ingress controller nginx survive the loss of a zone',
    ]);
    const affinity = (await runRuleResult(ID, controller({ replicas: 2, zoneSpread: false })())).unverified;
    expect(affinity?.map((u) => [u.check, u.fact])).toEqual([
      [
        'the replicas of ingress controller nginx survive the loss of a zone (zone pod anti-affinity)',
        'pod anti-affinity of the replicas',
      ],
    ]);
  });
  it('names the zone spread when neither mechanism is stated', async () => {
    expect(await unverified({ replicas: 2 })).toEqual([`${IC}.zoneSpread`]);
  });
  it('names the anti-affinity when topology spread is off and the anti-affinity is not stated', async () => {
    expect(await unverified({ replicas: 2, zoneSpread: false })).toEqual([`${IC}.podAntiAffinity`]);
  });
});

describe(`${ID}: reads`, () => {
  const set = (o: object, key: string, v: unknown) => ((o as Record<string, unknown>)[key] = v);
  it("a pool's invalid zone holds back the spread verdict, which counts the pools' zones", async () => {
    const b = baseline();
    b.ic.replicas = 2;
    b.ic.zoneSpread = false;
    b.ic.podAntiAffinity = 'node';
    for (const pool of b.aks.nodePools) set(pool, 'zones', [1, 2, 4]);
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect((r.unverified ?? []).map((u) => u.factPath)).toEqual([expect.stringMatching(/^clusters\[0\]\.nodePools\[\d\]\.zones/)]);
  });
  it("a pool's invalid field the verdict does not read (its VM size) leaves it standing", async () => {
    const b = baseline();
    b.ic.replicas = 2;
    b.ic.zoneSpread = false;
    b.ic.podAntiAffinity = 'node';
    for (const pool of b.aks.nodePools) set(pool, 'vmSize', 42);
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings.map((f) => f.messageId)).toEqual(['notSpread']);
    expect(r.unverified ?? []).toEqual([]);
  });
});
