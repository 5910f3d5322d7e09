import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'control-plane/private-cluster-access-path';

describe(ID, () => {
  it('warns when a private cluster declares no access at all', async () => {
    const f = await runRule(ID, baseline().arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'private cluster aks-test declares no access path for administrators (Bastion, jump box, VPN or command invoke) or deployments (CI/CD agents or GitOps)',
    );
    expect(f[0]!.path).toBe('clusters[0].apiServer');
  });

  it('passes with command invoke and GitOps, and for public clusters', async () => {
    const b = baseline();
    b.aks.controlPlaneAccess = [{ kind: 'command-invoke' }, { kind: 'gitops', tool: 'flux' }];
    expect(await runRule(ID, b.arch)).toEqual([]);
    const p = baseline();
    p.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/28'] };
    expect(await runRule(ID, p.arch)).toEqual([]);
  });
});
