import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'egress/outbound-vnet-mode',
    title: 'Outbound type matches the VNet model (managed NAT needs an AKS-managed VNet; user NAT and UDR need your own VNet)',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:03', 'SE:06'],
    rationale:
      'AKS only creates a managed NAT gateway inside the VNet it manages itself. A user-assigned NAT gateway and user-defined routing are the opposite: they work on subnets you own, prepared before the cluster is created. Azure rejects the other combinations.',
    fix: 'With your own VNet use userAssignedNATGateway (associate the NAT gateway with the node subnets) or userDefinedRouting; keep managedNATGateway for clusters in an AKS-managed VNet.',
    example: [
      "const nat = natGateway({ name: 'ng-aks', publicIps: 2, zones: [1] });",
      "const nodes = subnet({ name: 'snet-nodes', cidr: '10.1.0.0/22', natGateway: nat });",
      "cluster({ /* … */ outbound: { type: 'userAssignedNATGateway', natGateway: nat } });",
    ].join('\n'),
    references: [
      { title: 'Create a managed or user-assigned NAT gateway for your AKS cluster', url: 'https://learn.microsoft.com/azure/aks/nat-gateway' },
      { title: 'Customize cluster egress with outbound types', url: 'https://learn.microsoft.com/azure/aks/egress-outboundtype' },
    ],
    messages: {
      managedNatInOwnVnet:
        'cluster {{cluster}} uses outbound type {{outboundType}} but its {{count}} node subnet{{plural}} ' +
        '({{subnets}}) are in your own VNet; a managed NAT gateway is only available in an AKS-managed VNet (use ' +
        'userAssignedNATGateway)',
      ownVnetTypeInManagedVnet:
        'cluster {{cluster}} uses outbound type {{outboundType}} in an AKS-managed VNet; {{outboundType}} needs ' +
        'your own VNet with the {{part}} associated with the node subnets before the cluster is created',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const t = c.outbound.type;
      if ((t === 'managedNATGateway' || t === 'managedNATGatewayV2') && !c.managedVnet) {
        const subnets = ctx.q.nodeSubnets(c.id).map((s) => s.name);
        ctx.report({
          messageId: 'managedNatInOwnVnet',
          data: {
            cluster: c.name,
            outboundType: t,
            count: subnets.length,
            plural: subnets.length === 1 ? '' : 's',
            subnets: subnets.join(', ') || 'none',
          },
          element: c.id,
          property: 'outbound',
          // The outbound type and VNet mode; the pools' subnets, named in the message.
          reads: ['outbound.type', 'managedVnet', 'nodePools'],
          dependsOn: ctx.q.pools(c.id).map((p) => ({ element: p.id, reads: ['subnet'] })),
          evidence: { cluster: c.name, outboundType: t, managedVnet: false },
        });
      } else if ((t === 'userAssignedNATGateway' || t === 'userDefinedRouting') && c.managedVnet) {
        ctx.report({
          messageId: 'ownVnetTypeInManagedVnet',
          data: { cluster: c.name, outboundType: t, part: t === 'userDefinedRouting' ? 'route table' : 'NAT gateway' },
          element: c.id,
          property: 'outbound',
          reads: ['outbound.type', 'managedVnet'],
          evidence: { cluster: c.name, outboundType: t, managedVnet: true },
        });
      }
    }
  },
});
