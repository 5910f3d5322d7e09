import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { staticBlock } from './_static.js';

const PATH = 'clusters[0].nodePools[0].maxPods';

testRule('cni/static-block-max-pods', {
  valid: [
    { name: '47 = 3 × 16 − 1', arch: () => staticBlock(47).arch },
    { name: '63 = 4 × 16 − 1', arch: () => staticBlock(63).arch },
  ],
  invalid: [
    {
      name: '40 reserves 3 blocks; the advice is 63, not 47 or 31 (below 50)',
      arch: () => staticBlock(40).arch,
      findings: [
        {
          messageId: 'partialBlock',
          path: PATH,
          severity: 'warning',
          message: 'node pool system of aks-test sets maxPods 40, which reserves 3 /28 blocks (48 addresses) per node; use 63 to fill the blocks',
        },
      ],
    },
    {
      name: '70 reserves 5 blocks; both neighbours are at least 50',
      arch: () => staticBlock(70).arch,
      findings: [{ messageId: 'partialBlock', path: PATH, severity: 'warning', message: /reserves 5 \/28 blocks \(80 addresses\) per node; use 79 \(or 63\) to fill/ }],
    },
    {
      name: '48 (one past 47) reserves 4 blocks',
      arch: () => staticBlock(48).arch,
      findings: [{ messageId: 'partialBlock', path: PATH, severity: 'warning', message: /reserves 4 \/28 blocks .* use 63 to fill/ }],
    },
    {
      name: '240 (one past 239) reserves 16 blocks; 255 is above the 250 AKS accepts, so only 239 is advised',
      arch: () => staticBlock(240).arch,
      findings: [{ messageId: 'partialBlock', path: PATH, severity: 'warning', message: /reserves 16 \/28 blocks \(256 addresses\) per node; use 239 to fill/ }],
    },
    {
      name: '238 (one below 239) reserves 15 blocks; both 239 and 223 are advised',
      arch: () => staticBlock(238).arch,
      findings: [{ messageId: 'partialBlock', path: PATH, severity: 'warning', message: /reserves 15 \/28 blocks .* use 239 \(or 223\) to fill/ }],
    },
  ],
});

describe('cni/static-block-max-pods and cni/max-pods-headroom agree', () => {
  it('following either rule\'s advice never trips the other (nor cni/max-pods-range), for maxPods 10–120 and 230–250', async () => {
    const values = [...Array.from({ length: 111 }, (_, i) => 10 + i), ...Array.from({ length: 21 }, (_, i) => 230 + i)];
    for (const maxPods of values) {
      const staticFindings = await runRule('cni/static-block-max-pods', staticBlock(maxPods).arch);
      const headroom = await runRule('cni/max-pods-headroom', staticBlock(maxPods).arch);
      const advice = [
        ...staticFindings.flatMap((f) => [...f.message.matchAll(/use (\d+)(?: \(or (\d+)\))?/g)].flatMap((m) => [m[1], m[2]])),
        ...headroom.map((f) => /at least (\d+)/.exec(f.message)?.[1]),
      ].filter((x): x is string => x !== undefined);
      for (const value of advice.map(Number)) {
        expect(await runRule('cni/static-block-max-pods', staticBlock(value).arch), `${maxPods} → ${value}`).toEqual([]);
        expect(await runRule('cni/max-pods-headroom', staticBlock(value).arch), `${maxPods} → ${value}`).toEqual([]);
        expect(await runRule('cni/max-pods-range', staticBlock(value).arch), `${maxPods} → ${value}`).toEqual([]);
      }
    }
  });
});
