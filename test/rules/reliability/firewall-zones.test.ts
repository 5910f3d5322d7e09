import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'reliability/firewall-zones';

describe(ID, () => {
  it('passes for a firewall in 3 zones', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('reports a firewall without zones', async () => {
    const b = baseline();
    delete b.firewall.zones;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('Azure Firewall afw-hub in westeurope has no zones and carries egress of aks-test; spread it across at least 2 zones');
    expect(f[0]!.path).toBe('network.firewalls[0].zones');
  });
});
