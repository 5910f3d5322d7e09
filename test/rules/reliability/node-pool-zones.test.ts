import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';

const PATH = 'clusters[0].nodePools[1].zones';

/** The baseline in `region` with the user pool stated to have no zones. */
function appsWithoutZones(region?: string) {
  return () => {
    const b = baseline();
    if (region) b.aks.region = region;
    b.aks.nodePools[1]!.zones = [];
    return b.arch;
  };
}

testRule('reliability/node-pool-zones', {
  valid: [
    { name: 'every pool uses zones', arch: () => baseline().arch },
    { name: 'a region without zones (westcentralus)', arch: appsWithoutZones('westcentralus') },
  ],
  invalid: [
    {
      name: 'a pool without zones in a zonal region',
      arch: appsWithoutZones(),
      findings: [
        {
          messageId: 'noZones',
          path: PATH,
          severity: 'warning',
          message: 'node pool apps (user, up to 10 nodes) of cluster aks-test has no availability zones although westeurope has zones',
        },
      ],
    },
    {
      name: 'a newer zonal region the old hard-coded list missed (Austria East)',
      arch: appsWithoutZones('austriaeast'),
      findings: [{ messageId: 'noZones', path: PATH, severity: 'warning', message: /although austriaeast has zones$/ }],
    },
    {
      name: 'a region the table does not know is a note, not a verdict',
      arch: appsWithoutZones('usgovvirginia'),
      findings: [
        {
          messageId: 'unknownRegion',
          path: PATH,
          severity: 'info',
          message:
            "node pool apps of cluster aks-test has no zones and its region usgovvirginia is not in aksnet's region " +
            'table, so whether the region offers availability zones is unknown; if it does, spread it across zones',
        },
      ],
    },
  ],
});

const ID = 'reliability/node-pool-zones';

describe(`${ID}: unstated facts`, () => {
  it('does not judge unstated zones: one unverified check names them instead', async () => {
    const b = baseline();
    delete b.aks.nodePools[1]!.zones;
    const r = await runRuleResult(ID, b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['clusters[0].nodePools[1].zones']);
  });
});
