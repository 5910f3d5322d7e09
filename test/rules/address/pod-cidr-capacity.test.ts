import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { set, verdicts } from './_held.js';

/** The baseline (system 3–5 and apps 3–`appsMax` nodes, one surge node each) with an overlay pod CIDR. */
function sized(podCidr: string, appsMax = 10) {
  return () => {
    const b = baseline();
    (b.aks.network as { podCidr?: string }).podCidr = podCidr;
    b.aks.nodePools[1]!.maxCount = appsMax;
    return b.arch;
  };
}

const tooSmall = (podCidr: string, blocks: number, nodes: number, needed: number) => ({
  messageId: 'tooSmall',
  path: 'clusters[0].network.podCidr',
  severity: 'error' as const,
  message: `pod CIDR ${podCidr} of aks-test holds ${blocks} node /24 blocks; at max scale ${nodes} nodes + 2 surge need ${needed}`,
  evidence: { podCidr, blocks, needed },
});

testRule('address/pod-cidr-capacity', {
  valid: [
    { name: 'the baseline /16', arch: sized('192.168.0.0/16') },
    { name: 'a /19 (32 blocks) for 17 nodes', arch: sized('192.168.0.0/19') },
    { name: 'a /20 (16 blocks) for exactly 14 + 2 surge = 16 nodes', arch: sized('192.168.0.0/20', 9) },
  ],
  invalid: [
    { name: 'a /21 (8 blocks) for 17 nodes', arch: sized('192.168.0.0/21'), findings: [tooSmall('192.168.0.0/21', 8, 15, 17)] },
    { name: 'a /20 (16 blocks) for 17 nodes (one too many)', arch: sized('192.168.0.0/20', 10), findings: [tooSmall('192.168.0.0/20', 16, 15, 17)] },
  ],
});

describe('address/pod-cidr-capacity with an invalid field', () => {
  const run = (change: (b: ReturnType<typeof baseline>) => void) => {
    const b = baseline();
    (b.aks.network as { podCidr?: string }).podCidr = '192.168.0.0/21';
    change(b);
    return verdicts('address/pod-cidr-capacity', b.arch);
  };
  const FINDING = 'tooSmall clusters[0].network.podCidr';

  it("a pool's invalid maxSurge (the default stands in) or the cluster's invalid CNI holds the verdict back", async () => {
    expect(await run((b) => set(b.aks.nodePools[1]!, 'maxSurge', 'one'))).toEqual({ findings: [], held: ['clusters[0].nodePools[1].maxSurge'] });
    expect(await run((b) => set(b.aks.network, 'cni', 'kubenet-overlay'))).toEqual({ findings: [], held: ['clusters[0].network.cni'] });
  });

  it("a pool's invalid zones or the cluster's invalid data plane leave it standing", async () => {
    const change = (b: ReturnType<typeof baseline>) => {
      set(b.aks.nodePools[0]!, 'zones', [1, 2, 4]);
      set(b.aks.network, 'dataplane', 'Cilium');
    };
    expect(await run(change)).toEqual({ findings: [FINDING], held: [] });
  });
});
