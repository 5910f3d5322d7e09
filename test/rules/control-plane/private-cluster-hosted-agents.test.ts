import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { agents } from './_fixtures.js';

const ID = 'control-plane/private-cluster-hosted-agents';

function withAgents(hosting: 'microsoft-hosted' | 'self-hosted') {
  const b = baseline();
  const a = agents(hosting, undefined, hosting === 'self-hosted' ? b.nodes : undefined);
  b.arch.network.buildAgents = [a];
  b.aks.controlPlaneAccess = [{ kind: 'gitops', tool: 'flux' }, { kind: 'cicd', via: a }];
  return b;
}

describe(ID, () => {
  it('reports Microsoft-hosted agents deploying to a private cluster', async () => {
    const f = await runRule(ID, withAgents('microsoft-hosted').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('private cluster aks-test is deployed from Microsoft-hosted agents ci-agents, which cannot reach its private API server endpoint');
    expect(f[0]!.path).toBe('clusters[0].controlPlaneAccess[1]');
  });

  it('passes self-hosted agents', async () => {
    expect(await runRule(ID, withAgents('self-hosted').arch)).toEqual([]);
  });
});
