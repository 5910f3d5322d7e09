/**
 * (e) Istio-based service mesh add-on behind Application Gateway, in a hub-and-spoke landing zone.
 *
 *   shoppers → Application Gateway WAF_v2 (public) → internal load balancer of the add-on's
 *   internal Istio ingress gateway → Istio ingress gateway → sidecar-injected pods, mesh-wide
 *   mTLS STRICT.
 *
 * The Istio ingress gateway is the in-cluster entry: it terminates the TLS session that the
 * Application Gateway re-encrypted, and the mesh re-wraps every hop to the pods in mutual TLS with
 * workload identities, so the last hop is mTLS without the applications handling certificates.
 *
 * Azure CNI overlay with the Cilium dataplane enforces L3/L4 policy underneath the mesh's L7
 * authorization policies. Egress is forced through Azure Firewall Premium in the hub; a
 * zone-redundant NAT gateway on the firewall subnet provides SNAT scale instead of dozens of
 * firewall public IPs. The API server is private, with a BYO private DNS zone hosted in the hub.
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
  jumpBox,
  loadBalancer,
  natGateway,
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

const ddos = ddosProtectionPlan({ name: 'ddos-tailwind-frc' });

// ---- Hub ------------------------------------------------------------------------------------
const fwNat = natGateway({ name: 'ng-hub-fw-frc', sku: 'StandardV2', publicIpPrefixLength: 29, publicIpAddresses: ['20.199.52.8/29'], idleTimeoutMinutes: 4 });
const fwSubnet = subnet({ name: 'AzureFirewallSubnet', cidr: '10.130.0.0/26', purpose: 'firewall', natGateway: fwNat });

const nsgBastion = nsg({
  name: 'nsg-bastion-frc',
  flowLogs: true,
  rules: [
    { name: 'allow-https-internet', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: 'Internet', destination: '*', ports: 443 },
    { name: 'allow-gateway-manager', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source: 'GatewayManager', destination: '*', ports: 443 },
    { name: 'allow-azure-lb', direction: 'inbound', access: 'allow', priority: 120, protocol: 'tcp', source: 'AzureLoadBalancer', destination: '*', ports: 443 },
    { name: 'allow-bastion-host-comm', direction: 'inbound', access: 'allow', priority: 130, protocol: '*', source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: [5701, 8080] },
    { name: 'allow-ssh-rdp-out', direction: 'outbound', access: 'allow', priority: 100, protocol: '*', source: '*', destination: 'VirtualNetwork', ports: [22, 3389] },
    { name: 'allow-azure-cloud-out', direction: 'outbound', access: 'allow', priority: 110, protocol: 'tcp', source: '*', destination: 'AzureCloud', ports: 443 },
  ],
});
const bastionSubnet = subnet({ name: 'AzureBastionSubnet', cidr: '10.130.0.64/26', purpose: 'bastion', nsg: nsgBastion });

const nsgJump = nsg({
  name: 'nsg-jumpbox-frc',
  flowLogs: true,
  rules: [
    { name: 'allow-bastion-ssh', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: bastionSubnet, destination: '*', ports: 22 },
    { name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' },
  ],
});

const firewall = azureFirewall({
  name: 'afw-hub-frc',
  tier: 'Premium',
  subnet: fwSubnet,
  privateIp: '10.130.0.4',
  publicIps: 1,
  natGateway: fwNat,
  dnsProxy: true,
  aksFqdnTag: true,
  fqdnAllowRules: [
    'mcr.microsoft.com',
    '*.data.mcr.microsoft.com',
    'login.microsoftonline.com',
    'api.twilio.com',
    'api.adyen.com',
    'pypi.org',
    'files.pythonhosted.org',
    '*.in.applicationinsights.azure.com',
  ],
  zones: [1, 2, 3],
  threatIntel: 'Deny',
});

const hubRoutes = routeTable({
  name: 'rt-hub-jumpbox-frc',
  bgpRoutePropagation: false,
  routes: [{ name: 'default-to-firewall', prefix: '0.0.0.0/0', nextHop: firewall }],
});
const jumpSubnet = subnet({ name: 'snet-jumpbox', cidr: '10.130.1.0/28', purpose: 'jumpbox', nsg: nsgJump, routeTable: hubRoutes, defaultOutboundAccess: false });

const hub = vnet({
  name: 'vnet-hub-frc',
  region: 'francecentral',
  role: 'hub',
  addressSpace: ['10.130.0.0/22'],
  ddosProtectionPlan: ddos,
  subnets: [fwSubnet, bastionSubnet, jumpSubnet],
});

// ---- Spoke ----------------------------------------------------------------------------------
const egressRoutes = routeTable({
  name: 'rt-aks-egress-frc',
  bgpRoutePropagation: false,
  routes: [{ name: 'default-to-firewall', prefix: '0.0.0.0/0', nextHop: firewall }],
});

const nsgAppGw = nsg({
  name: 'nsg-appgw-frc',
  flowLogs: true,
  rules: [
    { name: 'allow-https-internet', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: 'Internet', destination: '*', ports: 443 },
    { name: 'allow-gateway-manager', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source: 'GatewayManager', destination: '*', ports: '65200-65535' },
    { name: 'allow-azure-lb', direction: 'inbound', access: 'allow', priority: 120, protocol: '*', source: 'AzureLoadBalancer', destination: '*', ports: '*' },
  ],
});
const appGwSubnet = subnet({ name: 'snet-appgw', cidr: '10.131.4.0/24', purpose: 'application-gateway', nsg: nsgAppGw });

const nsgNodes = nsg({
  name: 'nsg-aks-nodes-frc',
  flowLogs: true,
  rules: [
    { name: 'allow-appgw-to-istio', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: appGwSubnet, destination: '*', ports: 443 },
    { name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' },
  ],
});
const nodesSubnet = subnet({ name: 'snet-aks-nodes', cidr: '10.131.0.0/22', purpose: 'aks-nodes', nsg: nsgNodes, routeTable: egressRoutes, defaultOutboundAccess: false });
const ingressSubnet = subnet({ name: 'snet-aks-ingress', cidr: '10.131.5.0/28', purpose: 'ingress', nsg: nsgNodes, routeTable: egressRoutes, defaultOutboundAccess: false });

const nsgPrivateEndpoints = nsg({
  name: 'nsg-private-endpoints-frc',
  flowLogs: true,
  rules: [
    { name: 'allow-nodes', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: nodesSubnet, destination: '*', ports: [443, 5432, 6380] },
    { name: 'deny-other-vnet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'VirtualNetwork', destination: '*', ports: '*' },
  ],
});
const peSubnet = subnet({ name: 'snet-private-endpoints', cidr: '10.131.6.0/27', purpose: 'private-endpoints', nsg: nsgPrivateEndpoints, defaultOutboundAccess: false });

const nsgAgents = nsg({
  name: 'nsg-build-agents-frc',
  flowLogs: true,
  rules: [{ name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' }],
});
const agentsSubnet = subnet({ name: 'snet-build-agents', cidr: '10.131.7.0/27', purpose: 'build-agents', nsg: nsgAgents, routeTable: egressRoutes, defaultOutboundAccess: false });

const spoke = vnet({
  name: 'vnet-spoke-tailwind-frc',
  region: 'francecentral',
  role: 'spoke',
  addressSpace: ['10.131.0.0/16'],
  ddosProtectionPlan: ddos,
  subnets: [nodesSubnet, appGwSubnet, ingressSubnet, peSubnet, agentsSubnet],
});

// ---- DNS and private endpoints ---------------------------------------------------------------
const aksZone = privateDnsZone({ name: 'privatelink.francecentral.azmk8s.io', links: [hub, spoke] });
const acrZone = privateDnsZone({ name: 'privatelink.azurecr.io', links: [hub, spoke] });
const kvZone = privateDnsZone({ name: 'privatelink.vaultcore.azure.net', links: [hub, spoke] });
const pgZone = privateDnsZone({ name: 'privatelink.postgres.database.azure.com', links: [hub, spoke] });
const redisZone = privateDnsZone({ name: 'privatelink.redis.cache.windows.net', links: [hub, spoke] });

const registry = paas({ name: 'crtailwindfrc', service: 'containerRegistry', sku: 'Premium', publicNetworkAccess: false });
const keyVault = paas({ name: 'kv-tailwind-frc', service: 'keyVault', publicNetworkAccess: false });
const ordersDb = paas({ name: 'psql-tailwind-orders-frc', service: 'postgresql', publicNetworkAccess: false });
const cache = paas({ name: 'redis-tailwind-frc', service: 'redis', sku: 'Premium', publicNetworkAccess: false });
const acrEndpoint = privateEndpoint({ name: 'pe-acr-tailwind', subnet: peSubnet, target: registry, dnsZone: acrZone });
const kvEndpoint = privateEndpoint({ name: 'pe-kv-tailwind', subnet: peSubnet, target: keyVault, dnsZone: kvZone });
const pgEndpoint = privateEndpoint({ name: 'pe-psql-orders', subnet: peSubnet, target: ordersDb, dnsZone: pgZone });
const redisEndpoint = privateEndpoint({ name: 'pe-redis-tailwind', subnet: peSubnet, target: cache, dnsZone: redisZone });

// ---- Operations ----------------------------------------------------------------------------
const hubBastion = bastion({ name: 'bas-hub-frc', subnet: bastionSubnet, sku: 'Standard' });
const jump = jumpBox({ name: 'vm-jump-frc-01', subnet: jumpSubnet });
const agents = buildAgents({ name: 'mdp-tailwind-frc', hosting: 'self-hosted', platform: 'azure-devops', subnet: agentsSubnet });

// ---- Cluster --------------------------------------------------------------------------------
const aks = cluster({
  name: 'aks-tailwind-frc',
  region: 'francecentral',
  tier: 'Standard',
  kubernetesVersion: '1.35',
  // A private DNS zone of our own: AKS manages it as this user-assigned identity.
  identity: { type: 'user-assigned', roles: ['Network Contributor', 'Private DNS Zone Contributor'] },
  network: {
    cni: 'azure-overlay',
    dataplane: 'cilium',
    podCidr: '100.96.0.0/14',
    serviceCidr: '172.21.0.0/16',
    dnsServiceIP: '172.21.0.10',
    networkPolicy: 'cilium',
    defaultDeny: true,
  },
  nodePools: [
    nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 5, maxPods: 110, zones: [1, 2, 3], subnet: nodesSubnet, maxSurge: '33%' }),
    nodePool({ name: 'mesh', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 40, maxPods: 110, zones: [1, 2, 3], subnet: nodesSubnet, maxSurge: '33%' }),
  ],
  apiServer: { mode: 'private', privateDnsZone: aksZone, publicFqdn: false },
  controlPlaneAccess: [
    { kind: 'admins', via: hubBastion, jumpBox: jump, description: 'platform SREs through Bastion to the hub jump box' },
    { kind: 'cicd', via: agents, description: 'Managed DevOps Pools agents in the spoke build images and apply Istio revisions' },
    { kind: 'gitops', tool: 'argocd', description: 'Argo CD syncs workloads, VirtualServices and AuthorizationPolicies' },
  ],
  outbound: { type: 'userDefinedRouting', via: firewall },
  serviceMesh: { kind: 'istio-addon', mtls: 'STRICT', revision: 'asm-1-30' },
  egressDestinations: [
    { name: 'Microsoft Entra ID', fqdn: 'login.microsoftonline.com', port: 443, protocol: 'https', category: 'identity' },
    { name: 'Microsoft Container Registry', fqdn: 'mcr.microsoft.com', port: 443, protocol: 'https', category: 'aks-required' },
    { name: 'Twilio SMS', fqdn: 'api.twilio.com', port: 443, protocol: 'https', category: 'saas' },
    { name: 'Adyen payments', fqdn: 'api.adyen.com', port: 443, protocol: 'https', category: 'partner' },
    { name: 'PyPI', fqdn: 'pypi.org', port: 443, protocol: 'https', category: 'package-feed' },
    { name: 'Application Insights', fqdn: '*.in.applicationinsights.azure.com', port: 443, protocol: 'https', category: 'monitoring' },
    { name: 'Container registry', privateEndpoint: acrEndpoint, category: 'container-registry' },
    { name: 'Key Vault', privateEndpoint: kvEndpoint, category: 'azure-paas' },
    { name: 'Orders database', privateEndpoint: pgEndpoint, port: 5432, protocol: 'tcp', category: 'azure-paas' },
    { name: 'Session cache', privateEndpoint: redisEndpoint, port: 6380, protocol: 'tls', category: 'azure-paas' },
  ],
});

// ---- Ingress --------------------------------------------------------------------------------
const appGw = applicationGateway({
  name: 'agw-tailwind-frc',
  sku: 'WAF_v2',
  subnet: appGwSubnet,
  frontend: 'public',
  management: 'standalone',
  waf: { name: 'wafp-tailwind-frc', mode: 'Prevention', managedRules: true },
  zones: [1, 2, 3],
  minCapacity: 2,
  maxCapacity: 10,
  minTlsVersion: '1.2',
});
const istioIlb = loadBalancer({
  name: 'aks-istio-ingressgateway-internal',
  visibility: 'internal',
  sku: 'Standard',
  subnet: ingressSubnet,
  privateIp: '10.131.5.4',
  zones: [1, 2, 3],
  cluster: aks,
});
const istioGateway = ingressController({ name: 'istio-ingressgateway-internal', type: 'istio-gateway', cluster: aks, replicas: 3, zoneSpread: true, namespace: 'aks-istio-ingress' });

export default defineArchitecture({
  metadata: {
    title: 'Tailwind Traders commerce services: France Central production network',
    description:
      'Forty microservices behind the Tailwind Traders web and mobile shop. The Istio-based service mesh add-on gives every call a workload identity and mutual TLS, traffic shifting for canary releases and L7 authorization, while Application Gateway remains the internet-facing WAF and all outbound traffic is inspected by the hub firewall.',
    version: '3.0.0',
    owner: 'Tailwind Platform Engineering',
    status: 'in-review',
    environment: 'production',
    workload: 'tailwind-commerce',
    reviewers: ['Cloud Architecture Board', 'Security Architecture', 'Data Protection Officer'],
    decisionRequested: 'Approve the move of the commerce services onto the Istio add-on with STRICT mTLS before the January 2027 sale.',
    date: '2026-11-18',
  },
  decisions: [
    {
      id: 'ADR-031',
      title: 'Istio-based service mesh add-on with STRICT mTLS',
      status: 'accepted',
      context:
        'Internal calls carry personal data subject to GDPR, the security team requires encryption in transit between services, and the teams need weighted canary routing. Running upstream Istio ourselves cost two engineers per upgrade cycle.',
      options: ['Self-managed Istio (Helm)', 'Linkerd', 'Istio-based service mesh add-on', 'Cilium mutual authentication'],
      decision:
        'Enable the Istio add-on (revision asm-1-30) with a mesh-wide PeerAuthentication in STRICT mode, and use the add-on internal ingress gateway as the only in-cluster entry point.',
      consequences: [
        'Every workload namespace is labelled for the add-on revision; canary upgrades move namespaces revision by revision.',
        'Sidecars add about 0.1 vCPU and 60 MiB per pod; the mesh pool is sized for it.',
        'Windows pools are not possible while the add-on is enabled.',
      ],
    },
    {
      id: 'ADR-032',
      title: 'Application Gateway in front of the Istio internal ingress gateway',
      status: 'accepted',
      context: 'The web application firewall must stay outside the cluster, owned by the security team, and the cluster must not expose a public IP under forced tunnelling.',
      decision:
        'Application Gateway WAF_v2 (Prevention) re-encrypts to the internal load balancer of the Istio internal ingress gateway in a dedicated /28; the firewall route is not applied to the gateway subnet.',
      consequences: ['Two TLS certificates to manage (gateway listener and Istio Gateway).', 'No asymmetric routing: the public entry is the Application Gateway, not a LoadBalancer Service.'],
    },
    {
      id: 'ADR-033',
      title: 'NAT gateway on the firewall subnet for SNAT scale',
      status: 'accepted',
      context: 'Payment and SMS providers hold long-lived connections; the firewall would need about 20 public IPs to avoid SNAT exhaustion, and partners want one small range to allow-list.',
      decision: 'Attach a zone-redundant StandardV2 NAT gateway with a /29 prefix to AzureFirewallSubnet; the firewall keeps one public IP for management.',
      consequences: ['Partners allow-list eight addresses.', 'Firewall DNAT rules cannot use the NAT gateway addresses.'],
    },
  ],
  network: {
    vnets: [hub, spoke],
    peerings: [peering({ from: hub, to: spoke, allowForwardedTraffic: true })],
    privateDnsZones: [aksZone, acrZone, kvZone, pgZone, redisZone],
    privateEndpoints: [acrEndpoint, kvEndpoint, pgEndpoint, redisEndpoint],
    firewalls: [firewall],
    bastions: [hubBastion],
    jumpBoxes: [jump],
    buildAgents: [agents],
  },
  clusters: [aks],
  ingress: [
    ingressPath({
      name: 'shop-web',
      description: 'Shoppers reach the storefront BFF; the Istio gateway hands the request to the mesh, which wraps the last hop in mTLS.',
      from: { kind: 'internet', label: 'Shoppers' },
      hops: [
        { via: appGw, protocol: 'https', port: 443, tls: 'reencrypt' },
        { via: istioIlb, protocol: 'https', port: 443, tls: 'passthrough' },
        { via: istioGateway, protocol: 'https', port: 443, tls: 'terminate', note: 'Istio Gateway terminates; the sidecar originates mTLS (STRICT)' },
      ],
      to: { cluster: aks, namespace: 'storefront', service: 'storefront-bff', protocol: 'http', port: 8080 },
    }),
    ingressPath({
      name: 'payment-webhooks',
      description: 'The payment provider posts payment notifications from its published address ranges.',
      from: { kind: 'partner', label: 'Adyen webhooks', sourceRanges: ['198.51.100.192/27'] },
      hops: [
        { via: appGw, protocol: 'https', port: 443, tls: 'reencrypt', note: 'WAF custom rule allows only the provider ranges on /webhooks' },
        { via: istioIlb, protocol: 'https', port: 443, tls: 'passthrough' },
        { via: istioGateway, protocol: 'https', port: 443, tls: 'terminate' },
      ],
      to: { cluster: aks, namespace: 'payments', service: 'payment-notifications', protocol: 'http', port: 8080 },
    }),
  ],
});
