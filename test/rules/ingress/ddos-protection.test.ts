import { describe, expect, it } from 'vitest';
import { ddosProtectionPlan, publicIp } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/ddos-protection';

describe(ID, () => {
  it('passes when the spoke has a DDoS plan', async () => {
    const b = baseline();
    b.spoke.ddosProtectionPlan = ddosProtectionPlan({ name: 'ddos' });
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('passes for a private-only App Gateway', async () => {
    const b = baseline();
    b.appGw.frontend = 'private';
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('reports a public App Gateway in a VNet without a plan', async () => {
    const f = await runRule(ID, baseline().arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('public Application Gateway agw-test has a public IP in VNet vnet-spoke, which has no DDoS Network Protection plan');
    expect(f[0]!.path).toBe('network.vnets[1].ddosProtectionPlan');
  });

  it("passes when the gateway's public IP has DDoS IP Protection, and reports it when that is off or not stated", async () => {
    const b = baseline();
    b.appGw.publicIp = publicIp({ name: 'pip-agw', ddosIpProtection: true });
    expect(await runRule(ID, b.arch)).toEqual([]);
    b.appGw.publicIp = publicIp({ name: 'pip-agw', ddosIpProtection: false });
    expect(await runRule(ID, b.arch)).toHaveLength(1);
    b.appGw.publicIp = publicIp({ name: 'pip-agw' });
    expect(await runRule(ID, b.arch)).toHaveLength(1);
  });
});
