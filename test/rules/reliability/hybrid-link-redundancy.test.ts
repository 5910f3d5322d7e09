import { hybridConnection, onPremises, subnet, vnetGateway } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

/** The baseline hub with ExpressRoute and VPN gateways; `links` lists the connections to one site. */
function site(links: Array<'expressRoute' | 'vpn'>, activeActive?: boolean) {
  return () => {
    const b = baseline();
    const gwSubnet = subnet({ name: 'GatewaySubnet', cidr: '10.0.1.0/27', purpose: 'gateway' });
    mutable(b.hub.subnets).push(gwSubnet);
    const er = vnetGateway({ name: 'ergw-hub', type: 'expressRoute', subnet: gwSubnet, sku: 'ErGw1AZ' });
    const vpn = vnetGateway({
      name: 'vpngw-hub',
      type: 'vpn',
      subnet: gwSubnet,
      sku: 'VpnGw1AZ',
      ...(activeActive !== undefined ? { activeActive } : {}),
    });
    const dc = onPremises({ name: 'dc-frankfurt', addressSpace: ['192.168.50.0/24'] });
    b.arch.network.gateways = [er, vpn];
    b.arch.network.onPremises = [dc];
    b.arch.network.hybridConnections = links.map((t, i) =>
      hybridConnection({ name: `con-${t}-${i + 1}`, gateway: t === 'expressRoute' ? er : vpn, remote: dc }),
    );
    return b.arch;
  };
}

testRule('reliability/hybrid-link-redundancy', {
  valid: [
    { name: 'ExpressRoute with a VPN backup (2 links)', arch: site(['expressRoute', 'vpn']) },
    { name: 'two ExpressRoute circuits', arch: site(['expressRoute', 'expressRoute']) },
    { name: 'a site without any connection is another question', arch: site([]) },
  ],
  invalid: [
    {
      name: 'one ExpressRoute circuit (1 link, below 2)',
      arch: site(['expressRoute']),
      findings: [
        {
          messageId: 'singleLink',
          path: 'network.hybridConnections[0]',
          severity: 'warning',
          message:
            'on-premises network dc-frankfurt is reached only over con-expressRoute-1 (ExpressRoute); one provider or ' +
            'peering-location failure cuts it off — add a second ExpressRoute circuit or a site-to-site VPN as backup',
        },
      ],
    },
    {
      name: 'one VPN connection on an active-standby gateway (the platform default)',
      arch: site(['vpn']),
      findings: [
        {
          messageId: 'singleVpn',
          path: 'network.hybridConnections[0]',
          severity: 'warning',
          message:
            'on-premises network dc-frankfurt is reached only over con-vpn-1 on the active-standby VPN gateway ' +
            'vpngw-hub; a failover or maintenance of the active instance drops the tunnel — make the gateway ' +
            'active-active or add a second connection (ideally to a second on-premises VPN device)',
        },
      ],
    },
    {
      name: 'one VPN connection stated active-standby',
      arch: site(['vpn'], false),
      findings: [{ messageId: 'singleVpn', path: 'network.hybridConnections[0]', severity: 'warning' }],
    },
    {
      name: 'one VPN connection on an active-active gateway: two tunnels, one on-premises device',
      arch: site(['vpn'], true),
      findings: [
        {
          messageId: 'singleVpnActiveActive',
          path: 'network.hybridConnections[0]',
          severity: 'info',
          message: /active-active gateway vpngw-hub keeps two tunnels, but both end at the one on-premises device address of that connection/,
        },
      ],
    },
  ],
});
