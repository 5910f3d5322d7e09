import { describe, expect, it } from 'vitest';
import { natGateway } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { runRuleResult } from '../../helpers/run-rule.js';

type Zones = Array<1 | 2 | 3>;

function fwNat(sku: 'Standard' | 'StandardV2' | undefined, fwZones: Zones | 'unstated' = [1, 2, 3], natZones?: Zones) {
  return () => {
    const b = baseline();
    if (fwZones === 'unstated') delete b.firewall.zones;
    else b.firewall.zones = fwZones;
    if (sku) b.fwSubnet.natGateway = natGateway({ name: 'ng-afw', sku, ...(natZones ? { zones: natZones } : {}) });
    return b.arch;
  };
}

testRule('reliability/firewall-nat-gateway-zones', {
  valid: [
    { name: 'no NAT gateway on the firewall subnet', arch: fwNat(undefined) },
    { name: 'a StandardV2 NAT gateway on a zone-redundant firewall', arch: fwNat('StandardV2') },
    { name: 'a Standard NAT gateway on a firewall in one zone (below the 2-zone threshold)', arch: fwNat('Standard', [1], [1]) },
    { name: 'firewall zones not stated (reliability/firewall-zones asks for them)', arch: fwNat('Standard', 'unstated') },
  ],
  invalid: [
    {
      name: 'a Standard NAT gateway in zone 1 on a firewall in 3 zones',
      arch: fwNat('Standard', [1, 2, 3], [1]),
      findings: [
        {
          messageId: 'zonalNatOnFirewall',
          path: 'network.vnets[0].subnets[0].natGateway.sku',
          severity: 'warning',
          message:
            'Azure Firewall afw-hub spans zones 1, 2, 3 but its egress leaves through NAT gateway ng-afw (Standard, zone 1), ' +
            'so one zone failure stops all its internet egress; use a StandardV2 NAT gateway',
        },
      ],
    },
    {
      name: 'a Standard NAT gateway without zones on a firewall in 2 zones (the threshold)',
      arch: fwNat('Standard', [1, 2]),
      findings: [{ messageId: 'zonalNatOnFirewall', path: 'network.vnets[0].subnets[0].natGateway.sku', severity: 'warning', message: /spans zones 1, 2 .*\(Standard, no zones\)/ }],
    },
  ],
});

/**
 * The verdict on the NAT gateway rests on the firewall's zones (dependsOn): an invalid zone there holds it back,
 * naming the field; an invalid field of the firewall the verdict does not read (its threat intelligence mode) leaves it
 * standing.
 */
describe('reliability/firewall-nat-gateway-zones with an invalid field of the firewall', () => {
  const run = async (change: (fw: Record<string, unknown>) => void) => {
    const b = baseline();
    b.fwSubnet.natGateway = natGateway({ name: 'ng-afw', sku: 'Standard', zones: [1] });
    change(b.firewall as unknown as Record<string, unknown>);
    const r = await runRuleResult('reliability/firewall-nat-gateway-zones', b.arch);
    return { verdicts: r.findings.map((f) => f.messageId), held: (r.unverified ?? []).map((u) => u.factPath) };
  };
  it("an invalid zone of the firewall holds back the NAT gateway's verdict", async () => {
    expect(await run((fw) => (fw.zones = [1, 2, 4]))).toEqual({ verdicts: [], held: ['network.firewalls[0].zones[2]'] });
  });
  it('an invalid threat intelligence mode leaves it standing', async () => {
    expect(await run((fw) => (fw.threatIntel = 'On'))).toEqual({ verdicts: ['zonalNatOnFirewall'], held: [] });
  });
});
