/**
 * (c) Application Gateway for Containers with the Kubernetes Gateway API.
 *
 *   API consumers and partners → Application Gateway for Containers (managed by the ALB
 *   controller, public frontend, WAF policy in Prevention) → pods, addressed directly.
 *
 * There is no in-cluster ingress controller: the ALB controller programs the Azure-managed data
 * plane from Gateway/HTTPRoute resources, and AGC proxies from its delegated association subnet
 * straight to pod IPs. Pods take routable addresses from a dedicated pod subnet (Azure CNI pod
 * subnet, dynamic allocation, Cilium dataplane), so AGC and the NSGs can address them directly.
 *
 * Egress goes through a user-assigned NAT gateway with a fixed /31 prefix. The API server stays
 * public but is locked to office ranges, the NAT gateway prefix (needed by the nodes) and the
 * static IPs of the GitHub-hosted larger runners.
 */
import {
  appGatewayForContainers,
  buildAgents,
  cluster,
  ddosProtectionPlan,
  defineArchitecture,
  ingressPath,
  natGateway,
  nodePool,
  nsg,
  paas,
  privateDnsZone,
  privateEndpoint,
  subnet,
  vnet,
} from 'aksnet';

/** Public egress prefix of the NAT gateway (a /31 public IP prefix). */
const NAT_EGRESS = '20.96.14.38/31';
/** Office internet breakouts: Seattle HQ and the Berlin engineering office. */
const OFFICES = ['203.0.113.0/27', '198.51.100.64/28'];
/** Static egress addresses of the GitHub-hosted larger runners. */
const RUNNER_EGRESS = ['4.152.60.16/28'];

const ddos = ddosProtectionPlan({ name: 'ddos-northwind-eus2' });

const egressNat = natGateway({
  name: 'ng-partner-api-eus2',
  sku: 'StandardV2',
  publicIpPrefixLength: 31,
  publicIpAddresses: [NAT_EGRESS],
  idleTimeoutMinutes: 4,
});

// ---- Subnets and NSGs ------------------------------------------------------------------------
const nsgAgc = nsg({
  name: 'nsg-agc',
  flowLogs: true,
  rules: [{ name: 'deny-internet-direct', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' }],
});
const agcSubnet = subnet({
  name: 'snet-agc-association',
  cidr: '10.80.1.0/24',
  purpose: 'agc',
  delegation: 'Microsoft.ServiceNetworking/trafficControllers',
  nsg: nsgAgc,
  defaultOutboundAccess: false,
});

const nsgNodes = nsg({
  name: 'nsg-aks-nodes',
  flowLogs: true,
  rules: [{ name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' }],
});
const nodesSubnet = subnet({
  name: 'snet-aks-nodes',
  cidr: '10.80.0.0/24',
  purpose: 'aks-nodes',
  nsg: nsgNodes,
  natGateway: egressNat,
  defaultOutboundAccess: false,
});

const nsgPods = nsg({
  name: 'nsg-aks-pods',
  flowLogs: true,
  rules: [
    { name: 'allow-agc-to-pods', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: agcSubnet, destination: '*', ports: [8080, 8443] },
    { name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' },
  ],
});
const podsSubnet = subnet({
  name: 'snet-aks-pods',
  cidr: '10.80.16.0/20',
  purpose: 'aks-pods',
  nsg: nsgPods,
  natGateway: egressNat,
  defaultOutboundAccess: false,
});

const nsgPrivateEndpoints = nsg({
  name: 'nsg-private-endpoints',
  flowLogs: true,
  rules: [
    { name: 'allow-pods-https', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: podsSubnet, destination: '*', ports: [443, 1433] },
    { name: 'allow-nodes-https', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source: nodesSubnet, destination: '*', ports: 443 },
    { name: 'deny-other-vnet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'VirtualNetwork', destination: '*', ports: '*' },
  ],
});
const peSubnet = subnet({ name: 'snet-private-endpoints', cidr: '10.80.2.0/26', purpose: 'private-endpoints', nsg: nsgPrivateEndpoints, defaultOutboundAccess: false });

const spoke = vnet({
  name: 'vnet-partner-api-eus2',
  region: 'eastus2',
  role: 'standalone',
  addressSpace: ['10.80.0.0/19'],
  ddosProtectionPlan: ddos,
  subnets: [nodesSubnet, agcSubnet, peSubnet, podsSubnet],
});

// ---- Private endpoints ---------------------------------------------------------------------
const acrZone = privateDnsZone({ name: 'privatelink.azurecr.io', links: [spoke] });
const kvZone = privateDnsZone({ name: 'privatelink.vaultcore.azure.net', links: [spoke] });
const sqlZone = privateDnsZone({ name: 'privatelink.database.windows.net', links: [spoke] });
const sbZone = privateDnsZone({ name: 'privatelink.servicebus.windows.net', links: [spoke] });
const registry = paas({ name: 'crnorthwindapi', service: 'containerRegistry', sku: 'Premium', publicNetworkAccess: false });
const keyVault = paas({ name: 'kv-partner-api-eus2', service: 'keyVault', publicNetworkAccess: false });
const ordersDb = paas({ name: 'sql-orders-eus2', service: 'sqlDatabase', publicNetworkAccess: false });
const events = paas({ name: 'sb-partner-events-eus2', service: 'serviceBus', sku: 'Premium', publicNetworkAccess: false });
const acrEndpoint = privateEndpoint({ name: 'pe-acr-partner-api', subnet: peSubnet, target: registry, dnsZone: acrZone });
const kvEndpoint = privateEndpoint({ name: 'pe-kv-partner-api', subnet: peSubnet, target: keyVault, dnsZone: kvZone });
const sqlEndpoint = privateEndpoint({ name: 'pe-sql-orders', subnet: peSubnet, target: ordersDb, dnsZone: sqlZone });
const sbEndpoint = privateEndpoint({ name: 'pe-sb-partner-events', subnet: peSubnet, target: events, dnsZone: sbZone });

// ---- CI ------------------------------------------------------------------------------------
const runners = buildAgents({
  name: 'gh-larger-runners-northwind',
  hosting: 'microsoft-hosted',
  platform: 'github-actions',
  egressIps: RUNNER_EGRESS,
});

// ---- Cluster --------------------------------------------------------------------------------
const aks = cluster({
  name: 'aks-partner-api-eus2',
  region: 'eastus2',
  tier: 'Standard',
  kubernetesVersion: '1.35',
  network: {
    cni: 'azure-podsubnet-dynamic',
    dataplane: 'cilium',
    serviceCidr: '172.18.0.0/16',
    dnsServiceIP: '172.18.0.10',
    networkPolicy: 'cilium',
    defaultDeny: true,
  },
  nodePools: [
    nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 4, maxPods: 50, zones: [1, 2, 3], subnet: nodesSubnet, podSubnet: podsSubnet, maxSurge: '33%' }),
    nodePool({ name: 'api', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 24, maxPods: 60, zones: [1, 2, 3], subnet: nodesSubnet, podSubnet: podsSubnet, maxSurge: '33%' }),
  ],
  apiServer: { mode: 'public', authorizedIpRanges: [...OFFICES, NAT_EGRESS, ...RUNNER_EGRESS] },
  controlPlaneAccess: [
    { kind: 'admins', via: 'internet', description: 'platform engineers from the Seattle and Berlin offices only (authorized IP ranges, Entra ID conditional access)' },
    { kind: 'cicd', via: runners, description: 'GitHub Actions larger runners with static egress IPs run Helm and Gateway API rollouts' },
    { kind: 'gitops', tool: 'argocd', description: 'Argo CD syncs HTTPRoute and application manifests' },
  ],
  outbound: { type: 'userAssignedNATGateway', natGateway: egressNat },
  egressDestinations: [
    { name: 'Microsoft Entra ID', fqdn: 'login.microsoftonline.com', port: 443, protocol: 'https', category: 'identity' },
    { name: 'Microsoft Container Registry', fqdn: 'mcr.microsoft.com', port: 443, protocol: 'https', category: 'aks-required' },
    { name: 'Carrier rating API', fqdn: 'onlinetools.ups.com', port: 443, protocol: 'https', category: 'partner' },
    { name: 'Avalara tax API', fqdn: 'rest.avatax.com', port: 443, protocol: 'https', category: 'saas' },
    { name: 'Datadog intake', fqdn: '*.us3.datadoghq.com', port: 443, protocol: 'https', category: 'monitoring' },
    { name: 'Maven Central', fqdn: 'repo.maven.apache.org', port: 443, protocol: 'https', category: 'package-feed' },
    { name: 'Container registry', privateEndpoint: acrEndpoint, category: 'container-registry' },
    { name: 'Key Vault', privateEndpoint: kvEndpoint, category: 'azure-paas' },
    { name: 'Orders database', privateEndpoint: sqlEndpoint, port: 1433, protocol: 'tcp', category: 'azure-paas' },
    { name: 'Partner events', privateEndpoint: sbEndpoint, port: 5671, protocol: 'tls', category: 'azure-paas' },
  ],
});

// ---- Ingress --------------------------------------------------------------------------------
const agc = appGatewayForContainers({
  name: 'agc-partner-api-eus2',
  deployment: 'managed',
  api: 'gateway-api',
  subnet: agcSubnet,
  frontend: 'public',
  waf: { name: 'waf-partner-api', mode: 'Prevention', managedRules: true },
});

export default defineArchitecture({
  metadata: {
    title: 'Northwind partner API: East US 2 production network',
    description:
      'Northwind exposes its order, tracking and catalogue APIs to retail partners and to its own mobile apps. Application Gateway for Containers replaces the AGIC-managed Application Gateway of the previous platform and is driven entirely by Gateway API resources owned by the application teams.',
    version: '0.9.0',
    owner: 'Integration Platform Team',
    status: 'in-review',
    environment: 'production',
    workload: 'partner-api',
    reviewers: ['Cloud Architecture Board', 'Security Architecture', 'Networking CoE'],
    decisionRequested: 'Approve Application Gateway for Containers as the production ingress for the partner API and retire the AGIC gateway.',
    date: '2026-11-16',
  },
  decisions: [
    {
      id: 'ADR-021',
      title: 'Application Gateway for Containers with Gateway API instead of AGIC',
      status: 'accepted',
      context:
        'AGIC reconciles slowly (minutes per change on a shared gateway), the Ingress API cannot express the header-based partner routing and traffic splitting the teams need, and ingress-nginx is out of upstream maintenance.',
      options: ['Keep AGIC on Application Gateway WAF_v2', 'Application routing add-on NGINX', 'Application Gateway for Containers (managed, Gateway API)'],
      decision:
        'Use Application Gateway for Containers in the managed deployment: the ALB controller creates the resource and its association in snet-agc-association; teams publish HTTPRoutes in their namespaces; a WAF policy in Prevention mode is attached to the Gateway.',
      consequences: [
        'The association subnet needs a /24 delegated to Microsoft.ServiceNetworking/trafficControllers.',
        'AGC is not supported with kubenet; pods get VNet addresses from snet-aks-pods so AGC can reach them directly.',
        'Weighted canary releases move from a service mesh to HTTPRoute backendRefs.',
      ],
    },
    {
      id: 'ADR-022',
      title: 'Public API server restricted by authorized IP ranges',
      status: 'accepted',
      context:
        'The team runs no VPN or ExpressRoute in this subscription and uses GitHub-hosted runners; a private cluster would require self-hosted runners and a jump host for a small team.',
      options: ['Private cluster + self-hosted runners + Bastion', 'API Server VNet Integration (private)', 'Public API server with authorized IP ranges'],
      decision:
        'Keep the API server public, limited to the two office breakouts, the NAT gateway prefix used by the nodes, and the static addresses of the GitHub larger runners; local accounts are disabled and Entra ID RBAC is enforced.',
      consequences: ['Adding an office or runner range is a change request on the cluster.', 'Revisit when the Northwind hub with ExpressRoute lands in East US 2 (2027).'],
    },
  ],
  network: {
    vnets: [spoke],
    privateDnsZones: [acrZone, kvZone, sqlZone, sbZone],
    privateEndpoints: [acrEndpoint, kvEndpoint, sqlEndpoint, sbEndpoint],
    buildAgents: [runners],
  },
  clusters: [aks],
  ingress: [
    ingressPath({
      name: 'partner-api',
      description: 'Retail partners call the order and tracking APIs with mTLS client certificates validated at the AGC frontend.',
      from: { kind: 'partner', label: 'Retail partners', sourceRanges: ['198.51.100.128/26'] },
      hops: [{ via: agc, protocol: 'https', port: 443, tls: 'reencrypt', note: 'frontend mTLS; BackendTLSPolicy re-encrypts to the pods' }],
      to: { cluster: aks, namespace: 'orders', service: 'orders-api', protocol: 'https', port: 8443, tls: 'terminate' },
    }),
    ingressPath({
      name: 'mobile-api',
      description: 'Northwind mobile apps call the catalogue API over HTTP/2.',
      from: { kind: 'internet', label: 'Mobile app users' },
      hops: [{ via: agc, protocol: 'https', port: 443, tls: 'reencrypt' }],
      to: { cluster: aks, namespace: 'catalog', service: 'catalog-api', protocol: 'https', port: 8443, tls: 'terminate' },
    }),
  ],
});
