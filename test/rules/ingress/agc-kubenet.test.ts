import { appGatewayForContainers, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

function withAgc(cni: 'kubenet' | 'azure-overlay' | 'azure-nodesubnet') {
  return () => {
    const b = baseline();
    const agcSubnet = subnet({ name: 'snet-agc', cidr: '10.1.6.0/24', purpose: 'agc', delegation: 'Microsoft.ServiceNetworking/trafficControllers' });
    mutable(b.spoke.subnets).push(agcSubnet);
    const agc = appGatewayForContainers({ name: 'agc-web', deployment: 'managed', api: 'gateway-api', subnet: agcSubnet, frontend: 'public', waf: { mode: 'Prevention' } });
    b.path.hops = [{ via: agc, protocol: 'https', port: 443, tls: 'reencrypt' }];
    if (cni === 'kubenet') b.aks.network = { cni: 'kubenet', networkPolicy: 'calico' };
    if (cni === 'azure-nodesubnet') b.aks.network = { cni, serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
    return b.arch;
  };
}

testRule('ingress/agc-kubenet', {
  valid: [
    { name: 'Azure CNI overlay', arch: withAgc('azure-overlay') },
    { name: 'flat Azure CNI', arch: withAgc('azure-nodesubnet') },
  ],
  invalid: [
    {
      name: 'AGC in front of a kubenet cluster',
      arch: withAgc('kubenet'),
      findings: [
        {
          messageId: 'kubenet',
          path: 'clusters[0].network.cni',
          severity: 'error',
          message: 'App Gateway for Containers agc-web serves cluster aks-test, which uses kubenet; AGC supports only Azure CNI',
          evidence: { agc: 'agc-web', cluster: 'aks-test', cni: 'kubenet' },
        },
      ],
    },
  ],
});
