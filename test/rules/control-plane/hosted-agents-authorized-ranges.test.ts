import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { agents, publicCluster } from './_fixtures.js';

const ID = 'control-plane/hosted-agents-authorized-ranges';

function withAgents(hosting: 'microsoft-hosted' | 'self-hosted', egressIps?: string[]) {
  const b = publicCluster(['203.0.113.0/28']);
  const a = agents(hosting, egressIps, hosting === 'self-hosted' ? b.nodes : undefined);
  b.arch.network.buildAgents = [a];
  b.aks.controlPlaneAccess = [{ kind: 'cicd', via: a }];
  return b;
}

describe(ID, () => {
  it('warns about Microsoft-hosted agents without declared egress IPs', async () => {
    const f = await runRule(ID, withAgents('microsoft-hosted').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'aks-test restricts its API server to 1 authorized IP ranges, but deploys from Microsoft-hosted agents ci-agents whose egress IPs are shared and change',
    );
    expect(f[0]!.path).toBe('clusters[0].controlPlaneAccess[0]');
  });

  it('passes self-hosted agents and hosted agents with static IPs', async () => {
    expect(await runRule(ID, withAgents('self-hosted').arch)).toEqual([]);
    expect(await runRule(ID, withAgents('microsoft-hosted', ['203.0.113.5/32']).arch)).toEqual([]);
  });
});
