import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/normalize/normalize.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'egress/destination-route';

function withDestination(cidr: string, route?: (b: ReturnType<typeof baseline>) => void) {
  const b = baseline();
  b.aks.egressDestinations = [{ name: 'partner-api', cidr, port: 443, protocol: 'https', category: 'partner' }];
  route?.(b);
  return b;
}

const PATH = 'clusters[0].egressDestinations[0].cidr';

testRule(ID, {
  valid: [
    { name: 'a public destination that follows 0.0.0.0/0 through the firewall', arch: () => withDestination('203.0.113.0/24').arch },
    { name: 'a destination inside a peered VNet (system VNetPeering route)', arch: () => withDestination('10.0.1.0/24').arch },
    {
      name: 'a user route for the range to the firewall fixes the None drop',
      arch: () =>
        withDestination('192.168.50.0/24', (b) => mutable(b.rt.routes).push({ name: 'onprem-via-fw', prefix: '192.168.0.0/16', nextHop: b.firewall })).arch,
    },
    {
      name: 'an Internet route for a destination of a cluster without an appliance',
      arch: () =>
        withDestination('203.0.113.0/24', (b) => {
          b.aks.outbound = { type: 'loadBalancer' };
          delete b.nodes.routeTable;
        }).arch,
    },
  ],
  invalid: [
    {
      name: 'a private destination outside every VNet that the reserved None route drops',
      arch: () => withDestination('192.168.50.0/24').arch,
      findings: [
        {
          messageId: 'dropped',
          path: PATH,
          severity: 'error',
          message:
            'egress destination partner-api (192.168.50.0/24) of cluster aks-test is dropped: the effective route of node subnet snet-nodes for it is None (the system None route)',
          evidence: { destination: 'partner-api', cidr: '192.168.50.0/24', subnet: 'snet-nodes', nextHopType: 'None' },
        },
      ],
    },
    {
      name: 'a more specific user route to the Internet that bypasses the firewall',
      arch: () =>
        withDestination('203.0.113.0/24', (b) =>
          mutable(b.rt.routes).push({ name: 'partner-direct', prefix: '203.0.113.0/24', nextHop: { type: 'Internet' } }),
        ).arch,
      findings: [
        {
          messageId: 'bypassesAppliance',
          path: PATH,
          severity: 'warning',
          message:
            "egress destination partner-api (203.0.113.0/24) of cluster aks-test bypasses afw-hub: route partner-direct in rt-egress sends it straight to the Internet from node subnet snet-nodes, while the cluster's other egress goes through the appliance",
          evidence: { appliance: 'afw-hub' },
        },
      ],
    },
  ],
});

describe(`${ID}: the model behind it`, () => {
  it('records the system VNetPeering route for a destination in a peered VNet', () => {
    const path = normalize(withDestination('10.0.1.0/24').arch).model.egressPaths[0]!;
    expect(path.destinationRoutes).toEqual([
      { destination: 'egressDestination:aks-test/partner-api', subnet: 'subnet:vnet-spoke/snet-nodes', nextHopType: 'VNetPeering', source: 'Default', nextHopResource: 'vnet:vnet-hub' },
    ]);
  });

  it('draws the egress edge of a bypassing destination straight from the cluster', () => {
    const b = withDestination('203.0.113.0/24', (x) =>
      mutable(x.rt.routes).push({ name: 'partner-direct', prefix: '203.0.113.0/24', nextHop: { type: 'Internet' } }),
    );
    const edge = normalize(b.arch).model.edges.find((e) => e.id === 'egress:aks-test->egressDestination:aks-test/partner-api');
    expect(edge).toMatchObject({ from: 'cluster:aks-test', label: 'https:443 Internet' });
  });
});
