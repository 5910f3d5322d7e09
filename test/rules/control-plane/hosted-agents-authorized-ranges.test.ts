import { testRule } from '../../helpers/rule-tester.js';
import { agents, publicCluster } from './_fixtures.js';

function withAgents(hosting: 'microsoft-hosted' | 'self-hosted', egressIps?: string[], ranges: string[] = ['203.0.113.0/28']) {
  return () => {
    const b = publicCluster(ranges);
    const a = agents(hosting, egressIps, hosting === 'self-hosted' ? b.nodes : undefined);
    b.arch.network.buildAgents = [a];
    b.aks.controlPlaneAccess = [{ kind: 'cicd', via: a }];
    return b.arch;
  };
}

testRule('control-plane/hosted-agents-authorized-ranges', {
  valid: [
    { name: 'self-hosted agents', arch: withAgents('self-hosted') },
    { name: 'hosted agents with static IPs', arch: withAgents('microsoft-hosted', ['203.0.113.5/32']) },
    { name: 'hosted agents and an unrestricted server', arch: withAgents('microsoft-hosted', undefined, ['0.0.0.0/0']) },
  ],
  invalid: [
    {
      name: 'Microsoft-hosted agents without declared egress IPs',
      arch: withAgents('microsoft-hosted'),
      findings: [
        {
          messageId: 'hostedAgents',
          path: 'clusters[0].controlPlaneAccess[0]',
          severity: 'warning',
          message:
            'aks-test restricts its API server to 1 authorized IP ranges, but deploys from Microsoft-hosted agents ci-agents whose egress IPs are shared and change',
          evidence: { agents: 'ci-agents', ranges: 1 },
        },
      ],
    },
  ],
});
