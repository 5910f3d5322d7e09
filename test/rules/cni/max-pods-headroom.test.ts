import { describe, expect, it } from 'vitest';
import { loadRules } from '../../../src/validate/registry.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { staticBlock } from './_static.js';

function withMaxPods(maxPods: number) {
  return () => {
    const b = baseline();
    for (const p of b.aks.nodePools) p.maxPods = maxPods;
    return b.arch;
  };
}

testRule('cni/max-pods-headroom', {
  valid: [
    { name: 'the overlay default of 250', arch: () => baseline().arch },
    { name: 'an explicit 50 (the threshold)', arch: withMaxPods(50) },
    { name: '9 is below the AKS minimum: cni/max-pods-range, not this rule', arch: withMaxPods(9) },
  ],
  invalid: [
    {
      name: '10 (the AKS minimum) is judged',
      arch: withMaxPods(10),
      findings: [
        { messageId: 'lowMaxPods', path: 'clusters[0].nodePools[1].maxPods', severity: 'warning', message: /allows 10 pods/ },
        { messageId: 'lowMaxPods', path: 'clusters[0].nodePools[0].maxPods', severity: 'warning', message: /allows 10 pods/ },
      ],
    },
    {
      name: 'the flat CNI default of 30',
      arch: () => {
        const b = baseline();
        b.aks.network = { cni: 'azure-nodesubnet', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
        return b.arch;
      },
      findings: [
        // Findings come in output order: the apps pool's message sorts first.
        { messageId: 'lowMaxPods', path: 'clusters[0].nodePools[1].maxPods', severity: 'warning' },
        {
          messageId: 'lowMaxPods',
          path: 'clusters[0].nodePools[0].maxPods',
          severity: 'warning',
          message: 'node pool system of aks-test allows 30 pods per node; at least 50 leaves room for DaemonSets and bin-packing',
        },
      ],
    },
    {
      name: '49 is below the threshold',
      arch: withMaxPods(49),
      findings: [
        { messageId: 'lowMaxPods', path: 'clusters[0].nodePools[1].maxPods', severity: 'warning', message: /allows 49 pods/ },
        { messageId: 'lowMaxPods', path: 'clusters[0].nodePools[0].maxPods', severity: 'warning', message: /allows 49 pods/ },
      ],
    },
    {
      name: 'static block allocation recommends 63 (16N − 1), not 50',
      arch: () => staticBlock(47).arch,
      findings: [
        {
          messageId: 'lowMaxPods',
          path: 'clusters[0].nodePools[0].maxPods',
          severity: 'warning',
          message: 'node pool system of aks-test allows 47 pods per node; at least 63 leaves room for DaemonSets and bin-packing',
        },
      ],
    },
  ],
});

it('cni/max-pods-headroom cites the source of its 50 (PSRule Azure.AKS.NodeMinPods), not a Microsoft page without it', async () => {
  const rule = (await loadRules()).find((r) => r.meta.id === 'cni/max-pods-headroom')!;
  const urls = rule.meta.references.map((r) => r.url);
  expect(urls[0]).toBe('https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.NodeMinPods/');
  expect(urls).not.toContain('https://learn.microsoft.com/azure/aks/configure-azure-cni');
});

/**
 * A pool's verdict reads its maxPods and its cluster's CNI (the recommendation, and the default maxPods): an invalid
 * CNI holds it back; an invalid field of the pool it does not read (its zones) leaves it standing.
 */
describe('cni/max-pods-headroom with an invalid field', () => {
  const run = async (change: (b: ReturnType<typeof baseline>) => void) => {
    const b = baseline();
    for (const p of b.aks.nodePools) p.maxPods = 10;
    change(b);
    const r = await runRuleResult('cni/max-pods-headroom', b.arch);
    return { verdicts: r.findings.map((f) => f.messageId), held: [...new Set((r.unverified ?? []).map((u) => u.factPath))] };
  };
  it("an invalid CNI of the cluster holds back its pools' verdicts", async () => {
    expect(await run((b) => ((b.aks.network as unknown as Record<string, unknown>).cni = 'azure'))).toEqual({
      verdicts: [],
      held: ['clusters[0].network.cni'],
    });
  });
  it("a pool's invalid zones leave its verdict standing", async () => {
    expect(await run((b) => ((b.aks.nodePools[1] as unknown as Record<string, unknown>).zones = [4]))).toEqual({
      verdicts: ['lowMaxPods', 'lowMaxPods'],
      held: [],
    });
  });
});
