import { nodePool, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const LB = 'ingress[0].hops[1].via';

testRule('ingress/internal-lb-subnet', {
  valid: [
    {
      name: 'the internal load balancer in a dedicated ingress subnet',
      arch: () => {
        const b = baseline();
        const ingress = subnet({ name: 'snet-ingress', cidr: '10.1.5.0/28', purpose: 'ingress' });
        mutable(b.spoke.subnets).push(ingress);
        b.ilb.subnet = ingress;
        return b.arch;
      },
    },
    {
      name: 'a public load balancer is out of scope',
      arch: () => {
        const b = baseline();
        b.ilb.visibility = 'public';
        delete b.ilb.subnet;
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'the internal load balancer in the node subnet',
      arch: () => baseline().arch,
      findings: [
        {
          messageId: 'nodeSubnet',
          path: `${LB}.subnet`,
          severity: 'info',
          message:
            'Internal load balancer ilb-ingress of aks-test takes its frontend from snet-nodes, a node or pod subnet of ' +
            'the cluster; give internal load balancers a subnet of their own',
          evidence: { lb: 'ilb-ingress', subnet: 'snet-nodes' },
        },
      ],
    },
    {
      name: 'no subnet stated: AKS uses the node subnet',
      arch: () => {
        const b = baseline();
        delete b.ilb.subnet;
        return b.arch;
      },
      findings: [
        {
          messageId: 'defaultSubnet',
          path: LB,
          severity: 'info',
          message: /states no subnet, so AKS takes its frontend from the node subnet/,
          evidence: { lb: 'ilb-ingress' },
        },
      ],
    },
    {
      name: 'the internal load balancer in the pod subnet',
      arch: () => {
        const b = baseline();
        const pods = subnet({ name: 'snet-pods', cidr: '10.1.8.0/22', purpose: 'aks-pods' });
        mutable(b.spoke.subnets).push(pods);
        b.aks.network = { cni: 'azure-podsubnet-dynamic', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
        const pool = { name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', count: 3 } as const;
        b.aks.nodePools = [nodePool({ ...pool, subnet: b.nodes, podSubnet: pods })];
        b.ilb.subnet = pods;
        return b.arch;
      },
      findings: [
        {
          messageId: 'nodeSubnet',
          path: `${LB}.subnet`,
          severity: 'info',
          message: /takes its frontend from snet-pods, a node or pod subnet/,
        },
      ],
    },
  ],
});
