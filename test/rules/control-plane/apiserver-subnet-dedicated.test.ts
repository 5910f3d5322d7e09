import { nodePool } from '../../../dsl/index.js';
import { testRule } from '../../helpers/rule-tester.js';
import { vnetIntegrated } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

testRule('control-plane/apiserver-subnet-dedicated', {
  valid: [{ name: 'a dedicated subnet', arch: () => vnetIntegrated().arch }],
  invalid: [
    {
      name: 'node pools and load balancers in the API server subnet',
      arch: () => {
        const b = vnetIntegrated();
        mutable(b.aks.nodePools).push(nodePool({ name: 'extra', mode: 'user', vmSize: 'Standard_D4ds_v5', subnet: b.apiSubnet }));
        b.ilb.subnet = b.apiSubnet;
        return b.arch;
      },
      findings: [
        {
          messageId: 'shared',
          path: 'network.vnets[1].subnets[2]',
          severity: 'error',
          message:
            'API server subnet snet-apiserver (10.1.8.0/28) of aks-test is also used by node pool aks-test/extra, loadBalancer ilb-ingress; it must be dedicated to API servers',
          evidence: { subnet: 'snet-apiserver', otherUses: 2 },
        },
      ],
    },
    {
      name: 'pods of a pool in the API server subnet',
      arch: () => {
        const b = vnetIntegrated();
        // A pod subnet needs a pod-subnet CNI (on the baseline's overlay it is a schema error and leaves the model).
        b.aks.network = { cni: 'azure-podsubnet-dynamic', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
        b.aks.nodePools[1]!.podSubnet = b.apiSubnet;
        return b.arch;
      },
      findings: [
        {
          messageId: 'shared',
          path: 'network.vnets[1].subnets[2]',
          severity: 'error',
          message:
            'API server subnet snet-apiserver (10.1.8.0/28) of aks-test is also used by pods of aks-test/apps; it must be dedicated to API servers',
          evidence: { otherUses: 1 },
        },
      ],
    },
  ],
});
