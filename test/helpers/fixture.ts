/**
 * A compact, well-formed architecture for rule tests. `baseline()` returns fresh objects on every
 * call, so a test can change any part of it without affecting other tests. Rule tests run only the
 * rule under test, so the baseline does not have to be free of every other finding.
 */
import {
  applicationGateway,
  azureFirewall,
  cluster,
  defineArchitecture,
  ingressController,
  ingressPath,
  loadBalancer,
  nodePool,
  nsg,
  peering,
  routeTable,
  subnet,
  vnet,
  type Architecture,
} from '../../dsl/index.js';

export function baseline() {
  const fwSubnet = subnet({ name: 'AzureFirewallSubnet', cidr: '10.0.0.0/26', purpose: 'firewall' });
  const hub = vnet({ name: 'vnet-hub', region: 'westeurope', role: 'hub', addressSpace: ['10.0.0.0/22'], subnets: [fwSubnet] });
  const firewall = azureFirewall({
    name: 'afw-hub',
    tier: 'Standard',
    subnet: fwSubnet,
    privateIp: '10.0.0.4',
    publicIps: 20,
    dnsProxy: true,
    zones: [1, 2, 3],
    threatIntel: 'Deny',
    aksFqdnTag: true,
  });
  const rt = routeTable({ name: 'rt-egress', routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: firewall }], bgpRoutePropagation: false });
  const appGwSubnet = subnet({ name: 'snet-appgw', cidr: '10.1.4.0/24', purpose: 'application-gateway' });
  const nodeNsg = nsg({
    name: 'nsg-nodes',
    rules: [{ name: 'allow-appgw', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: appGwSubnet, destination: '*', ports: 443 }],
  });
  const nodes = subnet({ name: 'snet-nodes', cidr: '10.1.0.0/22', purpose: 'aks-nodes', nsg: nodeNsg, routeTable: rt, defaultOutboundAccess: false });
  const spoke = vnet({ name: 'vnet-spoke', region: 'westeurope', role: 'spoke', addressSpace: ['10.1.0.0/16'], subnets: [nodes, appGwSubnet] });
  const aks = cluster({
    name: 'aks-test',
    region: 'westeurope',
    tier: 'Standard',
    kubernetesVersion: '1.33',
    network: { cni: 'azure-overlay', dataplane: 'cilium', networkPolicy: 'cilium', defaultDeny: true, podCidr: '192.168.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' },
    nodePools: [
      nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 5, zones: [1, 2, 3], subnet: nodes }),
      nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 10, zones: [1, 2, 3], subnet: nodes }),
    ],
    apiServer: { mode: 'private', privateDnsZone: 'system', publicFqdn: false },
    outbound: { type: 'userDefinedRouting', via: firewall },
  });
  const appGw = applicationGateway({
    name: 'agw-test',
    sku: 'WAF_v2',
    subnet: appGwSubnet,
    frontend: 'public',
    management: 'standalone',
    waf: { mode: 'Prevention', managedRules: true },
    zones: [1, 2, 3],
    minCapacity: 2,
  });
  const ilb = loadBalancer({ name: 'ilb-ingress', visibility: 'internal', subnet: nodes, cluster: aks, zones: [1, 2, 3] });
  const ic = ingressController({ name: 'nginx', type: 'nginx', cluster: aks, replicas: 3, zoneSpread: true });
  const path = ingressPath({
    name: 'web',
    from: { kind: 'internet' },
    hops: [
      { via: appGw, protocol: 'https', port: 443, tls: 'reencrypt' },
      { via: ilb, protocol: 'https', port: 443, tls: 'passthrough' },
      { via: ic, protocol: 'https', port: 443, tls: 'reencrypt' },
    ],
    to: { cluster: aks, namespace: 'web', service: 'web', protocol: 'https', port: 8443 },
  });
  const arch: Architecture = defineArchitecture({
    metadata: { title: 'Rule test baseline', status: 'draft' },
    network: { vnets: [hub, spoke], peerings: [peering({ from: hub, to: spoke, allowForwardedTraffic: true })], firewalls: [firewall] },
    clusters: [aks],
    ingress: [path],
  });
  return { arch, hub, spoke, fwSubnet, appGwSubnet, nodes, nodeNsg, rt, firewall, aks, appGw, ilb, ic, path };
}
