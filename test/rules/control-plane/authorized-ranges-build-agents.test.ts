import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { agents, publicCluster } from './_fixtures.js';

const ID = 'control-plane/authorized-ranges-build-agents';

function withAgents(ranges: string[], egressIps: string[]) {
  const b = publicCluster(ranges);
  const a = agents('microsoft-hosted', egressIps);
  b.arch.network.buildAgents = [a];
  b.aks.controlPlaneAccess = [{ kind: 'cicd', via: a }];
  return b;
}

describe(ID, () => {
  it('reports agent egress IPs outside the authorized ranges', async () => {
    const f = await runRule(ID, withAgents(['203.0.113.0/28'], ['203.0.113.5', '198.51.100.7/32']).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'build agents ci-agents egress from 198.51.100.7/32, which is outside the 1 authorized IP ranges of aks-test; deployments will be refused',
    );
    expect(f[0]!.path).toBe('clusters[0].apiServer.authorizedIpRanges');
  });

  it('passes covered egress IPs', async () => {
    expect(await runRule(ID, withAgents(['203.0.113.0/28', '198.51.100.0/24'], ['203.0.113.5', '198.51.100.7/32']).arch)).toEqual([]);
  });
});
