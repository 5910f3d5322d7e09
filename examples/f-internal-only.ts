/**
 * (f) Internal-only platform: no public ingress at all.
 *
 *   employees on-premises → ExpressRoute (VPN as backup) → hub → Azure Firewall (inbound
 *   inspection) → Application Gateway WAF_v2 with a private frontend only → internal load balancer
 *   → Contour → ERP and HR pods.
 *
 *   branch offices → site-to-site VPN → hub → the same path.
 *
 * The hub hosts the ExpressRoute and VPN gateways, the firewall and Bastion. The GatewaySubnet
 * route table sends spoke-bound traffic to the firewall, and the Application Gateway subnet sends
 * on-premises-bound replies back through it, so both directions are inspected symmetrically. The
 * nodes force-tunnel 0.0.0.0/0 to the same firewall, which only allows the FQDNs listed below.
 *
 * The cluster is private with a BYO private DNS zone in the hub, which the on-premises DNS servers
 * forward to; administrators reach the API server across ExpressRoute from the corporate network.
 */
import {
  applicationGateway,
  azureFirewall,
  bastion,
  buildAgents,
  cluster,
  ddosProtectionPlan,
  defineArchitecture,
  hybridConnection,
  ingressController,
  ingressPath,
  loadBalancer,
  nodePool,
  nsg,
  onPremises,
  paas,
  peering,
  privateDnsZone,
  privateEndpoint,
  routeTable,
  subnet,
  vnet,
  vnetGateway,
} from 'aksnet';

/** Address ranges of the corporate network. */
const DATACENTER = '10.0.0.0/12';
const BRANCHES = '172.16.0.0/16';
const SPOKE = '10.101.0.0/16';

const ddos = ddosProtectionPlan({ name: 'ddos-wwi-gwc' });

// ---- On-premises ----------------------------------------------------------------------------
const hamburg = onPremises({ name: 'Hamburg data centre', addressSpace: [DATACENTER], dnsForwarder: '10.100.1.4' }); // the hub DNS resolver's inbound endpoint
const branches = onPremises({ name: 'Branch offices (SD-WAN)', addressSpace: [BRANCHES] });

// ---- Hub ------------------------------------------------------------------------------------
const fwSubnet = subnet({ name: 'AzureFirewallSubnet', cidr: '10.100.0.64/26', purpose: 'firewall' });

const firewall = azureFirewall({
  name: 'afw-hub-gwc',
  tier: 'Premium',
  subnet: fwSubnet,
  privateIp: '10.100.0.68',
  publicIps: 20,
  dnsProxy: true,
  aksFqdnTag: true,
  fqdnAllowRules: ['mcr.microsoft.com', '*.data.mcr.microsoft.com', 'login.microsoftonline.com', 'graph.microsoft.com', 'api.nuget.org', '*.ariba.com'],
  zones: [1, 2, 3],
  threatIntel: 'Deny',
});

const gatewayRoutes = routeTable({
  name: 'rt-gateway-gwc',
  routes: [{ name: 'spoke-via-firewall', prefix: SPOKE, nextHop: firewall }],
});
const gatewaySubnet = subnet({ name: 'GatewaySubnet', cidr: '10.100.0.0/26', purpose: 'gateway', routeTable: gatewayRoutes });

const nsgBastion = nsg({
  name: 'nsg-bastion-gwc',
  flowLogs: true,
  rules: [
    { name: 'allow-https-corporate', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: DATACENTER, destination: '*', ports: 443 },
    { name: 'allow-gateway-manager', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source: 'GatewayManager', destination: '*', ports: 443 },
    { name: 'allow-azure-lb', direction: 'inbound', access: 'allow', priority: 120, protocol: 'tcp', source: 'AzureLoadBalancer', destination: '*', ports: 443 },
    { name: 'allow-bastion-host-comm', direction: 'inbound', access: 'allow', priority: 130, protocol: '*', source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: [5701, 8080] },
    { name: 'allow-ssh-rdp-out', direction: 'outbound', access: 'allow', priority: 100, protocol: '*', source: '*', destination: 'VirtualNetwork', ports: [22, 3389] },
    { name: 'allow-azure-cloud-out', direction: 'outbound', access: 'allow', priority: 110, protocol: 'tcp', source: '*', destination: 'AzureCloud', ports: 443 },
  ],
});
const bastionSubnet = subnet({ name: 'AzureBastionSubnet', cidr: '10.100.0.128/26', purpose: 'bastion', nsg: nsgBastion });

const hub = vnet({
  name: 'vnet-hub-gwc',
  region: 'germanywestcentral',
  role: 'hub',
  addressSpace: ['10.100.0.0/22'],
  ddosProtectionPlan: ddos,
  subnets: [gatewaySubnet, fwSubnet, bastionSubnet],
});

const erGateway = vnetGateway({ name: 'ergw-hub-gwc', type: 'expressRoute', subnet: gatewaySubnet, sku: 'ErGw2AZ', zones: [1, 2, 3] });
const vpnGateway = vnetGateway({ name: 'vpngw-hub-gwc', type: 'vpn', subnet: gatewaySubnet, sku: 'VpnGw2AZ', zones: [1, 2, 3], activeActive: true });
const erHamburg = hybridConnection({ name: 'con-er-hamburg', gateway: erGateway, remote: hamburg, bandwidthMbps: 1000 });
const vpnHamburg = hybridConnection({ name: 'con-vpn-hamburg-backup', gateway: vpnGateway, remote: hamburg });
const vpnBranches = hybridConnection({ name: 'con-vpn-branches', gateway: vpnGateway, remote: branches });

// ---- Spoke ----------------------------------------------------------------------------------
const egressRoutes = routeTable({
  name: 'rt-aks-egress-gwc',
  bgpRoutePropagation: false,
  routes: [{ name: 'default-to-firewall', prefix: '0.0.0.0/0', nextHop: firewall }],
});
const appGwRoutes = routeTable({
  name: 'rt-appgw-gwc',
  bgpRoutePropagation: false,
  routes: [
    { name: 'datacenter-via-firewall', prefix: DATACENTER, nextHop: firewall },
    { name: 'branches-via-firewall', prefix: BRANCHES, nextHop: firewall },
  ],
});

const nsgAppGw = nsg({
  name: 'nsg-appgw-gwc',
  flowLogs: true,
  rules: [
    { name: 'allow-https-corporate', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: DATACENTER, destination: '*', ports: 443 },
    { name: 'allow-https-branches', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source: BRANCHES, destination: '*', ports: 443 },
    { name: 'allow-gateway-manager', direction: 'inbound', access: 'allow', priority: 120, protocol: 'tcp', source: 'GatewayManager', destination: '*', ports: '65200-65535' },
    { name: 'allow-azure-lb', direction: 'inbound', access: 'allow', priority: 130, protocol: '*', source: 'AzureLoadBalancer', destination: '*', ports: '*' },
    { name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' },
  ],
});
const appGwSubnet = subnet({ name: 'snet-appgw', cidr: '10.101.4.0/24', purpose: 'application-gateway', nsg: nsgAppGw, routeTable: appGwRoutes });

const nsgNodes = nsg({
  name: 'nsg-aks-nodes-gwc',
  flowLogs: true,
  rules: [
    { name: 'allow-appgw-to-ingress', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: appGwSubnet, destination: '*', ports: 443 },
    { name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' },
  ],
});
const nodesSubnet = subnet({ name: 'snet-aks-nodes', cidr: '10.101.0.0/22', purpose: 'aks-nodes', nsg: nsgNodes, routeTable: egressRoutes, defaultOutboundAccess: false });
const ingressSubnet = subnet({ name: 'snet-aks-ingress', cidr: '10.101.5.0/28', purpose: 'ingress', nsg: nsgNodes, routeTable: egressRoutes, defaultOutboundAccess: false });

const nsgPrivateEndpoints = nsg({
  name: 'nsg-private-endpoints-gwc',
  flowLogs: true,
  rules: [
    { name: 'allow-nodes', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: nodesSubnet, destination: '*', ports: [443, 1433] },
    { name: 'deny-other-vnet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'VirtualNetwork', destination: '*', ports: '*' },
  ],
});
const peSubnet = subnet({ name: 'snet-private-endpoints', cidr: '10.101.6.0/27', purpose: 'private-endpoints', nsg: nsgPrivateEndpoints, defaultOutboundAccess: false });

const nsgAgents = nsg({
  name: 'nsg-build-agents-gwc',
  flowLogs: true,
  rules: [{ name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' }],
});
const agentsSubnet = subnet({ name: 'snet-build-agents', cidr: '10.101.7.0/27', purpose: 'build-agents', nsg: nsgAgents, routeTable: egressRoutes, defaultOutboundAccess: false });

const spoke = vnet({
  name: 'vnet-spoke-erp-gwc',
  region: 'germanywestcentral',
  role: 'spoke',
  addressSpace: [SPOKE],
  ddosProtectionPlan: ddos,
  subnets: [nodesSubnet, appGwSubnet, ingressSubnet, peSubnet, agentsSubnet],
});

// ---- DNS and private endpoints ---------------------------------------------------------------
const aksZone = privateDnsZone({ name: 'privatelink.germanywestcentral.azmk8s.io', links: [hub, spoke] });
const acrZone = privateDnsZone({ name: 'privatelink.azurecr.io', links: [hub, spoke] });
const kvZone = privateDnsZone({ name: 'privatelink.vaultcore.azure.net', links: [hub, spoke] });
const sqlZone = privateDnsZone({ name: 'privatelink.database.windows.net', links: [hub, spoke] });
const blobZone = privateDnsZone({ name: 'privatelink.blob.core.windows.net', links: [hub, spoke] });

const registry = paas({ name: 'crwwierpgwc', service: 'containerRegistry', sku: 'Premium', publicNetworkAccess: false });
const keyVault = paas({ name: 'kv-wwi-erp-gwc', service: 'keyVault', publicNetworkAccess: false });
const erpDb = paas({ name: 'sql-wwi-erp-gwc', service: 'sqlDatabase', publicNetworkAccess: false });
const documents = paas({ name: 'stwwierpdocsgwc', service: 'storageBlob', publicNetworkAccess: false });
const acrEndpoint = privateEndpoint({ name: 'pe-acr-erp', subnet: peSubnet, target: registry, dnsZone: acrZone });
const kvEndpoint = privateEndpoint({ name: 'pe-kv-erp', subnet: peSubnet, target: keyVault, dnsZone: kvZone });
const sqlEndpoint = privateEndpoint({ name: 'pe-sql-erp', subnet: peSubnet, target: erpDb, dnsZone: sqlZone });
const blobEndpoint = privateEndpoint({ name: 'pe-blob-erp-docs', subnet: peSubnet, target: documents, dnsZone: blobZone });

// ---- Operations ----------------------------------------------------------------------------
const hubBastion = bastion({ name: 'bas-hub-gwc', subnet: bastionSubnet, sku: 'Standard' });
const agents = buildAgents({ name: 'ado-agents-erp-gwc', hosting: 'self-hosted', platform: 'azure-devops', subnet: agentsSubnet });

// ---- Cluster --------------------------------------------------------------------------------
const aks = cluster({
  name: 'aks-erp-gwc',
  region: 'germanywestcentral',
  tier: 'Standard',
  kubernetesVersion: '1.35',
  // A private DNS zone of our own: AKS manages it as this user-assigned identity.
  identity: { type: 'user-assigned', roles: ['Network Contributor', 'Private DNS Zone Contributor'] },
  network: {
    cni: 'azure-overlay',
    dataplane: 'cilium',
    podCidr: '100.64.0.0/16',
    serviceCidr: '172.22.0.0/16',
    dnsServiceIP: '172.22.0.10',
    networkPolicy: 'cilium',
    defaultDeny: true,
  },
  nodePools: [
    nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 4, maxPods: 110, zones: [1, 2, 3], subnet: nodesSubnet, maxSurge: '33%' }),
    nodePool({ name: 'erp', mode: 'user', vmSize: 'Standard_E8ds_v5', minCount: 3, maxCount: 12, maxPods: 110, zones: [1, 2, 3], subnet: nodesSubnet, maxSurge: '33%' }),
  ],
  apiServer: { mode: 'private', privateDnsZone: aksZone, publicFqdn: false },
  controlPlaneAccess: [
    { kind: 'admins', via: erHamburg, description: 'platform operators from the Hamburg admin network across ExpressRoute' },
    { kind: 'admins', via: hubBastion, description: 'on-call engineers from home through Bastion (Entra ID, PIM)' },
    { kind: 'cicd', via: agents, description: 'self-hosted Azure DevOps agents in the spoke' },
    { kind: 'gitops', tool: 'flux', description: 'Flux pulls manifests from the on-premises Azure DevOps Server through the firewall' },
  ],
  outbound: { type: 'userDefinedRouting', via: firewall },
  egressDestinations: [
    { name: 'Microsoft Entra ID', fqdn: 'login.microsoftonline.com', port: 443, protocol: 'https', category: 'identity' },
    { name: 'Microsoft Graph', fqdn: 'graph.microsoft.com', port: 443, protocol: 'https', category: 'identity' },
    { name: 'Microsoft Container Registry', fqdn: 'mcr.microsoft.com', port: 443, protocol: 'https', category: 'aks-required' },
    { name: 'SAP Ariba', fqdn: '*.ariba.com', port: 443, protocol: 'https', category: 'saas' },
    { name: 'NuGet', fqdn: 'api.nuget.org', port: 443, protocol: 'https', category: 'package-feed' },
    { name: 'Container registry', privateEndpoint: acrEndpoint, category: 'container-registry' },
    { name: 'Key Vault', privateEndpoint: kvEndpoint, category: 'azure-paas' },
    { name: 'ERP database', privateEndpoint: sqlEndpoint, port: 1433, protocol: 'tcp', category: 'azure-paas' },
    { name: 'Document store', privateEndpoint: blobEndpoint, category: 'azure-paas' },
  ],
});

// ---- Ingress --------------------------------------------------------------------------------
const appGw = applicationGateway({
  name: 'agw-erp-gwc',
  sku: 'WAF_v2',
  subnet: appGwSubnet,
  frontend: 'private',
  privateIp: '10.101.4.10',
  management: 'standalone',
  waf: { name: 'wafp-erp-gwc', mode: 'Prevention', managedRules: true },
  zones: [1, 2, 3],
  minCapacity: 2,
  maxCapacity: 6,
  minTlsVersion: '1.2',
});
const ilb = loadBalancer({ name: 'ilb-contour', visibility: 'internal', sku: 'Standard', subnet: ingressSubnet, privateIp: '10.101.5.4', zones: [1, 2, 3], cluster: aks });
const contour = ingressController({ name: 'contour-internal', type: 'contour', cluster: aks, replicas: 3, zoneSpread: true, namespace: 'projectcontour' });

export default defineArchitecture({
  metadata: {
    title: 'Wide World Importers ERP and HR: internal platform, Germany West Central',
    description:
      'Line-of-business applications (ERP front ends, HR self-service) used only by employees in the Hamburg head office and the branch network. Nothing is published to the internet: users arrive over ExpressRoute or site-to-site VPN, every flow between on-premises and the spoke crosses the hub firewall, and outbound traffic is limited to a short FQDN allow-list.',
    version: '2.0.0',
    owner: 'WWI Enterprise Infrastructure',
    status: 'in-review',
    environment: 'production',
    workload: 'erp-hr-internal',
    reviewers: ['Enterprise Architecture Board', 'Group Information Security', 'Works Council IT delegate'],
    decisionRequested: 'Approve the internal-only network design for the ERP front-end migration from the Hamburg VMware estate.',
    date: '2026-11-09',
  },
  decisions: [
    {
      id: 'ADR-041',
      title: 'No public entry point; corporate access over ExpressRoute with VPN backup',
      status: 'accepted',
      context: 'The applications are only used by employees, the works council requires that HR data is never reachable from the internet, and the Hamburg data centre already has a 1 Gbps ExpressRoute circuit.',
      options: ['Front Door + Entra ID application proxy', 'Private Application Gateway reached over ExpressRoute/VPN'],
      decision:
        'Publish the applications on a private-only Application Gateway WAF_v2 in the spoke; users reach it over ExpressRoute, with an active-active site-to-site VPN as backup and as the path for SD-WAN branches.',
      consequences: ['Home workers use the corporate VPN client into Hamburg first.', 'On-premises DNS conditionally forwards the private zones to the hub resolver.'],
    },
    {
      id: 'ADR-042',
      title: 'Inspect on-premises-to-spoke traffic in the hub firewall, symmetrically',
      status: 'accepted',
      context: 'Group security requires all traffic between the corporate WAN and Azure workloads to be logged by a single inspection point.',
      decision:
        'GatewaySubnet routes the spoke prefix to the firewall; the Application Gateway subnet routes the corporate prefixes back to the firewall (no 0.0.0.0/0 on that subnet); nodes force-tunnel all traffic to the firewall.',
      consequences: ['The firewall is on the data path for every user request: Premium tier, zone-redundant, 20 public IPs for egress SNAT.', 'A route change on GatewaySubnet must keep BGP propagation enabled.'],
    },
  ],
  network: {
    vnets: [hub, spoke],
    peerings: [peering({ from: hub, to: spoke, allowGatewayTransit: true, useRemoteGateways: true, allowForwardedTraffic: true })],
    privateDnsZones: [aksZone, acrZone, kvZone, sqlZone, blobZone],
    privateEndpoints: [acrEndpoint, kvEndpoint, sqlEndpoint, blobEndpoint],
    onPremises: [hamburg, branches],
    gateways: [erGateway, vpnGateway],
    hybridConnections: [erHamburg, vpnHamburg, vpnBranches],
    firewalls: [firewall],
    bastions: [hubBastion],
    buildAgents: [agents],
  },
  clusters: [aks],
  ingress: [
    ingressPath({
      name: 'erp-portal',
      description: 'Head-office users open the ERP front end across ExpressRoute; the hub firewall inspects the flow before the private gateway.',
      from: { kind: 'corporate', via: erHamburg, label: 'Head-office employees' },
      hops: [
        { via: firewall, protocol: 'https', port: 443, tls: 'passthrough', preservesClientIp: true, note: 'network rule: corporate ranges to 10.101.4.10:443, IDPS in alert-and-deny' },
        { via: appGw, protocol: 'https', port: 443, tls: 'reencrypt', note: 'certificate from the internal PKI' },
        { via: ilb, protocol: 'https', port: 443, tls: 'passthrough' },
        { via: contour, protocol: 'https', port: 443, tls: 'reencrypt', note: 'HTTPProxy with upstream TLS validation' },
      ],
      to: { cluster: aks, namespace: 'erp', service: 'erp-web', protocol: 'https', port: 8443, tls: 'terminate' },
    }),
    ingressPath({
      name: 'hr-self-service',
      description: 'Branch employees use HR self-service over the SD-WAN VPN.',
      from: { kind: 'corporate', via: vpnBranches, label: 'Branch employees' },
      hops: [
        { via: firewall, protocol: 'https', port: 443, tls: 'passthrough', preservesClientIp: true },
        { via: appGw, protocol: 'https', port: 443, tls: 'reencrypt' },
        { via: ilb, protocol: 'https', port: 443, tls: 'passthrough' },
        { via: contour, protocol: 'https', port: 443, tls: 'reencrypt' },
      ],
      to: { cluster: aks, namespace: 'hr', service: 'hr-self-service', protocol: 'https', port: 8443, tls: 'terminate' },
    }),
  ],
});
