import { privateDnsZone, type ClusterIdentity } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { runRuleResult } from '../../helpers/run-rule.js';
import { describe, expect, it } from 'vitest';
import { vnetIntegrated } from './_fixtures.js';

const ID = 'control-plane/private-dns-zone-identity';
const BOTH = ['Network Contributor', 'Private DNS Zone Contributor'] as const;

/** The baseline's private cluster with a zone of its own (or `system`/`none`) and the given identity. */
function design(identity: ClusterIdentity | undefined, opts: { zone?: 'own' | 'system' | 'none'; vnet?: boolean; publicApi?: boolean } = {}) {
  return () => {
    const b = opts.vnet ? vnetIntegrated(true) : baseline();
    const own = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: [b.hub, b.spoke] });
    b.arch.network.privateDnsZones = [own];
    const zone = opts.zone === 'system' || opts.zone === 'none' ? opts.zone : own;
    if (opts.publicApi) b.aks.apiServer = { mode: 'public', authorizedIpRanges: ['203.0.113.0/24'] };
    else if (opts.vnet) b.aks.apiServer = { mode: 'vnet-integration', subnet: (b as ReturnType<typeof vnetIntegrated>).apiSubnet, private: true, privateDnsZone: zone };
    else b.aks.apiServer = { mode: 'private', privateDnsZone: zone, publicFqdn: zone === 'none' };
    if (identity) b.aks.identity = identity;
    return b.arch;
  };
}

testRule(ID, {
  valid: [
    { name: 'user-assigned with both roles', arch: design({ type: 'user-assigned', roles: BOTH }) },
    { name: 'a service principal with both roles', arch: design({ type: 'service-principal', roles: BOTH }) },
    { name: 'the AKS-managed zone needs no identity of its own', arch: design({ type: 'system-assigned' }, { zone: 'system' }) },
    { name: 'no private DNS zone', arch: design({ type: 'system-assigned' }, { zone: 'none' }) },
    { name: 'a public API server', arch: design({ type: 'system-assigned' }, { publicApi: true }) },
    { name: 'VNet integration (private) with both roles', arch: design({ type: 'user-assigned', roles: BOTH }, { vnet: true }) },
  ],
  invalid: [
    {
      name: 'a system-assigned identity with a zone of its own',
      arch: design({ type: 'system-assigned' }),
      findings: [
        {
          messageId: 'systemAssigned',
          severity: 'error',
          path: 'clusters[0].identity.type',
          message:
            'private cluster aks-test brings private DNS zone privatelink.westeurope.azmk8s.io but runs as a ' +
            'system-assigned identity, which AKS does not support with a zone of your own; use a user-assigned identity',
          evidence: { identity: 'system-assigned', privateDnsZone: 'privatelink.westeurope.azmk8s.io' },
        },
      ],
    },
    {
      name: 'user-assigned without Private DNS Zone Contributor',
      arch: design({ type: 'user-assigned', roles: ['Network Contributor'] }),
      findings: [
        {
          messageId: 'missingRoles',
          severity: 'error',
          path: 'clusters[0].identity.roles',
          message:
            'the identity of private cluster aks-test is not granted Private DNS Zone Contributor, which it needs to ' +
            'manage private DNS zone privatelink.westeurope.azmk8s.io and link the cluster VNet',
          evidence: { identity: 'user-assigned', missing: 'Private DNS Zone Contributor', privateDnsZone: 'privatelink.westeurope.azmk8s.io' },
        },
      ],
    },
    {
      name: 'user-assigned with no roles at all (an empty list is stated)',
      arch: design({ type: 'user-assigned', roles: [] }, { vnet: true }),
      findings: [
        {
          messageId: 'missingRoles',
          severity: 'error',
          path: 'clusters[0].identity.roles',
          evidence: { identity: 'user-assigned', missing: 'Network Contributor, Private DNS Zone Contributor', privateDnsZone: 'privatelink.westeurope.azmk8s.io' },
        },
      ],
    },
  ],
});

describe(`${ID}: facts not stated`, () => {
  it('an identity not stated is unverified, not a finding', async () => {
    const r = await runRuleResult(ID, design(undefined)());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['clusters[0].identity']);
  });
  it('roles not stated are unverified, not a finding', async () => {
    const r = await runRuleResult(ID, design({ type: 'user-assigned' })());
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['clusters[0].identity.roles']);
  });
  it('the unstated identity is listed as unknown only where it matters', async () => {
    const { normalize } = await import('../../../src/normalize/normalize.js');
    const own = normalize(design(undefined)()).model.unknown.map((u) => u.path);
    const system = normalize(design(undefined, { zone: 'system' })()).model.unknown.map((u) => u.path);
    expect(own).toContain('clusters[0].identity');
    expect(system).not.toContain('clusters[0].identity');
  });
});
