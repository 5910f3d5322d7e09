import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule, runRuleResult } from '../../helpers/run-rule.js';

const ID = 'reliability/firewall-zones';

describe(ID, () => {
  it('passes for a firewall in 3 zones', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('does not judge unstated zones: one unverified check names them instead', async () => {
    const b = baseline();
    delete b.firewall.zones;
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['network.firewalls[0].zones']);
  });

  it('reports a firewall stated to have no zones, and one in a single zone', async () => {
    const b = baseline();
    b.firewall.zones = [1];
    expect(await runRule(ID, b.arch)).toHaveLength(1);
    b.firewall.zones = [];
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('Azure Firewall afw-hub in westeurope has no zones and carries egress of aks-test; spread it across at least 2 zones');
    expect(f[0]!.path).toBe('network.firewalls[0].zones');
  });
});
