import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

const PATH = 'network.firewalls[0].zones';

function firewall(zones: Array<1 | 2 | 3> | undefined, region?: string) {
  return () => {
    const b = baseline();
    if (zones) b.firewall.zones = zones;
    else delete b.firewall.zones;
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
