import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/vnet-size';

describe(ID, () => {
  it('reports a /7 address space', async () => {
    const b = baseline();
    b.spoke.addressSpace = ['10.1.0.0/16', '100.0.0.0/7'];
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('VNet vnet-spoke address space 100.0.0.0/7 is a /7; Azure allows at most a /8');
    expect(f[0]!.path).toBe('network.vnets[1].addressSpace[1]');
  });

  it('passes a /8 and the baseline', async () => {
    const b = baseline();
    b.spoke.addressSpace = ['10.0.0.0/8'];
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
