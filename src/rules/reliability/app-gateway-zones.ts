import { defineRule } from '../../validate/rule.js';
import { zoneSupport } from '../../model/data/regions.js';
import { zonesText } from '../egress/_egress.js';

export default defineRule({
  meta: {
    id: 'reliability/app-gateway-zones',
    title: 'Application Gateway v2 spans availability zones',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale: 'The gateway is the single entry of every path behind it. Spread across zones, its instances survive a zone outage; pinned to one zone or none, an outage there stops all ingress.',
    fix: 'Deploy the v2 gateway with zones: [1, 2, 3] (zones are chosen at creation).',
    example: "applicationGateway({ name: 'agw', sku: 'WAF_v2', subnet: appGwSubnet, frontend: 'public', management: 'standalone', zones: [1, 2, 3], minCapacity: 2 });",
    references: [
      { title: 'Reliability in Azure Application Gateway v2', url: 'https://learn.microsoft.com/azure/reliability/reliability-application-gateway-v2' },
      { title: 'Migrate Application Gateway to availability zone support', url: 'https://learn.microsoft.com/azure/reliability/migrate-app-gateway-v2' },
      { title: 'Azure regions list (availability zone support)', url: 'https://learn.microsoft.com/azure/reliability/regions-list' },
    ],
    messages: {
      fewZones: 'Application Gateway {{gateway}} ({{sku}}) in {{region}} has {{zones}}; spread it across at least 2 zones',
      unknownRegion:
        '{{what}} has {{zones}} and its region {{region}} is not in aksnet\'s region table, so whether the region ' +
        'offers availability zones is unknown; if it does, spread it across zones',
    },
  },
  check(ctx) {
    for (const g of ctx.q.all('applicationGateway')) {
      if (g.sku !== 'Standard_v2' && g.sku !== 'WAF_v2') continue;
      const region = ctx.q.vnetOf(g.subnet)?.region;
      const support = zoneSupport(region);
      // The SKU, zones and subnet of the gateway, and the region of the subnet's VNet.
      const reads = ['sku', 'subnet', 'zones'];
      const vnet = ctx.q.vnetOf(g.subnet);
      const dependsOn = vnet ? [{ element: vnet.id, reads: ['region'] }] : [];
      if (!region || support === 'non-zonal') continue;
      if (g.zones === undefined) {
        ctx.unverified({ element: g.id, property: 'zones', check: `Application Gateway ${g.name} survives the loss of a zone in ${region}`, reads });
        continue;
      }
      if (g.zones.length >= 2) continue;
      if (support === 'unknown') {
        ctx.report({
          messageId: 'unknownRegion',
          severity: 'info',
          data: { what: `Application Gateway ${g.name}`, zones: zonesText(g.zones), region },
          element: g.id,
          property: 'zones',
          reads,
          dependsOn,
          evidence: { gateway: g.name, zones: g.zones.length, region },
        });
        continue;
      }
      ctx.report({
        messageId: 'fewZones',
        data: { gateway: g.name, sku: g.sku, region, zones: zonesText(g.zones) },
        element: g.id,
        property: 'zones',
        reads,
        dependsOn,
        evidence: { gateway: g.name, zones: g.zones.length, region: region ?? '' },
      });
    }
  },
});
