import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'control-plane/private-cluster-internet-admins';

describe(ID, () => {
  it('reports admins coming from the internet to a private cluster', async () => {
    const b = baseline();
    b.aks.controlPlaneAccess = [{ kind: 'admins', via: 'internet' }];
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('administrators of private cluster aks-test are declared to come from the internet, but its API server has no public endpoint');
    expect(f[0]!.path).toBe('clusters[0].controlPlaneAccess[0].via');
  });

  it('passes internet admins on a public cluster', async () => {
    const b = baseline();
    b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/28'] };
    b.aks.controlPlaneAccess = [{ kind: 'admins', via: 'internet' }];
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
