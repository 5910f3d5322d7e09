/** The report describes the new parts in the design's context (inventory) section. */
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { normalize } from '../../src/normalize/normalize.js';
import { ModelQuery } from '../../src/model/query.js';
import { inventoryFacts, unused } from '../../src/report/inventory.js';
import good from '../fixtures/new-parts.js';
import { baseline } from '../helpers/fixture.js';
import { mutable } from '../helpers/mutable.js';
import { subnet } from '../../dsl/index.js';

const facts = (arch: unknown) =>
  new Map(inventoryFacts(new ModelQuery(normalize(arch).model)).map((k) => [k.label, k.value]));

describe('inventory of the new parts', () => {
  it('describes firewall, WAF, Front Door, Traffic Manager, Private Link Service, public IPs, add-ons and upgrades', () => {
    const f = facts(good);
    expect(f.get('Firewall afw-hub')).toBe(
      'Premium, policy afwp-hub, 3 rule collections: 1 application, 1 network, 1 DNAT, threat intelligence Deny, IDPS Deny, ' +
        'DNAT 443→10.1.5.10:8443, forced tunneling, management IP configuration in AzureFirewallManagementSubnet',
    );
    expect(f.get('WAF of agw')).toBe(
      'policy wafp-agw, Prevention, DRS 2.1 (AnomalyScoring), Bot Manager 1.1, 1 exclusion, 2 custom rules (1 rate limit, 1 geo-match)',
    );
    expect(f.get('Front Door afd routes')).toBe(
      'web, HTTP→HTTPS redirect → pls (private-link-service, Private Link), agw (application-gateway, public, locked by x-azure-fdid + service-tag); minimum TLS 1.2',
    );
    expect(f.get('Traffic Manager tm-global')).toBe('Priority routing to agw, dr.example.com');
    expect(f.get('Private Link Service pls-ingress')).toBe(
      'visible to 1 subscription; 1 auto-approved subscription; 2 NAT IPs in snet-pls',
    );
    expect(f.get('Public IP pip-afw')).toBe('Standard, zones 1/2/3, DDoS IP Protection on, 20.1.2.3');
    expect(f.get('Public IP pip-agw')).toBe('Standard, zones 1/2/3, DDoS IP Protection not stated');
    expect(f.get('Add-ons of aks')).toBe('application routing, Istio add-on asm-1-25');
    expect(f.get('Node pool OS and upgrades of aks')).toBe(
      'system: AzureLinux, Kubernetes 1.33, max surge 33%, max unavailable 1',
    );
  });

  it('says custom rules are not stated when a WAF policy leaves them out, and lists that as an unknown fact', async () => {
    const { model } = await loadArchitecture(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'e-istio-mesh.ts'));
    const waf = new Map(inventoryFacts(new ModelQuery(model)).map((k) => [k.label, k.value])).get('WAF of agw-tailwind-frc')!;
    expect(waf).toMatch(/, custom rules not stated$/);
    expect(waf).not.toContain('no custom rules');
    expect(model.unknown.filter((u) => u.path.endsWith('.waf.customRules')).map((u) => u.fact)).toEqual(['WAF custom rules']);
  });

  it('names the parts nothing uses, and nothing for a design that uses all it declares', () => {
    expect(unused(new ModelQuery(normalize(good).model))).toEqual([
      'route table rt-unused',
      'NSG nsg-unused',
      'NAT gateway nat-spoke',
      'subnet snet-shared (nothing in it)',
      'ingress controller nginx-spare (on no ingress path)',
    ]);
    expect(unused(new ModelQuery(normalize(baseline().arch).model))).toEqual([]);
  });

  it('counts a VNet DNS server address as an occupant of its subnet (a resolver inbound endpoint is not "nothing")', () => {
    const withResolver = (dnsServers: string[]) => {
      const b = baseline();
      const inbound = subnet({ name: 'snet-dnspr-in', cidr: '10.0.1.0/28', delegation: 'Microsoft.Network/dnsResolvers' });
      mutable(b.hub.subnets).push(inbound);
      b.spoke.dnsServers = dnsServers;
      return unused(new ModelQuery(normalize(b.arch).model));
    };
    expect(withResolver(['10.0.1.4'])).toEqual([]);
    // Without a VNet pointing at it, the delegated subnet still holds nothing the design shows.
    expect(withResolver([])).toEqual(['subnet snet-dnspr-in (nothing in it)']);
  });

  it('says a firewall whose rules are not stated has rules not stated', () => {
    const b = baseline();
    delete b.firewall.aksFqdnTag;
    delete b.firewall.tier;
    expect(facts(b.arch).get('Firewall afw-hub')).toBe('tier not stated, rules not stated, threat intelligence Deny');
  });
});
