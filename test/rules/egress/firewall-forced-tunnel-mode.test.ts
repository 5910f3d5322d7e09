import { routeTable, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

type Hop = { type: 'Internet' } | { type: 'VirtualNetworkGateway' } | { type: 'VirtualAppliance'; address: string } | { type: 'None' };

function fwRoute(nextHop: Hop | undefined, forced = false, prefix = '0.0.0.0/0') {
  return () => {
    const b = baseline();
    if (nextHop) b.fwSubnet.routeTable = routeTable({ name: 'rt-afw', routes: [{ name: 'default', prefix, nextHop }] });
    if (forced) {
      const mgmt = subnet({ name: 'AzureFirewallManagementSubnet', cidr: '10.0.0.64/26' });
      mutable(b.hub.subnets).push(mgmt);
      b.firewall.management = { subnet: mgmt };
      b.firewall.forcedTunneling = true;
    }
    return b.arch;
  };
}

const PATH = 'network.vnets[0].subnets[0].routeTable.routes[0].nextHop';

testRule('egress/firewall-forced-tunnel-mode', {
  valid: [
    { name: 'no route table on the firewall subnet', arch: fwRoute(undefined) },
    { name: '0.0.0.0/0 to Internet', arch: fwRoute({ type: 'Internet' }) },
    { name: 'a narrower prefix to an appliance', arch: fwRoute({ type: 'VirtualAppliance', address: '192.168.0.4' }, false, '0.0.0.0/1') },
    { name: 'forced-tunnel mode with 0.0.0.0/0 to the gateway', arch: fwRoute({ type: 'VirtualNetworkGateway' }, true) },
  ],
  invalid: [
    {
      name: '0.0.0.0/0 to the VPN gateway without forced-tunnel mode',
      arch: fwRoute({ type: 'VirtualNetworkGateway' }),
      findings: [
        {
          messageId: 'defaultRouteWithoutForcedTunnel',
          path: PATH,
          severity: 'error',
          message:
            'the subnet of Azure Firewall afw-hub routes 0.0.0.0/0 to VirtualNetworkGateway (route table rt-afw, route default) ' +
            'but the firewall is not in forced-tunnel mode, so it loses the direct internet access it needs',
        },
      ],
    },
    {
      name: '0.0.0.0/0 to an on-premises appliance',
      arch: fwRoute({ type: 'VirtualAppliance', address: '192.168.0.4' }),
      findings: [{ messageId: 'defaultRouteWithoutForcedTunnel', path: PATH, severity: 'error', message: /to VirtualAppliance 192\.168\.0\.4 / }],
    },
  ],
});
