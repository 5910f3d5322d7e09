import { zoneSupport } from '../../model/data/regions.js';
import { defineRule } from '../../validate/rule.js';

/** Gateway SKUs that deploy across availability zones: the `…AZ` SKUs and the scalable ExpressRoute gateway. */
export function isZoneSku(sku: string): boolean {
  return /az$/i.test(sku) || /^ergwscale$/i.test(sku);
}

export default defineRule({
  meta: {
    id: 'reliability/gateway-zone-sku',
    title: 'VPN and ExpressRoute gateways in zonal regions use an availability-zone SKU',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale:
      'Only the availability-zone SKUs (VpnGw1AZ–VpnGw5AZ, ErGw1AZ–ErGw3AZ, ErGwScale) spread a virtual network ' +
      'gateway across zones; the other SKUs put every instance where the platform chooses, so one zone failure can ' +
      'take the hybrid connectivity of every spoke down with it.',
    fix: 'Deploy the gateway with the AZ SKU of the same size (for example VpnGw2AZ or ErGw1AZ), zone-redundant.',
    example:
      "const gatewaySubnet = subnet({ name: 'GatewaySubnet', cidr: '10.0.1.0/27', purpose: 'gateway' });\n" +
      "vnetGateway({ name: 'ergw-hub', type: 'expressRoute', subnet: gatewaySubnet, sku: 'ErGw1AZ' });",
    references: [
      {
        title: 'About zone-redundant virtual network gateways',
        url: 'https://learn.microsoft.com/azure/vpn-gateway/about-zone-redundant-vnet-gateways',
      },
      {
        title: 'Migrate to an availability-zone-enabled ExpressRoute gateway',
        url: 'https://learn.microsoft.com/azure/expressroute/gateway-migration',
      },
    ],
    messages: {
      nonZoneSku:
        '{{type}} gateway {{gateway}} in {{region}} uses SKU {{sku}}, which is not zone-redundant; use the AZ SKU ' +
        '(for example {{suggestion}})',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const g of q.all('vnetGateway')) {
      const region = q.vnetOf(g.subnet)?.region;
      if (zoneSupport(region) !== 'zonal') continue;
      const type = g.type === 'expressRoute' ? 'ExpressRoute' : 'VPN';
      // The gateway's type, SKU and subnet, and the region of the subnet's VNet.
      const reads = ['type', 'sku', 'subnet'];
      const vnet = q.vnetOf(g.subnet);
      if (g.sku === undefined) {
        ctx.unverified({
          element: g.id,
          property: 'sku',
          check: `${type} gateway ${g.name} survives the loss of a zone in ${region}`,
          fact: 'gateway SKU',
          reads,
        });
        continue;
      }
      if (isZoneSku(g.sku)) continue;
      const suggestion = g.type === 'expressRoute' ? 'ErGw1AZ' : /^vpngw\d$/i.test(g.sku) ? `${g.sku}AZ` : 'VpnGw1AZ';
      ctx.report({
        messageId: 'nonZoneSku',
        data: { type, gateway: g.name, region: region!, sku: g.sku, suggestion },
        element: g.id,
        property: 'sku',
        reads,
        dependsOn: vnet ? [{ element: vnet.id, reads: ['region'] }] : [],
        evidence: { gateway: g.name, sku: g.sku, region: region! },
      });
    }
  },
});
