import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';

const PATH = 'network.firewalls[0].zones';

function firewall(zones: Array<1 | 2 | 3> | undefined, region?: string) {
  return () => {
    const b = baseline();
    b.firewall.zones = zones ?? [];
    if (region) b.hub.region = region;
    return b.arch;
  };
}

testRule('reliability/firewall-zones', {
  valid: [
    { name: 'a firewall in 3 zones', arch: () => baseline().arch },
    { name: 'two zones (the threshold)', arch: firewall([1, 2]) },
    { name: 'no zones in a region without zones', arch: firewall(undefined, 'northcentralus') },
  ],
  invalid: [
    {
      name: 'a firewall without zones',
      arch: firewall(undefined),
      findings: [
        {
          messageId: 'fewZones',
          path: PATH,
          severity: 'warning',
          message: 'Azure Firewall afw-hub in westeurope has no zones and carries egress of aks-test; spread it across at least 2 zones',
        },
      ],
    },
    {
      name: 'one zone in a newer zonal region (Belgium Central)',
      arch: firewall([1], 'belgiumcentral'),
      findings: [{ messageId: 'fewZones', path: PATH, severity: 'warning', message: /in belgiumcentral has zone 1/ }],
    },
    {
      name: 'a region the table does not know',
      arch: firewall(undefined, 'usgovtexas'),
      findings: [{ messageId: 'unknownRegion', path: PATH, severity: 'info' }],
    },
  ],
});

const ID = 'reliability/firewall-zones';

describe(`${ID}: unstated facts`, () => {
  it('does not judge unstated zones: one unverified check names them instead', async () => {
    const b = baseline();
    delete b.firewall.zones;
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['network.firewalls[0].zones']);
  });
});
