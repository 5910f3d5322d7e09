import { describe, expect, it } from 'vitest';
import { vnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/isolated-vnet-overlap';

describe(ID, () => {
  it('reports an unconnected VNet in the same region that reuses a spoke range', async () => {
    const b = baseline();
    b.arch.network.vnets.push(vnet({ name: 'vnet-tools', region: 'westeurope', addressSpace: ['10.1.0.0/20'], subnets: [] }));
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('VNet vnet-tools (10.1.0.0/20) overlaps vnet-spoke (10.1.0.0/16) in westeurope');
    expect(f[0]!.path).toBe('network.vnets[2].addressSpace[0]');
    expect(f[0]!.severity).toBe('warning');
  });

  it('passes for another region or a distinct range', async () => {
    const b = baseline();
    b.arch.network.vnets.push(vnet({ name: 'vnet-dr', region: 'northeurope', addressSpace: ['10.1.0.0/16'], subnets: [] }));
    b.arch.network.vnets.push(vnet({ name: 'vnet-tools', region: 'westeurope', addressSpace: ['10.9.0.0/16'], subnets: [] }));
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
