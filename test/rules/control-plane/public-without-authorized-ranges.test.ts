import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { publicCluster, vnetIntegrated } from './_fixtures.js';

const unrestricted = (path: string, open: string, defaulted = false, mode = 'public', ranges = 0) => ({
  messageId: 'unrestricted',
  path,
  severity: 'warning' as const,
  message: `API server of aks-test is public with ${open}${defaulted ? ' (the AKS default)' : ''}; anyone on the internet can reach it`,
  evidence: { mode, authorizedRanges: ranges },
});

testRule('control-plane/public-without-authorized-ranges', {
  valid: [
    { name: 'a restricted public server', arch: () => publicCluster(['203.0.113.0/28']).arch },
    { name: 'a private cluster', arch: () => baseline().arch },
    { name: 'private VNet integration', arch: () => vnetIntegrated(true).arch },
  ],
  invalid: [
    { name: 'a public API server without ranges', arch: () => publicCluster().arch, findings: [unrestricted('clusters[0].apiServer', 'no authorized IP ranges')] },
    {
      name: '0.0.0.0/0 is unrestricted',
      arch: () => publicCluster(['203.0.113.0/28', '0.0.0.0/0']).arch,
      findings: [unrestricted('clusters[0].apiServer.authorizedIpRanges', 'authorized range 0.0.0.0/0', false, 'public', 2)],
    },
    {
      name: 'the AKS default (no apiServer section)',
      arch: () => {
        const b = baseline();
        delete b.aks.apiServer;
        return b.arch;
      },
      findings: [unrestricted('clusters[0]', 'no authorized IP ranges', true)],
    },
    {
      // The production note (production-api-server-exposure) leaves this endpoint to the warning, so it must stay here.
      name: 'a public API server without ranges in a production design',
      arch: () => {
        const b = publicCluster();
        b.arch.metadata.environment = 'production';
        return b.arch;
      },
      findings: [unrestricted('clusters[0].apiServer', 'no authorized IP ranges')],
    },
    {
      name: 'public VNet integration',
      arch: () => vnetIntegrated(false).arch,
      findings: [unrestricted('clusters[0].apiServer', 'no authorized IP ranges', false, 'vnet-integration')],
    },
  ],
});
