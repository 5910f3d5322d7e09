/**
 * The egress narrative's note on each destination says what the rules say of it: "reached privately" only when the
 * cluster's DNS returns the private endpoint's address (the zone-link check of egress/paas-private-endpoint), and the
 * firewall's verdict of egress/firewall-destination-allowlist (the one matcher in model/firewall.ts). A note that
 * contradicts a finding beside it in the same pack is a defect.
 */
import { describe, expect, it } from 'vitest';
import { paas, privateDnsZone, privateEndpoint, subnet, type Architecture } from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import { ModelQuery } from '../../src/model/query.js';
import { egressNarrative } from '../../src/report/narrative.js';
import { deriveView } from '../../src/diagram/index.js';
import { validateModel } from '../../src/validate/validate.js';
import { baseline } from '../helpers/fixture.js';
import { mutable } from '../helpers/mutable.js';

async function judge(arch: Architecture) {
  const { model, issues } = normalize(arch);
  const q = new ModelQuery(model);
  const notes = model.egressPaths.flatMap((e) => egressNarrative(e, q).notes);
  const r = await validateModel(model, issues, { file: 'd.ts', asOf: '2026-12-03' });
  return { notes, findings: r.findings.map((f) => `${f.ruleId} ${f.messageId ?? ''}`), open: r.unverified!.map((u) => u.ruleId) };
}

/** The baseline and a Key Vault reached through a private endpoint in the spoke; `links` of its zone (undefined: not stated). */
function withVault(links: Array<'hub' | 'spoke'> | undefined) {
  const b = baseline();
  const peSubnet = subnet({ name: 'snet-pe', cidr: '10.1.6.0/27', purpose: 'private-endpoints' });
  mutable(b.spoke.subnets).push(peSubnet);
  const vnets = { hub: b.hub, spoke: b.spoke };
  const zone = privateDnsZone({ name: 'privatelink.vaultcore.azure.net', ...(links ? { links: links.map((l) => vnets[l]) } : {}) });
  const kv = paas({ name: 'kv-app', service: 'keyVault', publicNetworkAccess: false });
  const pe = privateEndpoint({ name: 'pe-kv', subnet: peSubnet, target: kv, dnsZone: zone });
  b.arch.network.privateEndpoints = [pe];
  b.aks.egressDestinations = [{ name: 'Key Vault', fqdn: 'kv-app.vault.azure.net', port: 443, protocol: 'https', privateEndpoint: pe }];
  return b;
}

describe('a destination behind a private endpoint', () => {
  it('zone linked to the cluster VNet (Azure DNS): reached privately, and no finding says otherwise', async () => {
    const r = await judge(withVault(['spoke']).arch);
    expect(r.notes).toContain('Key Vault: reached privately through private endpoint pe-kv in snet-pe (kv-app); it never leaves the virtual network.');
    expect(r.findings.filter((f) => f.startsWith('egress/paas-private-endpoint zoneNotLinked'))).toEqual([]);
  });

  it('zone linked to the hub only: the note says the name resolves to the public address, as the finding does', async () => {
    const r = await judge(withVault(['hub']).arch);
    expect(r.findings).toContain('egress/paas-private-endpoint zoneNotLinkedPublicOff');
    const note = r.notes.find((n) => n.startsWith('Key Vault:'))!;
    expect(note).toContain('private DNS zone privatelink.vaultcore.azure.net is not linked to VNet vnet-spoke (the cluster VNet, on Azure DNS)');
    expect(note).toContain('resolves to the public address');
    expect(note).not.toContain('never leaves');
  });

  it('the spoke resolving through a DNS proxy in the hub, zone linked to the hub: reached privately', async () => {
    const b = withVault(['hub']);
    b.spoke.dnsServers = ['10.0.0.4'];
    const r = await judge(b.arch);
    expect(r.findings.filter((f) => f.startsWith('egress/paas-private-endpoint zoneNotLinked'))).toEqual([]);
    expect(r.notes.find((n) => n.startsWith('Key Vault:'))).toContain('reached privately');
  });

  it('zone links not stated: the note leaves it open, as the rule does', async () => {
    const r = await judge(withVault(undefined).arch);
    expect(r.open).toContain('egress/paas-private-endpoint');
    expect(r.notes.find((n) => n.startsWith('Key Vault:'))).toBe(
      'Key Vault: has private endpoint pe-kv in snet-pe (kv-app); whether the cluster resolves it to the private address is open: the VNet links of private DNS zone privatelink.vaultcore.azure.net (links) not stated.',
    );
  });
});

describe("the overview's Private Link note says the same", () => {
  const note = (links: Array<'hub' | 'spoke'>) => {
    const { model } = normalize(withVault(links).arch);
    return deriveView(model, 'overview')!.notes!.find((n) => n.startsWith('Private Link:'));
  };

  it('linked where the cluster resolves: the traffic never leaves the virtual network', () => {
    expect(note(['spoke'])).toBe('Private Link: aks-test reaches kv-app through 1 private endpoint; this traffic never leaves the virtual network.');
  });

  it('linked to the hub only: the note says the name resolves to the public address', () => {
    expect(note(['hub'])).toBe(
      'Private Link: aks-test resolves kv-app to the public address: the private DNS zone is not linked where its DNS answers.',
    );
  });
});

describe('a destination through the egress firewall', () => {
  const partner = (fw: (b: ReturnType<typeof baseline>) => void) => {
    const b = baseline();
    fw(b);
    b.aks.egressDestinations = [{ name: 'Partner', fqdn: 'api.partner.example', port: 443, protocol: 'https' }];
    return b.arch;
  };

  it('on the FQDN list: let through, no finding', async () => {
    const r = await judge(partner((b) => (b.firewall.fqdnAllowRules = ['api.partner.example'])));
    expect(r.notes.find((n) => n.startsWith('Partner:'))).toMatch(/^Partner: api.partner.example port 443 \(HTTPS, [a-z-]+\) over the egress path. Firewall afw-hub.s rules let it through.$/);
    expect(r.findings.filter((f) => f.startsWith('egress/firewall-destination-allowlist'))).toEqual([]);
  });

  it('not on a stated list: dropped, as the finding says', async () => {
    const r = await judge(partner((b) => (b.firewall.fqdnAllowRules = ['other.example'])));
    expect(r.notes.find((n) => n.startsWith('Partner:'))).toContain('No rule of firewall afw-hub lets it through, so the firewall drops it.');
    expect(r.findings).toContain('egress/firewall-destination-allowlist notAllowed');
  });

  it('only the AKS tag stated: open in the note and in the check, not "dropped"', async () => {
    const r = await judge(partner(() => undefined));
    expect(r.notes.find((n) => n.startsWith('Partner:'))).toContain(
      'Whether firewall afw-hub lets it through is open: the FQDNs the firewall allows besides the AKS FQDN tag not stated.',
    );
    expect(r.findings.filter((f) => f.startsWith('egress/firewall-destination-allowlist'))).toEqual([]);
    expect(r.open).toContain('egress/firewall-destination-allowlist');
  });
});
