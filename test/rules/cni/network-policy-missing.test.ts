import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule('cni/network-policy-missing', {
  valid: [
    { name: 'the baseline with Cilium policy', arch: () => baseline().arch },
    {
      name: 'a BYO CNI brings its own enforcement',
      arch: () => {
        const b = baseline();
        b.aks.network = { cni: 'byo', podCidr: '192.168.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'no engine set (the default)',
      arch: () => {
        const b = baseline();
        delete b.aks.network.networkPolicy;
        b.aks.network.dataplane = 'azure';
        return b.arch;
      },
      findings: [
        {
          messageId: 'noEngine',
          path: 'clusters[0].network.networkPolicy',
          severity: 'warning',
          message: 'cluster aks-test has no network policy engine (the AKS default: networkPolicy not stated); every pod can reach every other pod',
        },
      ],
    },
    {
      name: 'no engine, stated',
      arch: () => {
        const b = baseline();
        b.aks.network.networkPolicy = 'none';
        b.aks.network.dataplane = 'azure';
        return b.arch;
      },
      findings: [
        {
          messageId: 'noEngine',
          path: 'clusters[0].network.networkPolicy',
          severity: 'warning',
          message: 'cluster aks-test has no network policy engine; every pod can reach every other pod',
        },
      ],
    },
    {
      name: 'no engine on kubenet: the message says only Calico is available there',
      arch: () => {
        const b = baseline();
        b.aks.network = { cni: 'kubenet', podCidr: '10.244.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
        return b.arch;
      },
      findings: [
        {
          messageId: 'noEngineKubenet',
          path: 'clusters[0].network.networkPolicy',
          severity: 'warning',
          message:
            'cluster aks-test has no network policy engine (the AKS default: networkPolicy not stated); every pod can reach every other pod (on kubenet only Calico is ' +
            'available: Azure NPM and Cilium need Azure CNI)',
        },
      ],
    },
  ],
});
