import { testRule } from '../../helpers/rule-tester.js';
import { agents, publicCluster } from './_fixtures.js';

function withAgents(ranges: string[], egressIps: string[], access: 'cicd' | 'admins' = 'cicd') {
  return () => {
    const b = publicCluster(ranges);
    const a = agents('microsoft-hosted', egressIps);
    b.arch.network.buildAgents = [a];
    b.aks.controlPlaneAccess = [access === 'cicd' ? { kind: 'cicd', via: a } : { kind: 'admins', via: 'internet' }];
    return b.arch;
  };
}

const PATH = 'clusters[0].apiServer.authorizedIpRanges';

testRule('control-plane/authorized-ranges-build-agents', {
  valid: [
    { name: 'covered egress IPs', arch: withAgents(['203.0.113.0/28', '198.51.100.0/24'], ['203.0.113.5', '198.51.100.7/32']) },
    { name: 'the first and last address of a range', arch: withAgents(['203.0.113.0/28'], ['203.0.113.0', '203.0.113.15']) },
    { name: 'ranges with 0.0.0.0/0 restrict nothing', arch: withAgents(['0.0.0.0/0'], ['198.51.100.7']) },
    { name: 'no ranges (another rule)', arch: withAgents([], ['198.51.100.7']) },
    { name: 'agents that are not a CI/CD access path', arch: withAgents(['203.0.113.0/28'], ['198.51.100.7'], 'admins') },
  ],
  invalid: [
    {
      name: 'one agent egress IP outside the ranges',
      arch: withAgents(['203.0.113.0/28'], ['203.0.113.5', '198.51.100.7/32']),
      findings: [
        {
          messageId: 'agentsOutside',
          path: PATH,
          severity: 'error',
          message:
            'build agents ci-agents egress from 198.51.100.7/32, which is outside the 1 authorized IP ranges of aks-test; deployments will be refused',
          evidence: { agents: 'ci-agents', missing: '198.51.100.7/32', ranges: 1 },
        },
      ],
    },
    {
      name: 'the address just after the range, and a /27 wider than the /28',
      arch: withAgents(['203.0.113.0/28'], ['203.0.113.16', '203.0.113.0/27']),
      findings: [
        {
          messageId: 'agentsOutside',
          path: PATH,
          severity: 'error',
          message:
            'build agents ci-agents egress from 203.0.113.16, 203.0.113.0/27, which are outside the 1 authorized IP ranges of aks-test; deployments will be refused',
        },
      ],
    },
  ],
});
