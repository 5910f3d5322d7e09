import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { withOnPrem } from './_fixtures.js';

const ID = 'address/vnet-onprem-overlap';

describe(ID, () => {
  it('reports a spoke that overlaps a connected data centre as an error', async () => {
    const b = withOnPrem(['10.1.64.0/18']);
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('VNet vnet-spoke (10.1.0.0/16) overlaps on-premises network dc-frankfurt (10.1.64.0/18), which is connected');
    expect(f[0]!.path).toBe('network.vnets[1].addressSpace[0]');
    expect(f[0]!.severity).toBe('error');
  });

  it('reports an overlap with a not-yet-connected site as a warning', async () => {
    const b = withOnPrem(['10.0.0.0/8'], false);
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => x.path)).toEqual(['network.vnets[0].addressSpace[0]', 'network.vnets[0].addressSpace[1]', 'network.vnets[1].addressSpace[0]']);
    expect(f.every((x) => x.severity === 'warning')).toBe(true);
  });

  it('passes when on-premises ranges are disjoint', async () => {
    expect(await runRule(ID, withOnPrem(['192.168.100.0/22']).arch)).toEqual([]);
  });
});
