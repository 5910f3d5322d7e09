import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { withOnPrem } from './_fixtures.js';
import { set, verdicts } from './_held.js';

function withCidrs(serviceCidr: string, podCidr = '192.168.0.0/16') {
  return () => {
    const b = baseline();
    b.aks.network.serviceCidr = serviceCidr;
    b.aks.network.dnsServiceIP = serviceCidr.replace(/\.0\/\d+$/, '.10');
    (b.aks.network as { podCidr?: string }).podCidr = podCidr;
    return b.arch;
  };
}

const PATH = 'clusters[0].network.serviceCidr';

testRule('address/service-cidr-overlap', {
  valid: [
    { name: 'the baseline', arch: withCidrs('172.16.0.0/16') },
    { name: 'just after the hub (10.0.4.0/22)', arch: withCidrs('10.0.4.0/22') },
    { name: 'just after the spoke (10.2.0.0/16)', arch: withCidrs('10.2.0.0/16') },
    { name: 'just before the pod CIDR (192.167.0.0/16)', arch: withCidrs('192.167.0.0/16') },
    { name: 'an on-premises range with no connection', arch: () => withOnPrem(['172.16.0.0/20'], false).arch },
  ],
  invalid: [
    {
      name: 'overlaps the hub VNet and the pod CIDR (in message order)',
      arch: withCidrs('10.0.0.0/16', '10.0.128.0/17'),
      findings: [
        {
          messageId: 'network',
          path: PATH,
          severity: 'error',
          message: 'service CIDR 10.0.0.0/16 of aks-test overlaps VNet vnet-hub (10.0.0.0/22); pods could not reach those addresses',
          evidence: { network: 'vnet-hub', networkCidr: '10.0.0.0/22' },
        },
        {
          messageId: 'podCidr',
          path: PATH,
          severity: 'error',
          message: 'service CIDR 10.0.0.0/16 of aks-test overlaps its pod CIDR 10.0.128.0/17',
          evidence: { serviceCidr: '10.0.0.0/16', podCidr: '10.0.128.0/17' },
        },
      ],
    },
    {
      name: 'the last /24 of the hub',
      arch: withCidrs('10.0.3.0/24'),
      findings: [
        {
          messageId: 'network',
          path: PATH,
          severity: 'error',
          message: 'service CIDR 10.0.3.0/24 of aks-test overlaps VNet vnet-hub (10.0.0.0/22); pods could not reach those addresses',
        },
      ],
    },
    {
      name: 'a connected on-premises range',
      arch: () => withOnPrem(['172.16.0.0/20']).arch,
      findings: [
        {
          messageId: 'network',
          path: PATH,
          severity: 'error',
          message:
            'service CIDR 172.16.0.0/16 of aks-test overlaps on-premises network dc-frankfurt (172.16.0.0/20); pods could not reach those addresses',
        },
      ],
    },
  ],
});

describe('address/service-cidr-overlap with an invalid field', () => {
  const run = (change: (b: ReturnType<typeof baseline>) => void) => {
    const b = baseline();
    b.aks.network.serviceCidr = '10.0.0.0/16';
    b.aks.network.dnsServiceIP = '10.0.0.10';
    change(b);
    return verdicts('address/service-cidr-overlap', b.arch);
  };
  const FINDINGS = [`network ${PATH}`];

  it("the overlapped VNet's invalid address space entry holds the verdict back", async () => {
    expect(await run(() => undefined)).toEqual({ findings: FINDINGS, held: [] });
    const r = await run((b) => set(b.hub, 'addressSpace', ['10.0.0.0/22', 42]));
    expect(r).toEqual({ findings: [], held: ['network.vnets[0].addressSpace[1]'] });
  });

  it("a pool's invalid zones, the hub's invalid flow logs or the cluster's invalid tier leave the verdicts standing", async () => {
    const change = (b: ReturnType<typeof baseline>) => {
      set(b.aks.nodePools[0]!, 'zones', [1, 2, 4]);
      set(b.hub, 'flowLogs', 'yes');
      set(b.aks, 'tier', 'premium');
    };
    expect(await run(change)).toEqual({ findings: FINDINGS, held: [] });
  });
});
