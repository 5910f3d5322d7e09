import { describe, expect, it } from 'vitest';
import { runRuleResult } from '../../helpers/run-rule.js';
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

describe('control-plane/authorized-ranges-build-agents: self-hosted agents', () => {
  const selfHosted = (egressIps?: string[]) => {
    const b = publicCluster(['203.0.113.0/28']);
    const a = agents('self-hosted', egressIps, b.nodes);
    b.arch.network.buildAgents = [a];
    b.aks.controlPlaneAccess = [{ kind: 'cicd', via: a }];
    return runRuleResult('control-plane/authorized-ranges-build-agents', b.arch);
  };

  it('whose egress IPs are not stated are unknown, not passed: the check names them', async () => {
    const r = await selfHosted();
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.message])).toEqual([
      [
        'network.buildAgents[0].egressIps',
        'could not check that self-hosted build agents ci-agents reach the public API server of aks-test through its 1 ' +
          'authorized IP range: state the public IP addresses build agents ci-agents leave from (egressIps)',
      ],
    ]);
  });

  it('whose stated egress IPs lie outside the ranges are refused, inside them pass', async () => {
    const outside = await selfHosted(['198.51.100.7']);
    expect(outside.findings.map((f) => [f.messageId, f.path])).toEqual([['agentsOutside', PATH]]);
    expect(outside.unverified ?? []).toEqual([]);
    const inside = await selfHosted(['203.0.113.5']);
    expect([inside.findings, inside.unverified ?? []]).toEqual([[], []]);
  });
});
