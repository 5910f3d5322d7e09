import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'reliability/hybrid-link-redundancy',
    title: 'Each on-premises network is reached over at least two hybrid links',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale:
      'A single ExpressRoute circuit or VPN tunnel is a single point of failure for everything the clusters reach ' +
      'on-premises (and for private API-server access from there): a provider outage, a peering-location failure or ' +
      'maintenance cuts the site off. A second ExpressRoute circuit in another peering location, or a site-to-site VPN ' +
      'as a backup path for ExpressRoute, keeps the site reachable.',
    fix:
      'For a site reached over one ExpressRoute circuit: add another circuit (ideally in a different peering ' +
      'location) or a site-to-site VPN that takes over when the circuit fails. For a site reached over one VPN ' +
      'connection: make the VPN gateway active-active and add a second connection to a second on-premises VPN device.',
    example:
      "const datacenter = onPremises({ name: 'dc-frankfurt', addressSpace: ['192.168.50.0/24'] });\n" +
      "const gatewaySubnet = subnet({ name: 'GatewaySubnet', cidr: '10.0.1.0/27', purpose: 'gateway' });\n" +
      "const erGateway = vnetGateway({ name: 'ergw-hub', type: 'expressRoute', subnet: gatewaySubnet, sku: 'ErGw1AZ' });\n" +
      "const vpnGateway = vnetGateway({ name: 'vpngw-hub', type: 'vpn', subnet: gatewaySubnet, sku: 'VpnGw1AZ' });\n" +
      "hybridConnection({ name: 'con-er', gateway: erGateway, remote: datacenter });\n" +
      "hybridConnection({ name: 'con-vpn-backup', gateway: vpnGateway, remote: datacenter });",
    references: [
      {
        title: 'Designing for high availability with ExpressRoute',
        url: 'https://learn.microsoft.com/azure/expressroute/designing-for-high-availability-with-expressroute',
      },
      {
        title: 'About active-active mode VPN gateways',
        url: 'https://learn.microsoft.com/azure/vpn-gateway/about-active-active-gateways',
      },
      {
        title: 'Using S2S VPN as a backup for ExpressRoute private peering',
        url: 'https://learn.microsoft.com/azure/expressroute/use-s2s-vpn-as-backup-for-expressroute-privatepeering',
      },
    ],
    messages: {
      singleLink:
        'on-premises network {{site}} is reached only over {{connection}} ({{type}}); one provider or peering-location ' +
        'failure cuts it off — add a second ExpressRoute circuit or a site-to-site VPN as backup',
      singleVpn:
        'on-premises network {{site}} is reached only over {{connection}} on the active-standby VPN gateway ' +
        '{{gateway}}; a failover or maintenance of the active instance drops the tunnel — make the gateway ' +
        'active-active or add a second connection (ideally to a second on-premises VPN device)',
      singleVpnActiveActive:
        'on-premises network {{site}} is reached only over {{connection}}; the active-active gateway {{gateway}} ' +
        'keeps two tunnels, but both end at the one on-premises device address of that connection (its local network ' +
        'gateway): unless that device is redundant behind its address, it is a single point of failure — a second device ' +
        'with its own connection removes it',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const links = q.all('hybridConnection');
    for (const site of q.all('onPremises')) {
      const mine = links.filter((h) => h.remote === site.id);
      if (mine.length !== 1) continue;
      const h = mine[0]!;
      const gw = q.getAs(h.gateway, 'vnetGateway');
      const common = {
        element: h.id,
        // The link's site, type and gateway; the gateway's active-active setting; every other link's site (none is
        // this one's second).
        reads: ['remote', 'type', 'gateway'],
        dependsOn: [
          ...(gw ? [{ element: gw.id, reads: ['activeActive', 'type'] }] : []),
          ...links.filter((o) => o !== h).map((o) => ({ element: o.id, reads: ['remote'] })),
        ],
        evidence: { site: site.name, links: 1 },
      };
      if (h.type === 'expressRoute' || !gw) {
        ctx.report({
          ...common,
          messageId: 'singleLink',
          data: { site: site.name, connection: h.name, type: h.type === 'expressRoute' ? 'ExpressRoute' : 'VPN' },
        });
      } else if (gw.activeActive) {
        // Both gateway instances hold a tunnel to the device: the Azure side survives an instance failure.
        ctx.report({
          ...common,
          severity: 'info',
          messageId: 'singleVpnActiveActive',
          data: { site: site.name, connection: h.name, gateway: gw.name },
        });
      } else {
        ctx.report({
          ...common,
          messageId: 'singleVpn',
          data: { site: site.name, connection: h.name, gateway: gw.name },
        });
      }
    }
  },
});
