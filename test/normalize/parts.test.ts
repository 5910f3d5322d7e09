/**
 * The parts added for real designs (issue #9, deliver 4): a well-formed design with all of them
 * loads without issue and the model carries their facts; each bad value gets one structure issue
 * at the path of the offending field.
 */
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { normalize } from '../../src/normalize/normalize.js';
import { validateFile } from '../../src/validate/run-files.js';
import type { Model, Resource } from '../../src/model/types.js';
import good from '../fixtures/new-parts.js';
import { mutable } from '../helpers/mutable.js';

const get = <K extends Resource['kind']>(m: Model, kind: K, name: string) =>
  m.resources.find((r): r is Extract<Resource, { kind: K }> => r.kind === kind && r.name === name)!;

/** A deep copy of the good design's value with its part identities kept (structuredClone keeps shared references). */
const fresh = () => structuredClone(good);

describe('a design with every new part', () => {
  const { model, issues } = normalize(good);

  it('loads without any issue', () => {
    expect(issues).toEqual([]);
  });

  it('firewall: policy rules, IDPS, DNAT, management configuration and forced tunneling', () => {
    const fw = get(model, 'azureFirewall', 'afw-hub');
    expect(fw.ruleModel).toBe('policy');
    expect(fw.policy).toBe('firewallPolicy:afwp-hub');
    expect(fw.tier).toBe('Premium'); // from the policy (an inference, listed as such)
    expect(model.defaults.find((d) => d.path === 'network.firewalls[0].tier')?.inferred).toBe(true);
    expect(fw.idps).toBe('Deny');
    expect(fw.threatIntel).toBe('Deny');
    expect(fw.dnsProxy).toBe(true);
    expect(fw.aksFqdnTag).toBe(true);
    expect(fw.fqdnAllowRules).toEqual(['api.stripe.com', 'ntp.ubuntu.com']);
    expect(fw.ruleCollections?.map((c) => [c.type, c.priority, c.rules])).toEqual([
      ['dnat', 100, 1],
      ['application', 200, 2],
      ['network', 300, 1],
    ]);
    expect(fw.dnatRules).toEqual([
      {
        collection: 'publish',
        name: 'web',
        sourceAddresses: [],
        destinationAddress: '20.1.2.3',
        destinationPort: 443,
        protocols: ['TCP'],
        translatedAddress: '10.1.5.10',
        translatedPort: 8443,
      },
    ]);
    // Each rule keeps its protocols, ports and sources, and its place in the processing order (action, collection
    // priority, base level); a rule without sourceAddresses keeps them unknown.
    const order = { action: 'Allow', level: 0 };
    expect(fw.applicationRules).toEqual([
      {
        collection: 'aks',
        ...order,
        priority: 200,
        name: 'aks-tag',
        sourceAddresses: ['10.1.0.0/22'],
        protocols: [{ type: 'Https', port: 443 }],
        targetFqdns: [],
        fqdnTags: ['AzureKubernetesService'],
      },
      { collection: 'aks', ...order, priority: 200, name: 'stripe', protocols: [{ type: 'Https', port: 443 }], targetFqdns: ['api.stripe.com'], fqdnTags: [] },
    ]);
    expect(fw.networkRules).toEqual([
      {
        collection: 'ntp',
        ...order,
        priority: 300,
        name: 'ntp',
        sourceAddresses: ['*'],
        protocols: ['UDP'],
        destinationAddresses: [],
        destinationFqdns: ['ntp.ubuntu.com'],
        destinationPorts: ['123'],
      },
    ]);
    expect(fw.allowShorthand).toBeUndefined();
    expect(fw.managementSubnet).toBe('subnet:vnet-hub/AzureFirewallManagementSubnet');
    expect(fw.forcedTunneling).toBe(true);
    expect(fw.privateIp).toBeUndefined();
  });

  it('a DNAT hop records the rule and where it translates to', () => {
    const hop = model.ingressPaths[0]!.hops[0]!;
    expect(hop.dnat).toEqual({ rule: 'web', translatedAddress: '10.1.5.10', translatedPort: 8443 });
  });

  it('WAF policy: rule sets with versions and actions, exclusions, geo-match and rate-limit rules', () => {
    const waf = get(model, 'applicationGateway', 'agw').waf!;
    expect(waf.source).toBe('policy');
    expect(waf.managedRules).toBe(true);
    expect(waf.managedRuleSets).toEqual([
      { type: 'Microsoft_DefaultRuleSet', version: '2.1', action: 'AnomalyScoring' },
      { type: 'Microsoft_BotManagerRuleSet', version: '1.1' },
    ]);
    expect(waf.exclusions).toEqual([{ matchVariable: 'RequestCookieNames', operator: 'Equals', selector: 'session' }]);
    expect(waf.customRules!.map((r) => [r.name, r.type, r.conditions[0]!.operator, r.rateLimit?.threshold])).toEqual([
      ['geo', 'match', 'GeoMatch', undefined],
      ['rate', 'rateLimit', 'IPMatch', 500],
    ]);
    expect(get(model, 'applicationGateway', 'agw').publicIp).toBe('publicIp:pip-agw');
  });

  it('Front Door routes and origins, Traffic Manager, Private Link Service', () => {
    const afd = get(model, 'frontDoor', 'afd');
    expect(afd.minTlsVersion).toBe('1.2');
    const route = afd.routes[0]!;
    expect(route.httpsRedirect).toBe(true);
    expect(route.origins.map((o) => [o.originKind, o.target, o.connection, o.lockdown])).toEqual([
      ['private-link-service', 'privateLinkService:pls-ingress', 'private-link', undefined],
      ['application-gateway', 'applicationGateway:agw', 'public', ['x-azure-fdid', 'service-tag']],
    ]);
    const tm = get(model, 'trafficManager', 'tm-global');
    expect(tm.endpoints).toEqual([
      { name: 'weu', target: 'applicationGateway:agw', region: 'westeurope' },
      { name: 'dr', hostName: 'dr.example.com' },
    ]);
    const pls = get(model, 'privateLinkService', 'pls-ingress');
    expect([pls.visibility, pls.autoApproval, pls.natIpCount]).toEqual([
      ['00000000-0000-0000-0000-000000000001'],
      ['00000000-0000-0000-0000-000000000001'],
      2,
    ]);
  });

  it('public IPs, NAT gateway StandardV2, add-ons, node pool facts, standalone parts, shared subnets, Developer Bastion', () => {
    const pip = get(model, 'publicIp', 'pip-afw');
    expect([pip.sku, pip.zones, pip.ddosIpProtection, pip.address]).toEqual(['Standard', [1, 2, 3], true, '20.1.2.3']);
    const nat = get(model, 'natGateway', 'nat-spoke');
    expect([nat.sku, nat.zones, nat.publicIps, nat.publicIpResources]).toEqual([
      'StandardV2',
      [],
      1,
      ['publicIp:pip-nat'],
    ]);
    const c = get(model, 'cluster', 'aks');
    expect(c.addons).toEqual({
      openServiceMesh: false,
      aadPodIdentity: false,
      httpApplicationRouting: false,
      appRouting: true,
      istioRevision: 'asm-1-25',
    });
    expect(c.ingressControllers).toEqual(['ingressController:aks/istio-gw', 'ingressController:aks/nginx-spare']);
    expect(get(model, 'ingressController', 'nginx-spare')).toMatchObject({ onPath: false, version: '1.12.1' });
    expect(get(model, 'ingressController', 'istio-gw').onPath).toBe(true);
    const pool = get(model, 'nodePool', 'system');
    expect([pool.osSku, pool.orchestratorVersion, pool.maxUnavailable, pool.nodePublicIp]).toEqual([
      'AzureLinux',
      '1.33',
      '1',
      false,
    ]);
    expect(get(model, 'routeTable', 'rt-unused').routes).toEqual([]);
    expect(get(model, 'nsg', 'nsg-unused').rules).toEqual([]);
    expect(get(model, 'subnet', 'snet-shared').purposes).toEqual(['jumpbox', 'private-endpoints', 'general']);
    expect(get(model, 'vnet', 'vnet-hub').dnsServers).toEqual(['10.0.0.4']);
    const bas = get(model, 'bastion', 'bas-dev');
    expect([bas.sku, bas.subnet, bas.vnet]).toEqual(['Developer', undefined, 'vnet:vnet-hub']);
  });
});

type Arch = ReturnType<typeof fresh>;
const fw = (a: Arch) => a.network.firewalls![0]!;
const pol = (a: Arch) => a.network.firewallPolicies![0]!;
const agw = (a: Arch) =>
  a.network.frontDoors![0]!.routes![0]!.origins[1]!.target as Extract<
    NonNullable<Arch['network']['frontDoors']>[number]['routes'],
    readonly unknown[]
  >[number]['origins'][number]['target'] & { kind: 'applicationGateway' };

/** Each case breaks one value and expects exactly this issue. */
const BAD: Array<{ what: string; mutate: (a: Arch) => void; path: string; message: RegExp }> = [
  {
    what: 'IDPS on a Standard policy',
    mutate: (a) => (pol(a).tier = 'Standard'),
    path: 'network.firewallPolicies[0].idps',
    message: /IDPS needs the Premium tier/,
  },
  {
    what: 'policy and classic rules together',
    mutate: (a) => (fw(a).classicRules = []),
    path: 'network.firewalls[0].classicRules',
    message: /both a policy and classic rules/,
  },
  {
    what: 'forced tunneling without a management configuration',
    mutate: (a) => delete fw(a).management,
    path: 'network.firewalls[0].forcedTunneling',
    message: /forced tunneling needs a management IP configuration/,
  },
  {
    what: 'a firewall tier different from its policy',
    mutate: (a) => (fw(a).tier = 'Standard'),
    path: 'network.firewalls[0].policy',
    message: /the tiers must match/,
  },
  {
    what: 'a rule collection priority out of range',
    mutate: (a) => (pol(a).ruleCollections![0]!.priority = 50),
    path: 'network.firewallPolicies[0].ruleCollections[0].priority',
    message: /at least 100/,
  },
  {
    what: 'a DNAT rule without a translated address',
    mutate: (a) => {
      const c = pol(a).ruleCollections![2]!;
      if (c.type === 'dnat') delete c.rules[0]!.translatedAddress;
    },
    path: 'network.firewallPolicies[0].ruleCollections[2].rules[0].translatedAddress',
    message: /needs translatedAddress or translatedFqdn/,
  },
  {
    what: 'a wildcard FQDN in a network rule (network rules resolve exact names only)',
    mutate: (a) => {
      const c = pol(a).ruleCollections![1]!;
      if (c.type === 'network') c.rules[0]!.destinationFqdns = ['ntp.ubuntu.com', '*.ubuntu.com'];
    },
    path: 'network.firewallPolicies[0].ruleCollections[1].rules[0].destinationFqdns',
    message: /"\*\.ubuntu\.com": FQDNs in network rules cannot be wildcards/,
  },
  {
    what: 'a hop naming a DNAT rule the firewall lacks',
    mutate: (a) => (a.ingress![0]!.hops[0]!.dnatRule = 'nope'),
    path: 'ingress[0].hops[0].dnatRule',
    message: /has no DNAT rule "nope" \(it has "web"\)/,
  },
  {
    what: 'a hop port different from its DNAT rule',
    mutate: (a) => (a.ingress![0]!.hops[0]!.port = 8443),
    path: 'ingress[0].hops[0].port',
    message: /DNAT rule "web" listens on 443/,
  },
  {
    what: 'OWASP on Front Door',
    mutate: (a) => mutable(a.network.frontDoors![0]!.waf!.managedRuleSets!).push({ type: 'OWASP', version: '3.2' }),
    path: 'network.frontDoors[0].waf.managedRuleSets[1].type',
    message: /Front Door WAF policies do not support the OWASP rule set/,
  },
  {
    what: 'a DRS version the gateway does not offer',
    mutate: (a) => (agw(a).waf!.managedRuleSets![0]!.version = '1.1'),
    path: 'network.frontDoors[0].routes[0].origins[1].target.waf.managedRuleSets[0].version',
    message: /Microsoft_DefaultRuleSet 1\.1 is not available on Application Gateway; use one of 2\.1, 2\.2/,
  },
  {
    what: 'a geo-match value that is not a country code',
    mutate: (a) => (agw(a).waf!.customRules![0]!.conditions[0]!.values = ['Germany']),
    path: 'network.frontDoors[0].routes[0].origins[1].target.waf.customRules[0].conditions[0].values',
    message: /two-letter country codes/,
  },
  {
    what: 'a rate-limit window of 3 minutes',
    mutate: (a) => ((agw(a).waf!.customRules![1]!.rateLimit as { durationMinutes: number }).durationMinutes = 3),
    path: 'network.frontDoors[0].routes[0].origins[1].target.waf.customRules[1].rateLimit.durationMinutes',
    message: /must be 1 or 5/,
  },
  {
    what: 'a policy and the legacy configuration together',
    mutate: (a) =>
      (agw(a).webApplicationFirewallConfiguration = { enabled: true, mode: 'Prevention', ruleSetVersion: '3.2' }),
    path: 'network.frontDoors[0].routes[0].origins[1].target.webApplicationFirewallConfiguration',
    message: /either a WAF policy/,
  },
  {
    what: 'a Private Link origin on Front Door Standard',
    mutate: (a) => {
      const afd = a.network.frontDoors![0]!;
      afd.sku = 'Standard';
      delete afd.waf;
    },
    path: 'network.frontDoors[0].routes[0].origins[0].connection',
    message: /Private Link origins need Front Door Premium/,
  },
  {
    what: 'an unknown lockdown mechanism',
    mutate: (a) => ((a.network.frontDoors![0]!.routes![0]!.origins[1]!.lockdown as string[]) = ['ip-allowlist']),
    path: 'network.frontDoors[0].routes[0].origins[1].lockdown',
    message: /lockdown must list/,
  },
  {
    what: 'a Private Link Service visibility entry that is not a subscription id',
    mutate: (a) => {
      a.network.privateLinkServices![0]!.visibility = ['contoso'];
      a.network.privateLinkServices![0]!.autoApproval = [];
    },
    path: 'network.privateLinkServices[0].visibility',
    message: /"contoso" is not a subscription id/,
  },
  {
    what: 'too many NAT IPs on a Private Link Service',
    mutate: (a) => (a.network.privateLinkServices![0]!.natIpCount = 9),
    path: 'network.privateLinkServices[0].natIpCount',
    message: /at most 8/,
  },
  {
    what: 'zones on a StandardV2 NAT gateway',
    mutate: (a) => (a.network.natGateways![0]!.zones = [1]),
    path: 'network.natGateways[0].zones',
    message: /zone-redundant by design/,
  },
  {
    what: 'a Standard public IP on a StandardV2 NAT gateway',
    mutate: (a) => (a.network.natGateways![0]!.publicIpResources![0]!.sku = 'Standard'),
    path: 'network.natGateways[0].publicIpResources[0]',
    message: /needs StandardV2 public IPs; pip-nat is Standard/,
  },
  {
    what: 'a public IP SKU that does not exist',
    mutate: (a) => ((a.network.publicIps![0] as { sku: string }).sku = 'Premium'),
    path: 'network.publicIps[0].sku',
    message: /must be one of "Standard", "StandardV2", "Basic"/,
  },
  {
    what: 'an Istio revision not written asm-1-xx',
    mutate: (a) => (a.clusters[0]!.addons!.istioRevision = '1.25'),
    path: 'clusters[0].addons.istioRevision',
    message: /must look like "asm-1-25"/,
  },
  {
    what: 'a node pool OS SKU that does not exist',
    mutate: (a) => (a.clusters[0]!.nodePools[0]!.osSku = 'Debian'),
    path: 'clusters[0].nodePools[0].osSku',
    message: /"osSku" must be one of/,
  },
  {
    what: 'maxUnavailable above 100 %',
    mutate: (a) => (a.clusters[0]!.nodePools[0]!.maxUnavailable = '150%'),
    path: 'clusters[0].nodePools[0].maxUnavailable',
    message: /node count or a percentage/,
  },
  {
    what: 'an orchestrator version that is not a Kubernetes version',
    mutate: (a) => (a.clusters[0]!.nodePools[0]!.orchestratorVersion = 'latest'),
    path: 'clusters[0].nodePools[0].orchestratorVersion',
    message: /Kubernetes version like "1\.33"/,
  },
  {
    what: 'a Developer Bastion with a subnet',
    mutate: (a) => (a.network.bastions![0]!.subnet = a.network.vnets[0]!.subnets[2]!),
    path: 'network.bastions[0].subnet',
    message: /Developer SKU of Bastion has no subnet/,
  },
  {
    what: 'a Standard Bastion without a subnet',
    mutate: (a) => (a.network.bastions![0]!.sku = 'Standard'),
    path: 'network.bastions[0].subnet',
    message: /Bastion Standard needs its AzureBastionSubnet/,
  },
  {
    what: 'a VNet DNS server that is not an IPv4 address',
    mutate: (a) => (a.network.vnets[0]!.dnsServers = ['dns.example.com']),
    path: 'network.vnets[0].dnsServers[0]',
    message: /must be an IPv4 address, got "dns\.example\.com"/,
  },
  {
    what: 'a mesh revision not written asm-1-xx',
    mutate: (a) => {
      const mesh = a.clusters[0]!.serviceMesh;
      if (mesh?.kind === 'istio-addon') mesh.revision = 'asm-125';
      delete a.clusters[0]!.addons!.istioRevision;
    },
    path: 'clusters[0].serviceMesh.revision',
    message: /must look like "asm-1-25"/,
  },
  {
    what: 'an empty purpose list',
    mutate: (a) => (a.network.vnets[0]!.subnets[2]!.purpose = []),
    path: 'network.vnets[0].subnets[2].purpose',
    message: /at least one purpose/,
  },
];

describe('bad values of the new parts', () => {
  for (const c of BAD) {
    it(`reports ${c.what}`, () => {
      const a = fresh();
      c.mutate(a);
      const { issues } = normalize(a);
      expect(
        issues.map((i) => i.path),
        JSON.stringify(issues),
      ).toEqual([c.path]);
      expect(issues[0]!.message).toMatch(c.message);
      expect(issues[0]!.ruleId).toBe('structure/schema');
    });
  }
});

describe('positions', () => {
  it('a bad value in a design file is reported at its file:line:col', async () => {
    const file = resolve(join(import.meta.dirname, '..', 'fixtures', 'new-parts-bad.ts'));
    const v = await validateFile(file, { asOf: '2026-11-23', config: false });
    const schema = v.result.findings
      .filter((f) => f.ruleId === 'structure/schema')
      .map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(schema).toEqual([
      '8:36 "durationMinutes" must be 1 or 5, got 3',
      '12:65 IDPS needs the Premium tier; firewall policy "afwp" is Standard',
    ]);
  });
});

describe('types', () => {
  it('the design with every new part type-checks against the DSL, and a wrong literal does not', async () => {
    const { typecheck } = await import('../../src/load/typecheck.js');
    const dir = join(import.meta.dirname, '..', 'fixtures');
    expect(await typecheck([join(dir, 'new-parts.ts')])).toEqual([]);
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
    const tmp = mkdtempSync(join(dir, 'tmp-types-'));
    try {
      const bad = join(tmp, 'bad.ts');
      const src = readFileSync(join(dir, 'new-parts.ts'), 'utf8').replaceAll(
        "'../../dsl/index.js'",
        "'../../../dsl/index.js'",
      );
      writeFileSync(bad, src.replace("idps: 'Deny',", "idps: 'Block',"));
      const diags = await typecheck([bad]);
      expect(diags.length).toBe(1);
      expect(diags[0]!.message).toMatch(/"Block"/);
    } finally {
      (await import('node:fs')).rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});
