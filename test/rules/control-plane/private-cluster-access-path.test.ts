import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { testRule } from '../../helpers/rule-tester.js';
import { agents } from './_fixtures.js';

type Access = NonNullable<ReturnType<typeof baseline>['aks']['controlPlaneAccess']>;

function withAccess(access: (b: ReturnType<typeof baseline>) => Access) {
  return () => {
    const b = baseline();
    b.aks.controlPlaneAccess = access(b);
    return b.arch;
  };
}

const missing = (what: string, declared: string) => ({
  messageId: 'noAccessPath',
  path: 'clusters[0].apiServer',
  severity: 'warning' as const,
  message: `private cluster aks-test declares no access path for ${what}`,
  evidence: { declared },
});
const ADMINS = 'administrators (Bastion, jump box, VPN or command invoke)';
const DEPLOY = 'deployments (CI/CD agents or GitOps)';

testRule('control-plane/private-cluster-access-path', {
  valid: [
    { name: 'command invoke and GitOps', arch: withAccess(() => [{ kind: 'command-invoke' }, { kind: 'gitops', tool: 'flux' }]) },
    {
      name: 'self-hosted CI/CD agents and command invoke',
      arch: withAccess((b) => {
        const a = agents('self-hosted', undefined, b.nodes);
        b.arch.network.buildAgents = [a];
        return [{ kind: 'cicd', via: a }, { kind: 'command-invoke' }];
      }),
    },
    {
      name: 'a public cluster',
      arch: () => {
        const b = baseline();
        b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/28'] };
        return b.arch;
      },
    },
  ],
  invalid: [
    { name: 'an empty list: no access at all', arch: withAccess(() => []), findings: [missing(`${ADMINS} or ${DEPLOY}`, 'none')] },
    { name: 'GitOps only: no administrators', arch: withAccess(() => [{ kind: 'gitops', tool: 'flux' }]), findings: [missing(ADMINS, 'gitops')] },
    { name: 'command invoke only: no deployments', arch: withAccess(() => [{ kind: 'command-invoke' }]), findings: [missing(DEPLOY, 'command-invoke')] },
  ],
});

describe('control-plane/private-cluster-access-path: access not stated', () => {
  const check = (arch: ReturnType<typeof baseline>['arch']) => runRuleResult('control-plane/private-cluster-access-path', arch);

  it('a private cluster that leaves controlPlaneAccess out is unverified, not a warning', async () => {
    const r = await check(baseline().arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.message])).toEqual([
      [
        'clusters[0].controlPlaneAccess',
        'could not check that administrators and deployments have a planned way to reach the private API server of cluster aks-test: ' +
          'state the access paths of administrators and deployments to the private API server (controlPlaneAccess)',
      ],
    ]);
  });

  it('a public cluster that leaves it out asks nothing', async () => {
    const b = baseline();
    b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/28'] };
    const r = await check(b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified ?? []).toEqual([]);
  });
});

/**
 * The verdict reads whether the API server is private and the access paths: an invalid field elsewhere in the cluster
 * (an outbound type stated wrongly) leaves it standing, an invalid access path holds it back.
 */
describe('control-plane/private-cluster-access-path with an invalid field of the cluster', () => {
  const check = (arch: ReturnType<typeof baseline>['arch']) => runRuleResult('control-plane/private-cluster-access-path', arch);
  const set = (o: object, key: string, v: unknown) => ((o as Record<string, unknown>)[key] = v);

  it('an invalid outbound type does not hold back the missing access paths', async () => {
    const b = baseline();
    b.aks.controlPlaneAccess = [{ kind: 'command-invoke' }];
    set(b.aks.outbound!, 'type', 'udr');
    const r = await check(b.arch);
    expect(r.findings.map((f) => [f.messageId, f.path])).toEqual([['noAccessPath', 'clusters[0].apiServer']]);
    expect(r.unverified ?? []).toEqual([]);
  });

  it('an invalid outbound type does not hold back the unstated access paths: they are still asked for', async () => {
    const b = baseline();
    set(b.aks.outbound!, 'type', 'udr');
    const r = await check(b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.fact])).toEqual([
      ['clusters[0].controlPlaneAccess', 'access paths of administrators and deployments to the private API server'],
    ]);
  });

  it('an access path of an invalid kind (admins stands in) holds the verdict back', async () => {
    const b = baseline();
    b.aks.controlPlaneAccess = [{ kind: 'gitop', tool: 'flux' } as unknown as NonNullable<typeof b.aks.controlPlaneAccess>[number]];
    const r = await check(b.arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.fact])).toEqual([['clusters[0].controlPlaneAccess[0].kind', 'a valid controlPlaneAccess[0].kind']]);
  });
});
