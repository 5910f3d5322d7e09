import { listedAddressCount } from '../../model/snat.js';
import { defineRule } from '../../validate/rule.js';

const KIND_LABEL = { azureFirewall: 'Azure Firewall', nva: 'network virtual appliance', natGateway: 'NAT gateway' } as const;

export default defineRule({
  meta: {
    id: 'structure/public-ip-count',
    title: "A device's listed public addresses fit its public IP count",
    severity: 'error',
    kind: 'structure',
    pillars: ['operational-excellence'],
    waf: ['OE:05'],
    rationale:
      'The public IP count of a firewall, NVA or NAT gateway says how many addresses its outbound traffic can leave with, ' +
      'and `publicIpAddresses` names them. A list naming more addresses than the count contradicts it: partners allow-list ' +
      'these addresses and an authorized-range check compares them, so one of the two is wrong. A shorter list is fine: it ' +
      'names only the addresses known so far, and aksnet counts the larger number.',
    fix: 'Make `publicIps` (and, for a NAT gateway, `publicIpPrefixLength`) match the addresses in `publicIpAddresses`, or remove the addresses the device does not have.',
    example:
      "azureFirewall({ name: 'afw-hub', tier: 'Standard', subnet: fwSubnet, privateIp: '10.0.0.4', publicIps: 2, publicIpAddresses: ['20.50.60.70', '20.50.60.71'] });",
    references: [
      {
        title: 'Deploy an Azure Firewall with multiple public IP addresses',
        url: 'https://learn.microsoft.com/azure/firewall/deploy-multi-public-ip-powershell',
      },
      { title: 'Azure NAT Gateway resource', url: 'https://learn.microsoft.com/azure/nat-gateway/nat-gateway-resource' },
    ],
    messages: {
      listExceedsCount:
        '{{device}} {{name}} lists {{listed}} public address{{listedPlural}} in publicIpAddresses but states {{count}} ' +
        '({{countField}}): the two contradict each other',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const r of ctx.model.resources) {
      if (r.kind !== 'azureFirewall' && r.kind !== 'nva' && r.kind !== 'natGateway') continue;
      // An AKS-managed NAT gateway lists no addresses; a count the normalizer filled in is no statement to contradict.
      const listed = listedAddressCount(r);
      if (listed === undefined) continue;
      const count = r.kind === 'natGateway' ? r.publicAddressCount : r.publicIps;
      const prefix = r.kind === 'natGateway' && r.publicIpPrefixLength !== undefined;
      if (q.isDefaulted(r.id, 'publicIps') && !prefix) continue;
      if (listed <= count) continue;
      ctx.report({
        messageId: 'listExceedsCount',
        data: {
          device: KIND_LABEL[r.kind],
          name: r.name,
          listed,
          listedPlural: listed === 1 ? '' : 'es',
          count,
          countField: prefix ? `publicIps ${r.publicIps} + a /${r.publicIpPrefixLength} prefix` : `publicIps ${r.publicIps}`,
        },
        element: r.id,
        property: 'publicIpAddresses',
        // The list and the count (a NAT gateway's count adds its prefix and follows its attached IP resources).
        reads: ['publicIpAddresses', 'publicIps', 'publicIpPrefixLength', 'publicIpResources'],
        evidence: { listed, count },
      });
    }
  },
});
