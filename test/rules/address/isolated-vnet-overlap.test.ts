import { describe, expect, it } from 'vitest';
import { vnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';
import { set, verdicts } from './_held.js';

/** The baseline plus an unconnected VNet. */
function withTools(addressSpace: string[], region: 'westeurope' | 'northeurope' = 'westeurope') {
  return () => {
    const b = baseline();
    mutable(b.arch.network.vnets).push(vnet({ name: 'vnet-tools', region, addressSpace, subnets: [] }));
    return b.arch;
  };
}

testRule('address/isolated-vnet-overlap', {
  valid: [
    { name: 'another region with the same range', arch: withTools(['10.1.0.0/16'], 'northeurope') },
    { name: 'a distinct range in the same region', arch: withTools(['10.9.0.0/16']) },
    { name: 'the range just after the spoke (10.2.0.0/16)', arch: withTools(['10.2.0.0/16']) },
    { name: 'the range just after the hub (10.0.4.0/22)', arch: withTools(['10.0.4.0/22']) },
    {
      name: 'overlapping but peered (one routing domain) is another rule',
      arch: () => {
        const b = baseline();
        b.spoke.addressSpace = ['10.0.0.0/16'];
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'an unconnected VNet in the same region reusing a spoke range',
      arch: withTools(['10.1.0.0/20']),
      findings: [
        {
          messageId: 'overlap',
          path: 'network.vnets[2].addressSpace[0]',
          severity: 'warning',
          message:
            'VNet vnet-tools (10.1.0.0/20) overlaps vnet-spoke (10.1.0.0/16) in westeurope; they can never be peered or routed to each other without re-addressing',
          evidence: { vnet: 'vnet-tools', other: 'vnet-spoke', region: 'westeurope' },
        },
      ],
    },
    {
      name: 'the last /24 of the spoke, in a second address space entry',
      arch: withTools(['10.9.0.0/16', '10.1.255.0/24']),
      findings: [
        {
          messageId: 'overlap',
          path: 'network.vnets[2].addressSpace[1]',
          severity: 'warning',
          message: /^VNet vnet-tools \(10\.1\.255\.0\/24\) overlaps vnet-spoke \(10\.1\.0\.0\/16\) in westeurope;/,
        },
      ],
    },
  ],
});

describe('address/isolated-vnet-overlap with an invalid field', () => {
  const FINDING = 'overlap network.vnets[2].addressSpace[0]';
  it("the other VNet's invalid address space entry holds the verdict back; its invalid flow logs do not", async () => {
    const tools = (change: (b: ReturnType<typeof baseline>) => void) => {
      const b = baseline();
      mutable(b.arch.network.vnets).push(vnet({ name: 'vnet-tools', region: 'westeurope', addressSpace: ['10.1.0.0/20'], subnets: [] }));
      change(b);
      return verdicts('address/isolated-vnet-overlap', b.arch);
    };
    expect(await tools((b) => set(b.spoke, 'addressSpace', ['10.1.0.0/16', 42]))).toEqual({ findings: [], held: ['network.vnets[1].addressSpace[1]'] });
    expect(await tools((b) => set(b.spoke, 'flowLogs', 'yes'))).toEqual({ findings: [FINDING], held: [] });
  });
});
