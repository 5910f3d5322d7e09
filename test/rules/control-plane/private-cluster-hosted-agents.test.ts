import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { agents } from './_fixtures.js';

function withAgents(hosting: 'microsoft-hosted' | 'self-hosted', mode: 'private' | 'public' = 'private') {
  return () => {
    const b = baseline();
    const a = agents(hosting, undefined, hosting === 'self-hosted' ? b.nodes : undefined);
    b.arch.network.buildAgents = [a];
    b.aks.controlPlaneAccess = [{ kind: 'gitops', tool: 'flux' }, { kind: 'cicd', via: a }];
    if (mode === 'public') b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/28'] };
    return b.arch;
  };
}

testRule('control-plane/private-cluster-hosted-agents', {
  valid: [
    { name: 'self-hosted agents', arch: withAgents('self-hosted') },
    { name: 'hosted agents on a public cluster', arch: withAgents('microsoft-hosted', 'public') },
  ],
  invalid: [
    {
      name: 'Microsoft-hosted agents deploying to a private cluster',
      arch: withAgents('microsoft-hosted'),
      findings: [
        {
          messageId: 'hostedAgents',
          path: 'clusters[0].controlPlaneAccess[1]',
          severity: 'error',
          message: 'private cluster aks-test is deployed from Microsoft-hosted agents ci-agents, which cannot reach its private API server endpoint',
          evidence: { agents: 'ci-agents', platform: 'github-actions' },
        },
      ],
    },
  ],
});
