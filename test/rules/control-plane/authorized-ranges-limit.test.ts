import { testRule } from '../../helpers/rule-tester.js';
import { publicCluster, vnetIntegrated } from './_fixtures.js';

const ranges = (n: number) => Array.from({ length: n }, (_, i) => `203.0.${Math.floor(i / 256)}.${i % 256}/32`);

function integrated(n: number) {
  return () => {
    const b = vnetIntegrated(false);
    (b.aks.apiServer as { authorizedIpRanges?: string[] }).authorizedIpRanges = ranges(n);
    return b.arch;
  };
}

const PATH = 'clusters[0].apiServer.authorizedIpRanges';

testRule('control-plane/authorized-ranges-limit', {
  valid: [
    { name: '200 ranges on a public API server (the limit)', arch: () => publicCluster(ranges(200)).arch },
    { name: '500 ranges with VNet integration', arch: integrated(500) },
    { name: '2,000 ranges with VNet integration (the limit)', arch: integrated(2000) },
  ],
  invalid: [
    {
      name: '201 ranges on a public API server',
      arch: () => publicCluster(ranges(201)).arch,
      findings: [
        {
          messageId: 'tooMany',
          path: PATH,
          severity: 'error',
          message: 'API server of aks-test lists 201 authorized IP ranges; AKS allows at most 200',
          evidence: { ranges: 201, limit: 200 },
        },
      ],
    },
    {
      name: '2,001 ranges with VNet integration',
      arch: integrated(2001),
      findings: [
        {
          messageId: 'tooMany',
          path: PATH,
          severity: 'error',
          message: 'API server of aks-test lists 2001 authorized IP ranges; AKS allows at most 2000 with API Server VNet Integration',
          evidence: { ranges: 2001, limit: 2000 },
        },
      ],
    },
  ],
});
