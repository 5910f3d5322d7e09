/**
 * Mappers for the parts the DSL gained (docs/dsl.md §5a): firewall policies with rule collections and
 * DNAT paths, public IPs, StandardV2 NAT gateways with prefixes, Private Link Service visibility, the
 * legacy in-gateway WAF, Front Door routes, origins and WAF custom rules, cluster add-ons and Istio,
 * shared subnets, and facts Azure leaves out (firewall tier and private IP, DNS zone links).
 * Input in REST shape; each shape follows the Azure REST API specs examples cited in
 * test/fixtures/azure/README.md.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchitecture } from '../../src/import/build.js';
import { designSource, importAzure, type ImportedDesign } from '../../src/import/import.js';
import { typecheck } from '../../src/load/typecheck.js';
import { normalize } from '../../src/normalize/normalize.js';
import type { Model, ResourceOf } from '../../src/model/types.js';

const SUB = '11111111-2222-3333-4444-555555555555';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-edge`;
const MC = `/subscriptions/${SUB}/resourceGroups/MC_rg-edge_aks-edge_westeurope`;
const NET = `${RG}/providers/Microsoft.Network`;
const VNET = `${NET}/virtualNetworks/vnet-edge`;
const ref = (id: string) => ({ id });
const subnet = (name: string, prefix: string, extra: Record<string, unknown> = {}) => ({
  name,
  id: `${VNET}/subnets/${name}`,
  properties: { addressPrefix: prefix, ...extra },
});
const pip = (name: string, address: string, extra: Record<string, unknown> = {}) => ({
  id: `${NET}/publicIPAddresses/${name}`,
  name,
  type: 'Microsoft.Network/publicIPAddresses',
  location: 'westeurope',
  sku: { name: 'Standard', tier: 'Regional' },
  ...extra,
  properties: { ipAddress: address, publicIPAllocationMethod: 'Static', ...((extra.properties as object) ?? {}) },
});
const ILB = `${MC}/providers/Microsoft.Network/loadBalancers/kubernetes-internal`;
const PLS = `${MC}/providers/Microsoft.Network/privateLinkServices/pls-edge`;
const AFD = `${RG}/providers/Microsoft.Cdn/profiles/afd-edge`;
const POLICY = `${NET}/firewallPolicies/afwp-edge`;

const resources = [
  {
    id: VNET,
    name: 'vnet-edge',
    type: 'Microsoft.Network/virtualNetworks',
    location: 'westeurope',
    properties: {
      addressSpace: { addressPrefixes: ['10.30.0.0/16'] },
      subnets: [
        subnet('AzureFirewallSubnet', '10.30.0.0/26'),
        subnet('AzureFirewallManagementSubnet', '10.30.0.64/26'),
        subnet('snet-nodes', '10.30.4.0/22', { natGateway: ref(`${NET}/natGateways/ng-edge`) }),
        subnet('snet-ilb', '10.30.8.0/24'),
        subnet('snet-agw', '10.30.9.0/24'),
      ],
    },
  },
  // StandardV2 NAT gateway with a StandardV2 address and a /30 prefix (NatGatewayGet.json shape).
  {
    id: `${NET}/natGateways/ng-edge`,
    name: 'ng-edge',
    type: 'Microsoft.Network/natGateways',
    location: 'westeurope',
    sku: { name: 'StandardV2' },
    properties: {
      idleTimeoutInMinutes: 4,
      publicIpAddresses: [ref(`${NET}/publicIPAddresses/pip-ng`)],
      publicIpPrefixes: [ref(`${NET}/publicIPPrefixes/ippre-ng`)],
    },
  },
  pip('pip-ng', '52.10.0.1', { sku: { name: 'StandardV2', tier: 'Regional' }, zones: ['1', '2', '3'] }),
  {
    id: `${NET}/publicIPPrefixes/ippre-ng`,
    name: 'ippre-ng',
    type: 'Microsoft.Network/publicIPPrefixes',
    location: 'westeurope',
    sku: { name: 'StandardV2', tier: 'Regional' },
    properties: { prefixLength: 30, ipPrefix: '52.10.1.0/30' },
  },
  pip('pip-afw', '20.60.0.4', { zones: ['1'], properties: { ddosSettings: { protectionMode: 'Enabled' } } }),
  pip('pip-afw-mgmt', '20.60.0.5'),
  pip('pip-agw', '20.60.0.9', { zones: ['1', '2', '3'] }),
  pip('pip-unused', '20.60.0.99'),
  // A firewall whose JSON states neither its tier nor its private IP (both unknown, not an error).
  {
    id: `${NET}/azureFirewalls/afw-edge`,
    name: 'afw-edge',
    type: 'Microsoft.Network/azureFirewalls',
    location: 'westeurope',
    properties: {
      firewallPolicy: ref(POLICY),
      ipConfigurations: [
        {
          name: 'ipconfig1',
          properties: {
            subnet: ref(`${VNET}/subnets/AzureFirewallSubnet`),
            publicIPAddress: ref(`${NET}/publicIPAddresses/pip-afw`),
          },
        },
      ],
      managementIpConfiguration: {
        name: 'mgmt',
        properties: {
          subnet: ref(`${VNET}/subnets/AzureFirewallManagementSubnet`),
          publicIPAddress: ref(`${NET}/publicIPAddresses/pip-afw-mgmt`),
        },
      },
    },
  },
  // FirewallPolicyGet.json / FirewallPolicyRuleCollectionGroupGet.json shapes.
  {
    id: POLICY,
    name: 'afwp-edge',
    type: 'Microsoft.Network/firewallPolicies',
    location: 'westeurope',
    properties: {
      sku: { tier: 'Premium' },
      threatIntelMode: 'Alert',
      intrusionDetection: { mode: 'Deny' },
      transportSecurity: { certificateAuthority: { name: 'ca', keyVaultSecretId: 'https://kv/secrets/ca' } },
      ruleCollectionGroups: [ref(`${POLICY}/ruleCollectionGroups/rcg-edge`)],
    },
  },
  {
    id: `${POLICY}/ruleCollectionGroups/rcg-edge`,
    name: 'rcg-edge',
    type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
    properties: {
      priority: 100,
      ruleCollections: [
        {
          ruleCollectionType: 'FirewallPolicyNatRuleCollection',
          name: 'publish',
          priority: 100,
          action: { type: 'Dnat' },
          rules: [
            {
              ruleType: 'NatRule',
              name: 'web',
              ipProtocols: ['TCP'],
              sourceAddresses: ['*'],
              destinationAddresses: ['20.60.0.4'],
              destinationPorts: ['443'],
              translatedAddress: '10.30.8.4',
              translatedPort: '443',
            },
          ],
        },
        {
          ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
          name: 'deny-smb',
          priority: 300,
          action: { type: 'Deny' },
          rules: [
            {
              ruleType: 'NetworkRule',
              name: 'smb',
              ipProtocols: ['TCP'],
              sourceAddresses: ['10.30.4.0/22'],
              destinationAddresses: ['0.0.0.0/0'],
              destinationPorts: ['445'],
            },
          ],
        },
      ],
    },
  },
  {
    id: ILB,
    name: 'kubernetes-internal',
    type: 'Microsoft.Network/loadBalancers',
    location: 'westeurope',
    sku: { name: 'Standard' },
    properties: {
      frontendIPConfigurations: [
        {
          name: 'fe',
          id: `${ILB}/frontendIPConfigurations/fe`,
          properties: { privateIPAddress: '10.30.8.4', subnet: ref(`${VNET}/subnets/snet-ilb`) },
        },
      ],
      loadBalancingRules: [],
    },
  },
  // PrivateLinkServiceGet.json shape: visibility and autoApproval list subscriptions.
  {
    id: PLS,
    name: 'pls-edge',
    type: 'Microsoft.Network/privateLinkServices',
    location: 'westeurope',
    properties: {
      loadBalancerFrontendIpConfigurations: [ref(`${ILB}/frontendIPConfigurations/fe`)],
      ipConfigurations: [
        { name: 'nat1', properties: { subnet: ref(`${VNET}/subnets/snet-ilb`) } },
        { name: 'nat2', properties: { subnet: ref(`${VNET}/subnets/snet-ilb`) } },
      ],
      visibility: { subscriptions: ['*'] },
      autoApproval: { subscriptions: [SUB] },
    },
  },
  // ApplicationGatewayGet.json with the legacy in-gateway WAF configuration instead of a policy.
  {
    id: `${NET}/applicationGateways/agw-edge`,
    name: 'agw-edge',
    type: 'Microsoft.Network/applicationGateways',
    location: 'westeurope',
    zones: ['1', '2', '3'],
    properties: {
      sku: { name: 'WAF_v2', tier: 'WAF_v2', capacity: 2 },
      gatewayIPConfigurations: [{ name: 'gw', properties: { subnet: ref(`${VNET}/subnets/snet-agw`) } }],
      frontendIPConfigurations: [
        { name: 'fe', properties: { publicIPAddress: ref(`${NET}/publicIPAddresses/pip-agw`) } },
      ],
      webApplicationFirewallConfiguration: {
        enabled: true,
        firewallMode: 'Detection',
        ruleSetType: 'OWASP',
        ruleSetVersion: '3.2',
      },
    },
  },
  // Front Door Premium (AFDOrigins_Get.json, Routes_Get.json, SecurityPolicies_Get.json shapes).
  {
    id: AFD,
    name: 'afd-edge',
    type: 'Microsoft.Cdn/profiles',
    location: 'Global',
    sku: { name: 'Premium_AzureFrontDoor' },
    properties: {},
  },
  {
    id: `${AFD}/afdEndpoints/web`,
    name: 'web',
    type: 'Microsoft.Cdn/profiles/afdEndpoints',
    properties: { hostName: 'web-abc.z01.azurefd.net' },
  },
  {
    id: `${AFD}/originGroups/og`,
    name: 'og',
    type: 'Microsoft.Cdn/profiles/originGroups',
    properties: {},
  },
  {
    id: `${AFD}/originGroups/og/origins/agw`,
    name: 'agw',
    type: 'Microsoft.Cdn/profiles/originGroups/origins',
    properties: { hostName: '20.60.0.9', httpPort: 80, httpsPort: 443 },
  },
  {
    id: `${AFD}/originGroups/og/origins/pls`,
    name: 'pls',
    type: 'Microsoft.Cdn/profiles/originGroups/origins',
    properties: {
      hostName: '10.30.8.4',
      httpsPort: 443,
      sharedPrivateLinkResource: { privateLink: ref(PLS), privateLinkLocation: 'westeurope', status: 'Approved' },
    },
  },
  {
    id: `${AFD}/afdEndpoints/web/routes/all`,
    name: 'all',
    type: 'Microsoft.Cdn/profiles/afdEndpoints/routes',
    properties: {
      customDomains: [],
      originGroup: ref(`${AFD}/originGroups/og`),
      supportedProtocols: ['Http', 'Https'],
      patternsToMatch: ['/*'],
      forwardingProtocol: 'HttpsOnly',
      linkToDefaultDomain: 'Enabled',
      httpsRedirect: 'Enabled',
    },
  },
  {
    id: `${AFD}/securityPolicies/waf`,
    name: 'waf',
    type: 'Microsoft.Cdn/profiles/securityPolicies',
    properties: {
      parameters: {
        type: 'WebApplicationFirewall',
        wafPolicy: ref(`${NET}/frontdoorWebApplicationFirewallPolicies/wafedge`),
      },
    },
  },
  // Front Door WAF policy (FrontDoor WafPolicyGet.json): custom rules under customRules.rules.
  {
    id: `${NET}/frontdoorWebApplicationFirewallPolicies/wafedge`,
    name: 'wafedge',
    type: 'Microsoft.Network/frontdoorWebApplicationFirewallPolicies',
    location: 'Global',
    properties: {
      policySettings: { enabledState: 'Enabled', mode: 'Prevention' },
      customRules: {
        rules: [
          {
            name: 'ratebots',
            priority: 5,
            enabledState: 'Enabled',
            ruleType: 'RateLimitRule',
            rateLimitDurationInMinutes: 5,
            rateLimitThreshold: 100,
            matchConditions: [
              { matchVariable: 'RequestHeader', selector: 'User-Agent', operator: 'Contains', matchValue: ['bot'] },
            ],
            action: 'Block',
          },
          {
            name: 'off',
            priority: 6,
            enabledState: 'Disabled',
            ruleType: 'MatchRule',
            matchConditions: [{ matchVariable: 'RemoteAddr', operator: 'IPMatch', matchValue: ['1.2.3.4'] }],
            action: 'Block',
          },
        ],
      },
      managedRules: {
        managedRuleSets: [
          {
            ruleSetType: 'Microsoft_DefaultRuleSet',
            ruleSetVersion: '2.1',
            ruleSetAction: 'Block',
            exclusions: [{ matchVariable: 'RequestHeaderNames', selectorMatchOperator: 'Equals', selector: 'x-token' }],
          },
        ],
      },
    },
  },
  {
    id: `${RG}/providers/Microsoft.ContainerService/managedClusters/aks-edge`,
    name: 'aks-edge',
    type: 'Microsoft.ContainerService/ManagedClusters',
    location: 'westeurope',
    sku: { name: 'Base', tier: 'Standard' },
    properties: {
      kubernetesVersion: '1.32.4',
      nodeResourceGroup: 'MC_rg-edge_aks-edge_westeurope',
      agentPoolProfiles: [
        {
          name: 'system',
          mode: 'System',
          count: 3,
          vmSize: 'Standard_D4ds_v5',
          osType: 'Linux',
          osSKU: 'Ubuntu',
          orchestratorVersion: '1.32.4',
          vnetSubnetID: `${VNET}/subnets/snet-nodes`,
          availabilityZones: ['1', '2', '3'],
          upgradeSettings: { maxSurge: '0', maxUnavailable: '10%' },
        },
      ],
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        outboundType: 'userAssignedNATGateway',
      },
      serviceMeshProfile: { mode: 'Istio', istio: { revisions: ['asm-1-25'] } },
      addonProfiles: { openServiceMesh: { enabled: false }, httpApplicationRouting: { enabled: false } },
      podIdentityProfile: { enabled: false },
      ingressProfile: { webAppRouting: { enabled: true } },
      bootstrapProfile: { artifactSource: 'Direct' },
      apiServerAccessProfile: {
        enablePrivateCluster: true,
        privateDNSZone: `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io`,
      },
    },
  },
  // A zone whose link list is not in the input: its links are unknown.
  {
    id: `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io`,
    name: 'privatelink.westeurope.azmk8s.io',
    type: 'Microsoft.Network/privateDnsZones',
    location: 'global',
    properties: { numberOfVirtualNetworkLinks: 1 },
  },
];

let dir: string;
let design: ImportedDesign;
let model: Model;
let text: string;
const get = <K extends Model['resources'][number]['kind']>(kind: K, id: string) =>
  model.resources.find((r) => r.id === id && r.kind === kind) as ResourceOf<K>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aksnet-import-parts-'));
  writeFileSync(join(dir, 'resources.json'), JSON.stringify({ value: resources }, null, 2));
  design = importAzure(join(dir, 'resources.json'));
  model = normalize(buildArchitecture(design)).model;
  text = designSource(design);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('aksnet import: parts of docs/dsl.md §5a', () => {
  it('writes a design that type-checks against the DSL', async () => {
    const file = join(dir, 'edge.ts');
    writeFileSync(file, text);
    expect(await typecheck([file])).toEqual([]);
  });

  it('maps a firewall policy with IDPS, TLS inspection, DNAT and network rule collections', () => {
    expect(get('firewallPolicy', 'firewallPolicy:afwp-edge')).toMatchObject({
      tier: 'Premium',
      threatIntel: 'Alert',
      idps: 'Deny',
      tlsInspection: true,
      // Each collection keeps its rule collection group's priority, which orders it before its own priority does.
      ruleCollections: [
        { type: 'dnat', name: 'publish', priority: 100, groupPriority: 100, action: 'DNAT', rules: 1 },
        { type: 'network', name: 'deny-smb', priority: 300, groupPriority: 100, action: 'Deny', rules: 1 },
      ],
      // The Deny collection's rule is kept for the matcher, with its place in the order.
      networkRules: [expect.objectContaining({ collection: 'deny-smb', action: 'Deny', priority: 300, groupPriority: 100, level: 0 })],
      dnatRules: [
        {
          collection: 'publish',
          name: 'web',
          destinationAddress: '20.60.0.4',
          destinationPort: 443,
          protocols: ['TCP'],
          translatedAddress: '10.30.8.4',
          translatedPort: 443,
        },
      ],
    });
    expect(text).toContain("destinationAddresses: ['0.0.0.0/0'],\n");
  });

  it('leaves a firewall tier and private IP Azure does not state unknown, and maps its management IP', () => {
    const fw = get('azureFirewall', 'azureFirewall:afw-edge');
    expect(fw.privateIp).toBeUndefined();
    expect(fw.tier).toBe('Premium');
    expect(model.defaults.find((d) => d.element === fw.id && d.path.endsWith('.tier'))?.inferred).toBe(true);
    expect(fw).toMatchObject({
      policy: 'firewallPolicy:afwp-edge',
      idps: 'Deny',
      managementSubnet: 'subnet:vnet-edge/AzureFirewallManagementSubnet',
    });
    expect(text).not.toMatch(/const afwEdge = azureFirewall\(\{[^}]*\btier:/);
  });

  it('infers an internet path through a DNAT rule to the internal load balancer', () => {
    const path = model.ingressPaths.find((p) => p.name === 'afw-edge-web')!;
    expect(path.hops.map((h) => `${h.resource}|${h.protocol}:${h.port}|${h.tls}`)).toEqual([
      'azureFirewall:afw-edge|tls:443|passthrough',
      'loadBalancer:kubernetes-internal|tls:443|passthrough',
    ]);
    expect(path.cluster).toBe('cluster:aks-edge');
    expect(path.target).toBeUndefined();
  });

  it('maps public IPs as parts: SKU, zones (none when Azure lists none), DDoS IP Protection, address', () => {
    expect(get('publicIp', 'publicIp:pip-afw')).toMatchObject({
      sku: 'Standard',
      zones: [1],
      ddosIpProtection: true,
      address: '20.60.0.4',
    });
    expect(get('publicIp', 'publicIp:pip-afw-mgmt')).toMatchObject({ zones: [] });
    expect(get('publicIp', 'publicIp:pip-afw-mgmt').ddosIpProtection).toBeUndefined();
    expect(get('applicationGateway', 'applicationGateway:agw-edge').publicIp).toBe('publicIp:pip-agw');
    // An address nothing uses is noted, not declared.
    expect(get('publicIp', 'publicIp:pip-unused')).toBeUndefined();
    expect(design.unmapped.map((u) => `${u.id.split('/').pop()}: ${u.reason}`)).toContain(
      'pip-unused: read but used by no imported part',
    );
  });

  it('maps a StandardV2 NAT gateway with its StandardV2 address and prefix length', () => {
    expect(get('natGateway', 'natGateway:ng-edge')).toMatchObject({
      sku: 'StandardV2',
      publicIps: 1,
      publicIpPrefixLength: 30,
      publicAddressCount: 5,
      publicIpResources: ['publicIp:pip-ng'],
    });
    expect(get('publicIp', 'publicIp:pip-ng')).toMatchObject({ sku: 'StandardV2', zones: [1, 2, 3] });
  });

  it('maps Private Link Service visibility, auto-approval and NAT IP count', () => {
    expect(get('privateLinkService', 'privateLinkService:pls-edge')).toMatchObject({
      visibility: '*',
      autoApproval: [SUB],
      natIpCount: 2,
    });
  });

  it('gives a subnet shared by a load balancer frontend and Private Link NAT IPs both purposes', () => {
    expect(get('subnet', 'subnet:vnet-edge/snet-ilb').purposes).toEqual(['private-link-service', 'ingress']);
    expect(text).toContain("purpose: ['private-link-service', 'ingress']");
  });

  it('maps the legacy in-gateway WAF configuration as such, not as a policy', () => {
    const gw = get('applicationGateway', 'applicationGateway:agw-edge');
    expect(gw.waf).toMatchObject({ source: 'legacy-config', mode: 'Detection' });
    expect(text).toContain(
      "webApplicationFirewallConfiguration: { enabled: true, mode: 'Detection', ruleSetType: 'OWASP', ruleSetVersion: '3.2' }",
    );
  });

  it('maps Front Door routes and origins: Private Link to a PLS, a public Application Gateway origin', () => {
    const fd = get('frontDoor', 'frontDoor:afd-edge');
    expect(fd.routes).toEqual([
      {
        name: 'all',
        domains: ['web-abc.z01.azurefd.net'],
        patterns: ['/*'],
        httpsRedirect: true,
        acceptedProtocols: ['Http', 'Https'],
        forwardingProtocol: 'HttpsOnly',
        origins: [
          {
            name: 'agw',
            originKind: 'application-gateway',
            target: 'applicationGateway:agw-edge',
            hostName: '20.60.0.9',
            connection: 'public',
            https: true,
          },
          {
            name: 'pls',
            originKind: 'private-link-service',
            target: 'privateLinkService:pls-edge',
            hostName: '10.30.8.4',
            connection: 'private-link',
            https: true,
          },
        ],
      },
    ]);
    // How the public origin rejects traffic that bypasses Front Door is not in Front Door's JSON.
    expect(fd.routes[0]!.origins[0]!.lockdown).toBeUndefined();
  });

  it('maps a Front Door WAF policy: rule set action, per-set exclusion, rate-limit rule; skips a disabled rule', () => {
    const waf = get('frontDoor', 'frontDoor:afd-edge').waf!;
    expect(waf).toMatchObject({
      source: 'policy',
      mode: 'Prevention',
      enabled: true,
      managedRuleSets: [{ type: 'Microsoft_DefaultRuleSet', version: '2.1', action: 'Block' }],
      exclusions: [{ matchVariable: 'RequestHeaderNames', operator: 'Equals', selector: 'x-token' }],
    });
    expect(waf.customRules).toEqual([
      {
        name: 'ratebots',
        priority: 5,
        type: 'rateLimit',
        action: 'Block',
        conditions: [{ variable: 'RequestHeader', operator: 'Contains', values: ['bot'], negate: false }],
        rateLimit: { threshold: 100, durationMinutes: 5 },
      },
    ]);
    expect(text).toContain('// selector User-Agent');
    expect(text).toContain('// applies to Microsoft_DefaultRuleSet only in Azure');
    expect(design.unmapped.map((u) => u.reason)).toContain('the rule is disabled, so it is not imported');
  });

  it('maps add-ons, the Istio revision (mTLS left to the team), network isolation and pool upgrade fields', () => {
    const c = get('cluster', 'cluster:aks-edge');
    expect(c.addons).toEqual({
      openServiceMesh: false,
      aadPodIdentity: false,
      httpApplicationRouting: false,
      appRouting: true,
      istioRevision: 'asm-1-25',
    });
    expect(c.serviceMesh).toEqual({ kind: 'istio-addon', revision: 'asm-1-25' });
    expect(c.networkIsolated).toBe(false);
    expect(design.todos).toContain(
      "aks-edge: the Istio add-on's mTLS mode is not in Azure's JSON; add serviceMesh.mtls by hand",
    );
    expect(get('nodePool', 'nodePool:aks-edge/system')).toMatchObject({
      osSku: 'Ubuntu',
      orchestratorVersion: '1.32',
      maxSurge: '0',
      maxUnavailable: '10%',
    });
  });

  it('leaves the links of a zone whose link list is not in the input unknown', () => {
    expect(get('privateDnsZone', 'privateDnsZone:privatelink.westeurope.azmk8s.io').links).toBeUndefined();
    expect(text).toMatch(/privateDnsZone\(\{ name: 'privatelink\.westeurope\.azmk8s\.io' \}\)/);
  });
});

describe('aksnet import: a firewall with classic rules', () => {
  it('maps application, network and NAT rule collections on the firewall itself, threat intel and DNS proxy', () => {
    // AzureFirewallGet.json / AzureFirewallGetWithAdditionalProperties.json shapes.
    const hub = '/subscriptions/x/resourceGroups/rg-classic/providers/Microsoft.Network';
    const items = [
      {
        id: `${hub}/virtualNetworks/vnet-c`,
        name: 'vnet-c',
        type: 'Microsoft.Network/virtualNetworks',
        location: 'westeurope',
        properties: {
          addressSpace: { addressPrefixes: ['10.50.0.0/24'] },
          subnets: [{ name: 'AzureFirewallSubnet', properties: { addressPrefix: '10.50.0.0/26' } }],
        },
      },
      {
        id: `${hub}/azureFirewalls/afw-classic`,
        name: 'afw-classic',
        type: 'Microsoft.Network/azureFirewalls',
        location: 'westeurope',
        properties: {
          sku: { name: 'AZFW_VNet', tier: 'Standard' },
          threatIntelMode: 'Deny',
          additionalProperties: { 'Network.DNS.EnableProxy': 'true' },
          ipConfigurations: [
            {
              name: 'c',
              properties: {
                privateIPAddress: '10.50.0.4',
                subnet: ref(`${hub}/virtualNetworks/vnet-c/subnets/AzureFirewallSubnet`),
              },
            },
          ],
          applicationRuleCollections: [
            {
              name: 'apprc',
              properties: {
                priority: 110,
                action: { type: 'Deny' },
                rules: [
                  {
                    name: 'rule1',
                    protocols: [{ protocolType: 'Https', port: 443 }],
                    targetFqdns: ['www.test.com'],
                    sourceAddresses: ['10.50.0.0/24'],
                  },
                ],
              },
            },
          ],
          networkRuleCollections: [
            {
              name: 'netrc',
              properties: {
                priority: 112,
                action: { type: 'Allow' },
                rules: [
                  {
                    name: 'L4 traffic',
                    protocols: ['TCP'],
                    sourceAddresses: ['192.168.1.1-192.168.1.12'],
                    destinationAddresses: ['*'],
                    destinationPorts: ['443-444', '8443'],
                  },
                ],
              },
            },
          ],
          natRuleCollections: [
            {
              name: 'natrc',
              properties: {
                priority: 112,
                action: { type: 'Dnat' },
                rules: [
                  {
                    name: 'DNAT-HTTPS-traffic',
                    protocols: ['TCP'],
                    sourceAddresses: ['*'],
                    destinationAddresses: ['1.2.3.4'],
                    destinationPorts: ['443'],
                    translatedAddress: '10.50.0.40',
                    translatedPort: '443',
                  },
                ],
              },
            },
          ],
        },
      },
    ];
    const d = mkdtempSync(join(tmpdir(), 'aksnet-import-classic-'));
    try {
      writeFileSync(join(d, 'in.json'), JSON.stringify(items));
      const m = normalize(buildArchitecture(importAzure(join(d, 'in.json')))).model;
      const fw = m.resources.find((r) => r.id === 'azureFirewall:afw-classic') as ResourceOf<'azureFirewall'>;
      expect(fw).toMatchObject({
        tier: 'Standard',
        privateIp: '10.50.0.4',
        ruleModel: 'classic',
        threatIntel: 'Deny',
        dnsProxy: true,
        ruleCollections: [
          { type: 'application', name: 'apprc', priority: 110, action: 'Deny', rules: 1 },
          { type: 'dnat', name: 'natrc', priority: 112, action: 'DNAT', rules: 1 },
          { type: 'network', name: 'netrc', priority: 112, action: 'Allow', rules: 1 },
        ],
        dnatRules: [expect.objectContaining({ name: 'DNAT-HTTPS-traffic', translatedAddress: '10.50.0.40' })],
      });
      // A Deny collection allows nothing: its FQDNs are not allowed FQDNs.
      expect(fw.fqdnAllowRules).toEqual([]);
      expect(fw.aksFqdnTag).toBe(false);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('aksnet import: WAF managed rules that are off or not in the DSL', () => {
  const az = join(import.meta.dirname, '../fixtures/azure/hub-spoke/az');
  const withSets = (sets: unknown[]) => {
    const d = mkdtempSync(join(tmpdir(), 'aksnet-import-waf-'));
    cpSync(az, d, { recursive: true });
    const p = join(d, 'application-gateway-waf-policy-list.json');
    const v = JSON.parse(readFileSync(p, 'utf8')) as Array<{ managedRules: { managedRuleSets: unknown[] } }>;
    v[0]!.managedRules.managedRuleSets = sets;
    writeFileSync(p, JSON.stringify(v));
    try {
      const imported = importAzure(d);
      const m = normalize(buildArchitecture(imported)).model;
      const gw = m.resources.find((r) => r.kind === 'applicationGateway') as ResourceOf<'applicationGateway'>;
      return { waf: gw.waf!, unmapped: imported.unmapped.map((u) => `${u.property}: ${u.reason}`) };
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  };

  it('an empty rule set list is managed rules off', () => {
    const { waf } = withSets([]);
    expect(waf.managedRules).toBe(false);
    expect(waf.managedRuleSets).toBeUndefined();
  });

  it('only rule sets the DSL cannot name leave managed rules unknown, and are listed', () => {
    const { waf, unmapped } = withSets([{ ruleSetType: 'Microsoft_HTTPDDoSRuleSet', ruleSetVersion: '1.0' }]);
    expect(waf.managedRules).toBeUndefined();
    expect(waf.managedRuleSets).toBeUndefined();
    expect(unmapped).toContain('managedRuleSets/Microsoft_HTTPDDoSRuleSet: this managed rule set is not in the DSL');
  });
});

describe('peering gateway transit', () => {
  const vnet = (name: string, prefix: string, peerTo: string, props: Record<string, boolean>, gateway: boolean) => ({
    id: `${NET}/virtualNetworks/${name}`,
    name,
    type: 'Microsoft.Network/virtualNetworks',
    location: 'westeurope',
    properties: {
      addressSpace: { addressPrefixes: [prefix] },
      subnets: gateway
        ? [{ name: 'GatewaySubnet', id: `${NET}/virtualNetworks/${name}/subnets/GatewaySubnet`, properties: { addressPrefix: prefix.replace('/16', '/27') } }]
        : [],
      virtualNetworkPeerings: [
        {
          name: `${name}-to-${peerTo}`,
          id: `${NET}/virtualNetworks/${name}/virtualNetworkPeerings/${name}-to-${peerTo}`,
          properties: { remoteVirtualNetwork: ref(`${NET}/virtualNetworks/${peerTo}`), peeringState: 'Connected', ...props },
        },
      ],
    },
  });
  const run = (hub: Record<string, boolean>, spoke: Record<string, boolean>) => {
    const d = mkdtempSync(join(tmpdir(), 'aksnet-import-transit-'));
    try {
      const items = [vnet('vnet-hub', '10.0.0.0/16', 'vnet-spoke', hub, true), vnet('vnet-spoke', '10.1.0.0/16', 'vnet-hub', spoke, false)];
      writeFileSync(join(d, 'in.json'), JSON.stringify(items));
      const design = importAzure(join(d, 'in.json'));
      const m = normalize(buildArchitecture(design)).model;
      return { design, peering: m.edges.find((e) => e.class === 'peering')! };
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  };

  it("reads the hub's allowGatewayTransit and the spoke's useRemoteGateways", () => {
    const { peering, design } = run({ allowGatewayTransit: true, useRemoteGateways: false }, { allowGatewayTransit: false, useRemoteGateways: true });
    expect(peering).toMatchObject({ from: 'vnet:vnet-hub', to: 'vnet:vnet-spoke', gatewayTransit: true, useRemoteGateways: true });
    expect(designSource(design)).toMatch(/allowGatewayTransit: true,[\s\S]*useRemoteGateways: true/);
  });

  it('keeps useRemoteGateways false when the spoke says so, and notes a hub that uses remote gateways', () => {
    const { peering, design } = run({ allowGatewayTransit: true, useRemoteGateways: true }, { useRemoteGateways: false });
    expect(peering).toMatchObject({ gatewayTransit: true, useRemoteGateways: false });
    expect(design.unmapped.map((u) => u.property)).toContain('virtualNetworkPeerings.useRemoteGateways');
  });
});
