/**
 * (a) Hub-spoke baseline, in the shape of the AKS baseline reference architecture:
 * public Application Gateway WAF_v2 → internal load balancer → in-cluster ingress controller with
 * TLS re-encrypted at every hop; egress forced through Azure Firewall in the hub; private cluster;
 * Azure CNI overlay powered by Cilium.
 */
import {
  applicationGateway,
  azureFirewall,
  bastion,
  buildAgents,
  cluster,
  ddosProtectionPlan,
  defineArchitecture,
  ingressController,
  ingressPath,
  loadBalancer,
  nodePool,
  nsg,
  paas,
  peering,
  privateDnsZone,
  privateEndpoint,
  routeTable,
  subnet,
  vnet,
} from 'aksnet';

const ddos = ddosProtectionPlan({ name: 'ddos-contoso' });

// ---- Hub ------------------------------------------------------------------------------------
const fwSubnet = subnet({ name: 'AzureFirewallSubnet', cidr: '10.200.0.0/26', purpose: 'firewall' });
const bastionSubnet = subnet({ name: 'AzureBastionSubnet', cidr: '10.200.0.128/26', purpose: 'bastion', nsg: nsg({ name: 'nsg-bastion' }) });
const gatewaySubnet = subnet({ name: 'GatewaySubnet', cidr: '10.200.1.0/27', purpose: 'gateway' });

const hub = vnet({
  name: 'vnet-hub-weu',
  region: 'westeurope',
  role: 'hub',
  addressSpace: ['10.200.0.0/24', '10.200.1.0/24'],
  ddosProtectionPlan: ddos,
  subnets: [fwSubnet, bastionSubnet, gatewaySubnet],
});

const firewall = azureFirewall({
  name: 'afw-hub-weu',
  tier: 'Premium',
  subnet: fwSubnet,
  privateIp: '10.200.0.4',
  publicIps: 20,
  dnsProxy: true,
  aksFqdnTag: true,
  fqdnAllowRules: ['mcr.microsoft.com', '*.data.mcr.microsoft.com', 'packages.microsoft.com', 'login.microsoftonline.com', 'api.stripe.com'],
  zones: [1, 2, 3],
  threatIntel: 'Deny',
});

// ---- Spoke ----------------------------------------------------------------------------------
const egressRoutes = routeTable({
  name: 'rt-aks-egress',
  bgpRoutePropagation: false,
  routes: [{ name: 'default-to-firewall', prefix: '0.0.0.0/0', nextHop: firewall }],
});

const nsgAppGw = nsg({
  name: 'nsg-appgw',
  flowLogs: true,
  rules: [
    { name: 'allow-https-internet', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: 'Internet', destination: '*', ports: 443 },
    { name: 'allow-gateway-manager', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source: 'GatewayManager', destination: '*', ports: '65200-65535' },
    { name: 'allow-azure-lb', direction: 'inbound', access: 'allow', priority: 120, protocol: '*', source: 'AzureLoadBalancer', destination: '*', ports: '*' },
  ],
});

const appGwSubnet = subnet({ name: 'snet-appgw', cidr: '10.240.4.0/24', purpose: 'application-gateway', nsg: nsgAppGw });

const nsgNodes = nsg({
  name: 'nsg-aks-nodes',
  flowLogs: true,
  rules: [
    { name: 'allow-appgw-to-ilb', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: appGwSubnet, destination: '*', ports: 443 },
    { name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' },
  ],
});

const nodesSubnet = subnet({
  name: 'snet-aks-nodes',
  cidr: '10.240.0.0/22',
  purpose: 'aks-nodes',
  nsg: nsgNodes,
  routeTable: egressRoutes,
  defaultOutboundAccess: false,
});
const ingressSubnet = subnet({ name: 'snet-aks-ingress', cidr: '10.240.5.0/28', purpose: 'ingress', nsg: nsgNodes, routeTable: egressRoutes });
const peSubnet = subnet({ name: 'snet-private-endpoints', cidr: '10.240.6.0/27', purpose: 'private-endpoints', nsg: nsg({ name: 'nsg-private-endpoints' }) });
const agentsSubnet = subnet({
  name: 'snet-build-agents',
  cidr: '10.240.7.0/27',
  purpose: 'build-agents',
  nsg: nsg({ name: 'nsg-build-agents' }),
  routeTable: egressRoutes,
  defaultOutboundAccess: false,
});

const spoke = vnet({
  name: 'vnet-spoke-payments-weu',
  region: 'westeurope',
  role: 'spoke',
  addressSpace: ['10.240.0.0/16'],
  dnsServers: ['10.200.0.4'], // the hub firewall's DNS proxy, so FQDN rules and pods resolve alike
  ddosProtectionPlan: ddos,
  flowLogs: true, // VNet flow logs: the NSGs' flow logging is not the retiring NSG flow logs
  subnets: [nodesSubnet, appGwSubnet, ingressSubnet, peSubnet, agentsSubnet],
});

// ---- Private endpoints ---------------------------------------------------------------------
const kvZone = privateDnsZone({ name: 'privatelink.vaultcore.azure.net', links: [hub, spoke] });
const acrZone = privateDnsZone({ name: 'privatelink.azurecr.io', links: [hub, spoke] });
// The spoke resolves through the hub firewall's DNS proxy, so the API server's zone must be linked to the hub too:
// a custom zone instead of the AKS-created one, which AKS links to the cluster's VNet only.
const apiZone = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: [hub, spoke] });
const keyVault = paas({ name: 'kv-payments-weu', service: 'keyVault', publicNetworkAccess: false });
const registry = paas({ name: 'acrpaymentsweu', service: 'containerRegistry', sku: 'Premium', publicNetworkAccess: false });
const kvEndpoint = privateEndpoint({ name: 'pe-kv-payments', subnet: peSubnet, target: keyVault, dnsZone: kvZone });
const acrEndpoint = privateEndpoint({ name: 'pe-acr-payments', subnet: peSubnet, target: registry, dnsZone: acrZone });

const hubBastion = bastion({ name: 'bas-hub-weu', subnet: bastionSubnet, sku: 'Standard' });
const agents = buildAgents({ name: 'gh-runners-payments', hosting: 'self-hosted', platform: 'github-actions', subnet: agentsSubnet });

// ---- Cluster --------------------------------------------------------------------------------
const aks = cluster({
  name: 'aks-payments-weu',
  region: 'westeurope',
  tier: 'Standard',
  kubernetesVersion: '1.35',
  // A private DNS zone of our own: AKS manages it as this user-assigned identity.
  identity: { type: 'user-assigned', roles: ['Network Contributor', 'Private DNS Zone Contributor'] },
  network: {
    cni: 'azure-overlay',
    dataplane: 'cilium',
    podCidr: '192.168.0.0/16',
    serviceCidr: '172.16.0.0/16',
    dnsServiceIP: '172.16.0.10',
    networkPolicy: 'cilium',
    defaultDeny: true,
  },
  nodePools: [
    nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 5, zones: [1, 2, 3], subnet: nodesSubnet, maxSurge: '33%' }),
    nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 20, maxPods: 110, zones: [1, 2, 3], subnet: nodesSubnet, maxSurge: '33%' }),
  ],
  apiServer: { mode: 'private', privateDnsZone: apiZone, publicFqdn: false },
  controlPlaneAccess: [
    { kind: 'admins', via: hubBastion, description: 'platform SREs through Bastion' },
    { kind: 'cicd', via: agents, description: 'deploy pipeline on self-hosted runners in the spoke' },
    { kind: 'gitops', tool: 'flux', description: 'Flux reconciles workload manifests' },
  ],
  outbound: { type: 'userDefinedRouting', via: firewall },
  egressDestinations: [
    { name: 'Stripe API', fqdn: 'api.stripe.com', port: 443, protocol: 'https', category: 'saas' },
    { name: 'Microsoft Entra ID', fqdn: 'login.microsoftonline.com', port: 443, protocol: 'https', category: 'identity' },
    { name: 'Key Vault', privateEndpoint: kvEndpoint, category: 'azure-paas' },
    { name: 'Container registry', privateEndpoint: acrEndpoint, category: 'container-registry' },
  ],
});

// ---- Ingress --------------------------------------------------------------------------------
const appGw = applicationGateway({
  name: 'agw-payments-weu',
  sku: 'WAF_v2',
  subnet: appGwSubnet,
  frontend: 'public',
  management: 'standalone',
  waf: { mode: 'Prevention', managedRules: true },
  zones: [1, 2, 3],
  minCapacity: 2,
  maxCapacity: 10,
});

const ilb = loadBalancer({ name: 'ilb-ingress', visibility: 'internal', subnet: ingressSubnet, privateIp: '10.240.5.4', cluster: aks, zones: [1, 2, 3] });
const traefik = ingressController({ name: 'traefik', type: 'traefik', cluster: aks, replicas: 3, zoneSpread: true, namespace: 'ingress' });

export default defineArchitecture({
  metadata: {
    title: 'Payments platform: West Europe production network',
    description:
      'Hub-and-spoke landing zone for the payments API. Internet traffic enters through a zone-redundant WAF, stays encrypted to the pods, and all egress is inspected by the hub firewall.',
    version: '2.1.0',
    owner: 'Platform Networking',
    status: 'in-review',
    environment: 'production',
    workload: 'payments-api',
    reviewers: ['Cloud Architecture Board', 'Security Architecture'],
    decisionRequested: 'Approve the network design for the production launch.',
    date: '2026-11-02',
  },
  decisions: [
    {
      id: 'ADR-007',
      title: 'Azure CNI overlay with Cilium instead of kubenet',
      status: 'accepted',
      context: 'kubenet retires in 2028 and cannot enforce policy at scale; the spoke has a /16 shared with other teams.',
      options: ['kubenet + Calico', 'Azure CNI pod subnet', 'Azure CNI overlay + Cilium'],
      decision: 'Use Azure CNI overlay with the Cilium dataplane and Cilium network policy.',
      consequences: ['Pod IPs are not routable from the hub; ingress goes through the internal LB.', 'Node subnet only needs one address per node.'],
    },
    {
      id: 'ADR-009',
      title: 'Force-tunnel egress through the hub firewall',
      status: 'accepted',
      context: 'PCI DSS requires egress filtering and logging for the cardholder data environment.',
      decision: 'outboundType userDefinedRouting with 0.0.0.0/0 to Azure Firewall Premium; FQDN allow-list.',
      consequences: ['Public LoadBalancer Services are not allowed (asymmetric routing).', 'Firewall needs 20 public IPs for SNAT headroom.'],
    },
  ],
  network: {
    vnets: [hub, spoke],
    peerings: [peering({ from: hub, to: spoke, allowForwardedTraffic: true })],
    privateDnsZones: [kvZone, acrZone, apiZone],
    privateEndpoints: [kvEndpoint, acrEndpoint],
    firewalls: [firewall],
    bastions: [hubBastion],
    buildAgents: [agents],
  },
  clusters: [aks],
  ingress: [
    ingressPath({
      name: 'public-api',
      description: 'Customers call the payments API over the internet.',
      from: { kind: 'internet', label: 'Customers' },
      hops: [
        { via: appGw, protocol: 'https', port: 443, tls: 'reencrypt' },
        { via: ilb, protocol: 'https', port: 443, tls: 'passthrough' },
        { via: traefik, protocol: 'https', port: 443, tls: 'reencrypt' },
      ],
      to: { cluster: aks, namespace: 'payments', service: 'payments-api', protocol: 'https', port: 8443, tls: 'terminate' },
    }),
  ],
});
