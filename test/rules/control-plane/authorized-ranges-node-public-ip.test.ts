import { testRule } from '../../helpers/rule-tester.js';
import { publicCluster, vnetIntegrated } from './_fixtures.js';

function withNodeIps(ranges?: string[]) {
  return () => {
    const b = publicCluster(ranges);
    b.aks.nodePools[1]!.nodePublicIp = true;
    return b.arch;
  };
}

testRule('control-plane/authorized-ranges-node-public-ip', {
  valid: [
    { name: 'pools without node public IPs', arch: () => publicCluster(['203.0.113.0/28']).arch },
    { name: 'node public IPs with an unrestricted server', arch: withNodeIps() },
    { name: 'node public IPs with 0.0.0.0/0', arch: withNodeIps(['0.0.0.0/0']) },
    {
      name: 'VNet integration: nodes reach the internal address',
      arch: () => {
        const b = vnetIntegrated(false);
        (b.aks.apiServer as { authorizedIpRanges?: string[] }).authorizedIpRanges = ['203.0.113.0/28'];
        b.aks.nodePools[1]!.nodePublicIp = true;
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'node public IPs with authorized ranges',
      arch: withNodeIps(['203.0.113.0/28']),
      findings: [
        {
          messageId: 'nodePublicIp',
          path: 'clusters[0].nodePools[1].nodePublicIp',
          severity: 'warning',
          message:
            'node pool apps of aks-test gives each node a public IP while the API server accepts only 1 authorized IP ranges; authorize the pool’s public IP prefix or drop node public IPs',
          evidence: { pool: 'apps', ranges: 1 },
        },
      ],
    },
  ],
});
