import { nsg, routeTable } from '../../../dsl/index.js';
import { testRule } from '../../helpers/rule-tester.js';
import { withOnPrem } from './_fixtures.js';

const GW = 'network.vnets[0].subnets[1]';

function gateway(change: (b: ReturnType<typeof withOnPrem>) => void) {
  return () => {
    const b = withOnPrem();
    change(b);
    return b.arch;
  };
}

testRule('address/gateway-subnet-config', {
  valid: [
    { name: 'GatewaySubnet without NSG or route table', arch: gateway(() => {}) },
    {
      name: 'a route table with a specific prefix only (0.0.0.0/1 is not the default route)',
      arch: gateway((b) => {
        b.gwSubnet.routeTable = routeTable({
          name: 'rt-gw',
          routes: [
            { name: 'spoke-via-fw', prefix: '10.1.0.0/16', nextHop: b.firewall },
            { name: 'half', prefix: '0.0.0.0/1', nextHop: b.firewall },
          ],
        });
      }),
    },
  ],
  invalid: [
    {
      name: 'an NSG on GatewaySubnet',
      arch: gateway((b) => {
        b.gwSubnet.nsg = nsg({ name: 'nsg-gw' });
      }),
      findings: [
        {
          messageId: 'nsg',
          path: `${GW}.nsg`,
          severity: 'error',
          message:
            'GatewaySubnet GatewaySubnet in VNet vnet-hub has NSG nsg-gw; an NSG on the gateway subnet is not ' +
            'supported and stops the gateway working',
        },
      ],
    },
    {
      name: 'a 0.0.0.0/0 route to the firewall on GatewaySubnet',
      arch: gateway((b) => {
        b.gwSubnet.routeTable = routeTable({
          name: 'rt-gw',
          routes: [
            { name: 'spoke-via-fw', prefix: '10.1.0.0/16', nextHop: b.firewall },
            { name: 'default', prefix: '0.0.0.0/0', nextHop: b.firewall },
          ],
        });
      }),
      findings: [
        {
          messageId: 'defaultRoute',
          path: `${GW}.routeTable.routes[1]`,
          severity: 'error',
          message:
            'GatewaySubnet GatewaySubnet in VNet vnet-hub uses route table rt-gw with a 0.0.0.0/0 route (default to ' +
            'VirtualAppliance); a default route on the gateway subnet is not supported',
        },
      ],
    },
  ],
});
