import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'egress/nat-gateway-subnet-association',
    title: 'A user-assigned NAT gateway is associated with every node subnet',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:02', 'SE:06'],
    rationale:
      'With outbound type userAssignedNATGateway AKS does not create any egress of its own; it expects the NAT gateway to already be associated with each node subnet. A node subnet without it (or with a different NAT gateway) leaves its nodes on another egress path or none.',
    fix: 'Set natGateway on every node subnet to the NAT gateway named in the cluster outbound setting.',
    example: [
      "const nat = natGateway({ name: 'ng-aks', publicIps: 2 });",
      "const nodes = subnet({ name: 'snet-nodes', cidr: '10.1.0.0/22', natGateway: nat });",
      "cluster({ /* … */ outbound: { type: 'userAssignedNATGateway', natGateway: nat } });",
    ].join('\n'),
    references: [
      { title: 'Create a managed or user-assigned NAT gateway for your AKS cluster', url: 'https://learn.microsoft.com/azure/aks/nat-gateway' },
    ],
    messages: {
      otherNatGateway:
        'node subnet {{subnet}} of cluster {{cluster}} is associated with NAT gateway {{subnetNat}}, not ' +
        "{{natGateway}} named in the cluster's userAssignedNATGateway outbound",
      noNatGateway:
        "node subnet {{subnet}} of cluster {{cluster}} has no NAT gateway, but the cluster's outbound type " +
        'userAssignedNATGateway expects {{natGateway}} on every node subnet',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      if (c.outbound.type !== 'userAssignedNATGateway' || !c.outbound.natGateway) continue;
      const natId = c.outbound.natGateway;
      const natName = q.name(natId);
      for (const s of q.nodeSubnets(c.id)) {
        if (s.natGateway === natId) continue;
        ctx.report({
          messageId: s.natGateway ? 'otherNatGateway' : 'noNatGateway',
          data: {
            subnet: s.name,
            cluster: c.name,
            subnetNat: s.natGateway ? q.name(s.natGateway) : 'none',
            natGateway: natName,
          },
          element: s.id,
          property: 'natGateway',
          // The subnet's NAT gateway; the cluster's outbound NAT gateway and pools; the pools that place it.
          reads: ['natGateway'],
          dependsOn: [
            { element: c.id, reads: ['outbound.type', 'outbound.natGateway', 'nodePools'] },
            ...q.pools(c.id).filter((p) => p.subnet === s.id).map((p) => ({ element: p.id, reads: ['subnet'] })),
          ],
          evidence: { cluster: c.name, subnet: s.name, natGateway: natName },
        });
      }
    }
  },
});
