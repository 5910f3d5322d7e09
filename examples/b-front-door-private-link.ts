/**
 * (b) Global entry through Azure Front Door Premium and Private Link, in the shape of the
 * "AKS behind Front Door with Private Link" pattern:
 *
 *   customers → Front Door Premium (WAF, Prevention) → Private Link Service → internal Standard LB
 *   → application routing add-on NGINX → storefront pods.
 *
 * The cluster has no public inbound address at all: Front Door reaches the internal load balancer
 * over a Private Link Service whose connection is approved by the platform team. Egress leaves
 * through a zone-redundant user-assigned NAT gateway on the node subnet. The API server is
 * projected into a delegated /28 (API Server VNet Integration) and is private; administrators
 * come in through Bastion, deployments run on self-hosted runners inside the VNet.
 *
 * Azure CNI overlay with the Cilium dataplane keeps the node subnet small (one address per node)
 * and gives the storefront namespaces default-deny network policy.
 */
import {
  bastion,
  buildAgents,
  cluster,
  defineArchitecture,
  frontDoor,
  ingressController,
  ingressPath,
  jumpBox,
  loadBalancer,
  natGateway,
  nodePool,
  nsg,
  paas,
  privateDnsZone,
  privateEndpoint,
  privateLinkService,
  subnet,
  vnet,
} from 'aksnet';

// ---- Egress --------------------------------------------------------------------------------
const egressNat = natGateway({
  name: 'ng-shop-prod-uks',
  sku: 'StandardV2',
  publicIpPrefixLength: 30,
  publicIpAddresses: ['20.108.44.0/30'],
  idleTimeoutMinutes: 10,
});

// ---- Subnets and NSGs ------------------------------------------------------------------------
const nsgApiServer = nsg({
  name: 'nsg-aks-apiserver',
  flowLogs: true,
  rules: [
    { name: 'allow-vnet-to-apiserver', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: 'VirtualNetwork', destination: '*', ports: [443, 4443] },
    { name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' },
  ],
});
const apiServerSubnet = subnet({
  name: 'snet-aks-apiserver',
  cidr: '10.60.2.0/28',
  purpose: 'aks-apiserver',
  delegation: 'Microsoft.ContainerService/managedClusters',
  nsg: nsgApiServer,
  defaultOutboundAccess: false,
});

const nsgPls = nsg({
  name: 'nsg-pls',
  flowLogs: true,
  rules: [{ name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' }],
});
const plsSubnet = subnet({ name: 'snet-pls', cidr: '10.60.2.32/28', purpose: 'private-link-service', nsg: nsgPls, defaultOutboundAccess: false });

const nsgNodes = nsg({
  name: 'nsg-aks-nodes',
  flowLogs: true,
  rules: [
    { name: 'allow-pls-nat-to-ingress', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: plsSubnet, destination: '*', ports: 443 },
    { name: 'allow-apiserver-to-nodes', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source: apiServerSubnet, destination: '*', ports: [443, 4443, 10250] },
    { name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' },
  ],
});
const nodesSubnet = subnet({
  name: 'snet-aks-nodes',
  cidr: '10.60.0.0/23',
  purpose: 'aks-nodes',
  nsg: nsgNodes,
  natGateway: egressNat,
  defaultOutboundAccess: false,
});
const ingressSubnet = subnet({ name: 'snet-aks-ingress', cidr: '10.60.2.16/28', purpose: 'ingress', nsg: nsgNodes, defaultOutboundAccess: false });

const nsgOps = nsg({
  name: 'nsg-ops',
  flowLogs: true,
  rules: [
    { name: 'allow-bastion-ssh', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: '10.60.3.128/26', destination: '*', ports: 22 },
    { name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' },
  ],
});
const runnersSubnet = subnet({
  name: 'snet-build-agents',
  cidr: '10.60.3.64/27',
  purpose: 'build-agents',
  nsg: nsgOps,
  natGateway: egressNat,
  defaultOutboundAccess: false,
});
const opsSubnet = subnet({ name: 'snet-ops', cidr: '10.60.3.96/28', purpose: 'jumpbox', nsg: nsgOps, natGateway: egressNat, defaultOutboundAccess: false });

const nsgPrivateEndpoints = nsg({
  name: 'nsg-private-endpoints',
  flowLogs: true,
  rules: [
    { name: 'allow-nodes-https', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: nodesSubnet, destination: '*', ports: 443 },
    { name: 'allow-runners-https', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source: runnersSubnet, destination: '*', ports: 443 },
    { name: 'deny-other-vnet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'VirtualNetwork', destination: '*', ports: '*' },
  ],
});
const peSubnet = subnet({ name: 'snet-private-endpoints', cidr: '10.60.3.0/26', purpose: 'private-endpoints', nsg: nsgPrivateEndpoints, defaultOutboundAccess: false });

const nsgBastion = nsg({
  name: 'nsg-bastion',
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
const bastionSubnet = subnet({ name: 'AzureBastionSubnet', cidr: '10.60.3.128/26', purpose: 'bastion', nsg: nsgBastion });

const spoke = vnet({
  name: 'vnet-shop-prod-uks',
  region: 'uksouth',
  role: 'standalone',
  addressSpace: ['10.60.0.0/21'],
  subnets: [nodesSubnet, apiServerSubnet, ingressSubnet, plsSubnet, peSubnet, runnersSubnet, opsSubnet, bastionSubnet],
});

// ---- Private endpoints ---------------------------------------------------------------------
const acrZone = privateDnsZone({ name: 'privatelink.azurecr.io', links: [spoke] });
const kvZone = privateDnsZone({ name: 'privatelink.vaultcore.azure.net', links: [spoke] });
const cosmosZone = privateDnsZone({ name: 'privatelink.documents.azure.com', links: [spoke] });
const registry = paas({ name: 'crfabrikamshopprod', service: 'containerRegistry', sku: 'Premium', publicNetworkAccess: false });
const keyVault = paas({ name: 'kv-shop-prod-uks', service: 'keyVault', publicNetworkAccess: false });
const catalogDb = paas({ name: 'cosmos-shop-catalog-prod', service: 'cosmosDb', publicNetworkAccess: false });
const acrEndpoint = privateEndpoint({ name: 'pe-acr-shop', subnet: peSubnet, target: registry, dnsZone: acrZone });
const kvEndpoint = privateEndpoint({ name: 'pe-kv-shop', subnet: peSubnet, target: keyVault, dnsZone: kvZone });
const cosmosEndpoint = privateEndpoint({ name: 'pe-cosmos-catalog', subnet: peSubnet, target: catalogDb, dnsZone: cosmosZone });

// ---- Operations ----------------------------------------------------------------------------
const opsBastion = bastion({ name: 'bas-shop-prod-uks', subnet: bastionSubnet, sku: 'Standard' });
const opsVm = jumpBox({ name: 'vm-shop-ops-01', subnet: opsSubnet });
const runners = buildAgents({
  name: 'gh-runners-shop',
  hosting: 'self-hosted',
  platform: 'github-actions',
  subnet: runnersSubnet,
  egressIps: ['20.108.44.0/30'],
});

// ---- Cluster --------------------------------------------------------------------------------
const aks = cluster({
  name: 'aks-shop-prod-uks',
  region: 'uksouth',
  tier: 'Standard',
  kubernetesVersion: '1.35',
  network: {
    cni: 'azure-overlay',
    dataplane: 'cilium',
    podCidr: '100.64.0.0/16',
    serviceCidr: '172.20.0.0/16',
    dnsServiceIP: '172.20.0.10',
    networkPolicy: 'cilium',
    defaultDeny: true,
  },
  nodePools: [
    nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 5, maxPods: 110, zones: [1, 2, 3], subnet: nodesSubnet, maxSurge: '33%' }),
    nodePool({ name: 'storefront', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 30, maxPods: 110, zones: [1, 2, 3], subnet: nodesSubnet, maxSurge: '33%' }),
  ],
  apiServer: { mode: 'vnet-integration', subnet: apiServerSubnet, private: true, privateDnsZone: 'system' },
  controlPlaneAccess: [
    { kind: 'admins', via: opsBastion, jumpBox: opsVm, description: 'platform SREs through Bastion to the ops VM, Entra ID + PIM for cluster-admin' },
    { kind: 'cicd', via: runners, description: 'image build and Helm releases from self-hosted GitHub runners in the VNet' },
    { kind: 'gitops', tool: 'flux', description: 'Flux pulls storefront manifests from GitHub' },
    { kind: 'command-invoke', description: 'break-glass access when the VNet path is unavailable' },
  ],
  outbound: { type: 'userAssignedNATGateway', natGateway: egressNat },
  egressDestinations: [
    { name: 'Microsoft Entra ID', fqdn: 'login.microsoftonline.com', port: 443, protocol: 'https', category: 'identity' },
    { name: 'Microsoft Container Registry', fqdn: 'mcr.microsoft.com', port: 443, protocol: 'https', category: 'aks-required' },
    { name: 'Stripe API', fqdn: 'api.stripe.com', port: 443, protocol: 'https', category: 'saas' },
    { name: 'Algolia search', fqdn: '*.algolia.net', port: 443, protocol: 'https', category: 'saas' },
    { name: 'SendGrid mail', fqdn: 'api.sendgrid.com', port: 443, protocol: 'https', category: 'saas' },
    { name: 'Microsoft package feed', fqdn: 'packages.microsoft.com', port: 443, protocol: 'https', category: 'package-feed' },
    { name: 'Container registry', privateEndpoint: acrEndpoint, category: 'container-registry' },
    { name: 'Key Vault', privateEndpoint: kvEndpoint, category: 'azure-paas' },
    { name: 'Catalog database', privateEndpoint: cosmosEndpoint, category: 'azure-paas' },
  ],
});

// ---- Ingress --------------------------------------------------------------------------------
const afd = frontDoor({
  name: 'afd-shop-prod',
  sku: 'Premium',
  waf: { name: 'wafshopprod', mode: 'Prevention', managedRules: true },
});

const ilb = loadBalancer({
  name: 'ilb-shop-ingress',
  visibility: 'internal',
  sku: 'Standard',
  subnet: ingressSubnet,
  privateIp: '10.60.2.20',
  zones: [1, 2, 3],
  cluster: aks,
});
const pls = privateLinkService({ name: 'pls-shop-ingress', subnet: plsSubnet, loadBalancer: ilb });
const nginx = ingressController({ name: 'nginx-internal', type: 'app-routing-nginx', cluster: aks, replicas: 3, zoneSpread: true });

export default defineArchitecture({
  metadata: {
    title: 'Fabrikam web shop: UK South production network',
    description:
      'The Fabrikam storefront and checkout API serve customers in the UK and Ireland. Front Door Premium is the only public entry point; the cluster is reached over Private Link, has no public inbound IP, and sends all outbound traffic through a zone-redundant NAT gateway with a fixed /30 of egress addresses that payment and search partners allow-list.',
    version: '1.3.0',
    owner: 'Digital Commerce Platform Team',
    status: 'in-review',
    environment: 'production',
    workload: 'fabrikam-storefront',
    reviewers: ['Cloud Architecture Board', 'Information Security', 'Site Reliability Engineering'],
    decisionRequested: 'Approve the production network design ahead of the Black Friday 2026 cut-over from the legacy IaaS shop.',
    date: '2026-11-12',
  },
  decisions: [
    {
      id: 'ADR-012',
      title: 'Front Door Premium with a Private Link origin instead of a regional Application Gateway',
      status: 'accepted',
      context:
        'Traffic is global (CDN-cacheable catalogue pages) and the security team wants no public IP on the cluster. An Application Gateway would add a second WAF, a public IP per region and another hop.',
      options: ['Front Door Standard + public Application Gateway WAF_v2', 'Front Door Premium + Private Link Service to the internal load balancer', 'Public load balancer + NGINX with ModSecurity'],
      decision:
        'Front Door Premium with the WAF policy in Prevention mode (DRS 2.1 + Bot Manager) reaches the NGINX internal load balancer through a Private Link Service created by the AKS cloud provider from Service annotations.',
      consequences: [
        'Private Link origins need the Premium tier.',
        'The client IP reaches NGINX only in X-Forwarded-For; the Private Link Service source-NATs to addresses of snet-pls.',
        'Each new Private Endpoint connection from Front Door must be approved on the Private Link Service.',
      ],
    },
    {
      id: 'ADR-013',
      title: 'Application routing add-on NGINX rather than self-managed ingress-nginx',
      status: 'accepted',
      context:
        'Upstream ingress-nginx maintenance ended in March 2026 and Microsoft ships critical patches for the add-on NGINX only through November 2026. The storefront has 140 Ingress objects with NGINX annotations that cannot be rewritten before the Black Friday freeze, the team has no capacity to patch a self-managed controller, and Application Gateway for Containers cannot sit behind a Private Link Service origin.',
      options: ['Self-managed ingress-nginx (Helm)', 'Application routing add-on (managed NGINX)', 'Application routing add-on with Gateway API'],
      decision:
        'Use the application routing add-on NGINX for the cut-over, configured through an NginxIngressController resource with internal LB and Private Link Service annotations, and migrate to the add-on Gateway API implementation by the end of Q1 2027.',
      consequences: [
        'Microsoft patches the controller image; the ConfigMap is managed and cannot be edited.',
        'The controller runs without vendor patches from December 2026 until the migration; the risk is recorded in the review section and expires with the migration deadline.',
      ],
    },
    {
      id: 'ADR-014',
      title: 'NAT gateway egress and a private VNet-integrated API server',
      status: 'accepted',
      context:
        'The shop holds no cardholder data (Stripe Elements tokenises in the browser), so FQDN egress filtering is not mandated; partners need a small, fixed set of egress addresses.',
      options: ['Hub Azure Firewall with UDR', 'User-assigned NAT gateway', 'Load balancer outbound rules'],
      decision:
        'A StandardV2 (zone-redundant) NAT gateway with a /30 public IP prefix on the node and runner subnets; Cilium FQDN policies restrict egress per namespace. The API server uses VNet Integration with public access disabled.',
      consequences: ['No central egress log; Cilium Hubble flow logs and NSG flow logs are retained for 90 days.', 'Partners allow-list 20.108.44.0/30 only.'],
    },
  ],
  network: {
    vnets: [spoke],
    privateDnsZones: [acrZone, kvZone, cosmosZone],
    privateEndpoints: [acrEndpoint, kvEndpoint, cosmosEndpoint],
    bastions: [opsBastion],
    jumpBoxes: [opsVm],
    buildAgents: [runners],
  },
  clusters: [aks],
  ingress: [
    ingressPath({
      name: 'storefront',
      description: 'Shoppers browse the catalogue and check out through Front Door; TLS is re-established to NGINX over Private Link.',
      from: { kind: 'internet', label: 'Shoppers' },
      hops: [
        { via: afd, protocol: 'https', port: 443, tls: 'reencrypt', note: 'managed certificate for shop.fabrikam.co.uk; caching for /catalog/*' },
        { via: pls, protocol: 'https', port: 443, tls: 'passthrough', note: 'private endpoint connection approved by the platform team' },
        { via: ilb, protocol: 'https', port: 443, tls: 'passthrough' },
        { via: nginx, protocol: 'https', port: 443, tls: 'terminate', note: 'certificate from Key Vault through the add-on Key Vault integration' },
      ],
      to: { cluster: aks, namespace: 'storefront', service: 'storefront-web', protocol: 'http', port: 8080, tls: 'plain' },
    }),
    ingressPath({
      name: 'checkout-api',
      description: 'The browser calls the checkout API on the same Front Door endpoint; pods terminate TLS again with cert-manager certificates.',
      from: { kind: 'internet', label: 'Shoppers' },
      hops: [
        { via: afd, protocol: 'https', port: 443, tls: 'reencrypt' },
        { via: pls, protocol: 'https', port: 443, tls: 'passthrough' },
        { via: ilb, protocol: 'https', port: 443, tls: 'passthrough' },
        { via: nginx, protocol: 'https', port: 443, tls: 'reencrypt' },
      ],
      to: { cluster: aks, namespace: 'checkout', service: 'checkout-api', protocol: 'https', port: 8443, tls: 'terminate' },
    }),
  ],
  review: {
    acceptedRisks: [
      {
        rule: 'lifecycle/app-routing-nginx',
        element: 'nginx-internal',
        justification: 'Cut-over before the Black Friday freeze; Gateway API migration (ADR-013) is committed for the end of Q1 2027, WAF virtual patching at Front Door in the meantime.',
        owner: 'digital-commerce-platform@fabrikam.example',
        expires: '2027-03-31',
      },
      {
        rule: 'egress/no-egress-control',
        element: 'aks-shop-prod-uks',
        justification: 'No cardholder data in scope (ADR-014); Cilium FQDN policies restrict egress per namespace and Hubble flow logs are retained. Revisit when the UK South hub firewall is available.',
        owner: 'digital-commerce-platform@fabrikam.example',
        expires: '2027-06-30',
      },
    ],
  },
});
