import { defineRule } from '../../validate/rule.js';
import { zonesText } from '../egress/_egress.js';

export default defineRule({
  meta: {
    id: 'reliability/firewall-nat-gateway-zones',
    title: 'A NAT gateway on a zone-redundant firewall subnet is zone-redundant too',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale:
      'With a NAT gateway on AzureFirewallSubnet, all outbound internet traffic of the firewall leaves through the NAT ' +
      'gateway. A Standard NAT gateway lives in one zone (or none), so a firewall spread across zones still loses all ' +
      'internet egress when that zone fails; the StandardV2 SKU is zone-redundant.',
    fix: "Use a StandardV2 NAT gateway (with StandardV2 public IPs) on the firewall subnet.",
    example: "natGateway({ name: 'ng-afw', sku: 'StandardV2', publicIps: 2 });",
    references: [
      { title: 'Scale SNAT ports with Azure NAT Gateway (Azure Firewall)', url: 'https://learn.microsoft.com/azure/firewall/integrate-with-nat-gateway' },
      { title: 'Reliability in Azure NAT Gateway (StandardV2 zone redundancy)', url: 'https://learn.microsoft.com/azure/reliability/reliability-nat-gateway' },
    ],
    messages: {
      zonalNatOnFirewall:
        'Azure Firewall {{firewall}} spans {{fwZones}} but its egress leaves through NAT gateway {{nat}} (Standard, ' +
        '{{natZones}}), so one zone failure stops all its internet egress; use a StandardV2 NAT gateway',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const fw of q.all('azureFirewall')) {
      const natId = fw.natGateway ?? q.getAs(fw.subnet, 'subnet')?.natGateway;
      const nat = q.getAs(natId, 'natGateway');
      if (!nat || nat.sku !== 'Standard') continue;
      // A firewall pinned to one zone shares the NAT gateway's fate anyway; unstated zones are judged by firewall-zones.
      if (fw.zones === undefined || fw.zones.length < 2) continue;
      ctx.report({
        messageId: 'zonalNatOnFirewall',
        data: { firewall: fw.name, fwZones: zonesText(fw.zones), nat: nat.name, natZones: zonesText(nat.zones) },
        element: nat.id,
        property: 'sku',
        // The NAT gateway's SKU and zones; the firewall's zones and its NAT gateway (its own, or its subnet's).
        reads: ['sku', 'zones'],
        dependsOn: [
          { element: fw.id, reads: ['natGateway', 'subnet', 'zones'] },
          ...(fw.natGateway === undefined ? [{ element: fw.subnet, reads: ['natGateway'] }] : []),
        ],
        evidence: { firewall: fw.name, natGateway: nat.name, firewallZones: fw.zones.length },
      });
    }
  },
});
