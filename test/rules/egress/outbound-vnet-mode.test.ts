import { natGateway } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

type Outbound = NonNullable<ReturnType<typeof baseline>['aks']['outbound']>;

function withOutbound(outbound: Outbound | 'userAssignedNAT', managedVnet: boolean) {
  return () => {
    const b = baseline();
    b.aks.outbound = outbound === 'userAssignedNAT' ? { type: 'userAssignedNATGateway', natGateway: natGateway({ name: 'ng', publicIps: 1 }) } : outbound;
    b.aks.managedVnet = managedVnet;
    return b.arch;
  };
}

const managedNat = (t: string) => ({
  messageId: 'managedNatInOwnVnet',
  path: 'clusters[0].outbound',
  severity: 'error' as const,
  message: `cluster aks-test uses outbound type ${t} but its 1 node subnet (snet-nodes) are in your own VNet; a managed NAT gateway is only available in an AKS-managed VNet (use userAssignedNATGateway)`,
  evidence: { cluster: 'aks-test', outboundType: t, managedVnet: false },
});

testRule('egress/outbound-vnet-mode', {
  valid: [
    { name: 'UDR in a BYO VNet', arch: () => baseline().arch },
    { name: 'managed NAT in a managed VNet', arch: withOutbound({ type: 'managedNATGateway', outboundIps: 2 }, true) },
    { name: 'managed NAT v2 in a managed VNet', arch: withOutbound({ type: 'managedNATGatewayV2', outboundIps: 2 }, true) },
    { name: 'loadBalancer in a managed VNet', arch: withOutbound({ type: 'loadBalancer' }, true) },
  ],
  invalid: [
    { name: 'managedNATGateway with a BYO VNet', arch: withOutbound({ type: 'managedNATGateway', outboundIps: 2 }, false), findings: [managedNat('managedNATGateway')] },
    { name: 'managedNATGatewayV2 with a BYO VNet', arch: withOutbound({ type: 'managedNATGatewayV2', outboundIps: 2 }, false), findings: [managedNat('managedNATGatewayV2')] },
    {
      name: 'userDefinedRouting in an AKS-managed VNet',
      arch: () => {
        const b = baseline();
        b.aks.managedVnet = true;
        return b.arch;
      },
      findings: [
        {
          messageId: 'ownVnetTypeInManagedVnet',
          path: 'clusters[0].outbound',
          severity: 'error',
          message:
            'cluster aks-test uses outbound type userDefinedRouting in an AKS-managed VNet; userDefinedRouting needs your own VNet with the route table associated with the node subnets before the cluster is created',
          evidence: { managedVnet: true },
        },
      ],
    },
    {
      name: 'userAssignedNATGateway in an AKS-managed VNet',
      arch: withOutbound('userAssignedNAT', true),
      findings: [
        {
          messageId: 'ownVnetTypeInManagedVnet',
          path: 'clusters[0].outbound',
          severity: 'error',
          message:
            'cluster aks-test uses outbound type userAssignedNATGateway in an AKS-managed VNet; userAssignedNATGateway needs your own VNet with the NAT gateway associated with the node subnets before the cluster is created',
        },
      ],
    },
  ],
});
