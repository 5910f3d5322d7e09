import { defineRule } from '../../validate/rule.js';
import { zoneSupport } from '../../model/data/regions.js';
import { clustersVia, zonesText } from '../egress/_egress.js';
import { egressDeps, mergeDeps } from '../egress/_reads.js';

export default defineRule({
  meta: {
    id: 'reliability/firewall-zones',
    title: 'Azure Firewall spans at least two availability zones',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale: 'All forced-tunnelled egress (and any DNAT ingress) depends on the firewall. A firewall in one zone or none takes every cluster behind it offline when that zone fails; with several zones it also gets a higher SLA.',
    fix: 'Deploy the firewall with zones: [1, 2, 3] and zone-redundant public IPs.',
    example: "azureFirewall({ name: 'afw-hub', tier: 'Premium', subnet: fwSubnet, privateIp: '10.0.0.4', zones: [1, 2, 3] });",
    references: [
      { title: 'Deploy an Azure Firewall with availability zones', url: 'https://learn.microsoft.com/azure/firewall/deploy-availability-zone-powershell' },
      { title: 'Control egress traffic using Azure Firewall in AKS', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
      { title: 'Azure regions list (availability zone support)', url: 'https://learn.microsoft.com/azure/reliability/regions-list' },
    ],
    messages: {
      fewZones:
        'Azure Firewall {{firewall}} in {{region}} has {{zones}}{{carries}}; spread it across at least 2 zones',
      unknownRegion:
        '{{what}} has {{zones}} and its region {{region}} is not in aksnet\'s region table, so whether the region ' +
        'offers availability zones is unknown; if it does, spread it across zones',
    },
  },
  check(ctx) {
    for (const fw of ctx.q.all('azureFirewall')) {
      const region = ctx.q.vnetOf(fw.subnet)?.region;
      const support = zoneSupport(region);
      // The firewall's zones and subnet, and the region of the subnet's VNet.
      const reads = ['subnet', 'zones'];
      const vnet = ctx.q.vnetOf(fw.subnet);
      const dependsOn = vnet ? [{ element: vnet.id, reads: ['region'] }] : [];
      if (!region || support === 'non-zonal') continue;
      if (fw.zones === undefined) {
        ctx.unverified({ element: fw.id, property: 'zones', check: `Azure Firewall ${fw.name} survives the loss of a zone in ${region}`, reads });
        continue;
      }
      if (fw.zones.length >= 2) continue;
      if (support === 'unknown') {
        ctx.report({
          messageId: 'unknownRegion',
          severity: 'info',
          data: { what: `Azure Firewall ${fw.name}`, zones: zonesText(fw.zones), region },
          element: fw.id,
          property: 'zones',
          reads,
          dependsOn,
          evidence: { firewall: fw.name, zones: fw.zones.length, region },
        });
        continue;
      }
      const via = clustersVia(ctx.q, fw.id);
      const clusters = via.map((c) => c.name);
      ctx.report({
        messageId: 'fewZones',
        data: {
          firewall: fw.name,
          region,
          zones: zonesText(fw.zones),
          carries: clusters.length ? ` and carries egress of ${clusters.join(', ')}` : '',
        },
        element: fw.id,
        property: 'zones',
        reads,
        // The clusters named as carried: their egress paths lead here.
        dependsOn: mergeDeps([...dependsOn, ...via.flatMap((c) => egressDeps(ctx.q, c.id))], fw.id),
        evidence: { firewall: fw.name, zones: fw.zones.length, region: region ?? '' },
      });
    }
  },
});
