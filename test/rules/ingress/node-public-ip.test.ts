import { describe, expect, it } from 'vitest';
import { runRuleResult } from '../../helpers/run-rule.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

function publicIp(values: Array<boolean | undefined>) {
  return () => {
    const b = baseline();
    b.aks.nodePools.forEach((p, i) => {
      if (values[i] === undefined) delete p.nodePublicIp;
      else p.nodePublicIp = values[i];
    });
    return b.arch;
  };
}

testRule('ingress/node-public-ip', {
  valid: [
    { name: 'not stated (AKS default: no node public IP)', arch: publicIp([undefined, undefined]) },
    { name: 'stated false on every pool', arch: publicIp([false, false]) },
  ],
  invalid: [
    {
      name: 'the user pool gives nodes public IPs',
      arch: publicIp([false, true]),
      findings: [
        {
          messageId: 'publicIp',
          path: 'clusters[0].nodePools[1].nodePublicIp',
          severity: 'warning',
          message:
            'Node pool apps of aks-test gives each of its up to 10 nodes a public IP; the nodes are reachable from the ' +
            'internet past the ingress tier',
        },
      ],
    },
    {
      name: 'both pools (findings sort by message: apps before system)',
      arch: publicIp([true, true]),
      findings: [
        {
          messageId: 'publicIp',
          path: 'clusters[0].nodePools[1].nodePublicIp',
          severity: 'warning',
          evidence: { nodes: 10 },
        },
        {
          messageId: 'publicIp',
          path: 'clusters[0].nodePools[0].nodePublicIp',
          severity: 'warning',
          evidence: { nodes: 5 },
        },
      ],
    },
  ],
});

describe('ingress/node-public-ip: reads', () => {
  const set = (o: object, key: string, v: unknown) => ((o as Record<string, unknown>)[key] = v);
  const run = (change: (b: ReturnType<typeof baseline>) => void) => {
    const b = baseline();
    b.aks.nodePools[1]!.nodePublicIp = true;
    change(b);
    return runRuleResult('ingress/node-public-ip', b.arch);
  };
  it("the pool's invalid node count holds back the finding, whose text gives the nodes", async () => {
    const r = await run((b) => set(b.aks.nodePools[1]!, 'maxCount', 'ten'));
    expect(r.findings.map((f) => f.messageId)).toEqual([]);
    expect((r.unverified ?? []).map((u) => u.factPath)).toEqual(['clusters[0].nodePools[1].maxCount']);
  });
  it("the pool's invalid field the verdict does not read (its VM size) leaves it standing", async () => {
    const r = await run((b) => set(b.aks.nodePools[1]!, 'vmSize', 42));
    expect(r.findings.map((f) => f.messageId)).toEqual(['publicIp']);
    expect(r.unverified ?? []).toEqual([]);
  });
});
