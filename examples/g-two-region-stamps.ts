/**
 * (g) Two regional deployment stamps behind one global Front Door.
 *
 *   travellers → Front Door Premium (WAF, Prevention; latency routing with health probes)
 *     ├─ West Europe stamp:  Private Link Service → internal LB → Traefik → booking pods
 *     └─ North Europe stamp: Private Link Service → internal LB → Traefik → booking pods
 *
 * Each stamp is a self-contained spoke: its own VNet, AKS cluster, NAT gateway, Private Link
 * Service, key vault, registry and database replica. The stamps share nothing on the network (no
 * peering, no hub), so a regional failure or a bad network change stays inside one stamp. Front
 * Door sends each traveller to the closest healthy stamp and fails over when a stamp's health
 * probe fails. Private DNS zones are global resources linked to both stamp VNets.
 *
 * The stamp is written once as a function and called per region, the way the Bicep module that
 * deploys it is; only the region, the address plan and the egress prefix differ. `bookings` builds the
 * design for any list of stamp plans, and is exported with the two plans: a third region is one more
 * plan (test/fixtures/three-region-stamps.ts adds Sweden Central that way).
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
  type Cluster,
  type PrivateDnsZone,
  type Region,
} from 'aksnet';

export interface StampPlan {
  /** Short region code used in names. */
  code: string;
  region: Region;
  /** The region as people say it ("West Europe"), in the stamp's path description. */
  label: string;
  /** The stamp VNet's /20; every subnet is carved from it at the same offsets. */
  octet: number;
  /** Overlay pod CIDR and service CIDR of the stamp's cluster. */
  podCidr: string;
  serviceCidr: string;
  dnsServiceIP: string;
  /** The /31 public IP prefix of the stamp's NAT gateway (what partners allow-list). */
  egressPrefix: string;
}

/** Network of one stamp: VNet, subnets, NSGs and NAT gateway. */
function stampNetwork(p: StampPlan) {
  const net = (third: number, last: number, len: number): string => `10.${p.octet}.${third}.${last}/${len}`;
  const egressNat = natGateway({ name: `ng-bookings-${p.code}`, sku: 'StandardV2', publicIpPrefixLength: 31, publicIpAddresses: [p.egressPrefix], idleTimeoutMinutes: 4 });

  const nsgApiServer = nsg({
    name: `nsg-aks-apiserver-${p.code}`,
    flowLogs: true,
    rules: [
      { name: 'allow-vnet-to-apiserver', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: 'VirtualNetwork', destination: '*', ports: [443, 4443] },
      { name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' },
    ],
  });
  const apiServer = subnet({
    name: 'snet-aks-apiserver',
    cidr: net(4, 0, 28),
    purpose: 'aks-apiserver',
    delegation: 'Microsoft.ContainerService/managedClusters',
    nsg: nsgApiServer,
    defaultOutboundAccess: false,
  });

  const nsgPls = nsg({
    name: `nsg-pls-${p.code}`,
    flowLogs: true,
    rules: [{ name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' }],
  });
  const pls = subnet({ name: 'snet-pls', cidr: net(4, 32, 28), purpose: 'private-link-service', nsg: nsgPls, defaultOutboundAccess: false });

  const nsgNodes = nsg({
    name: `nsg-aks-nodes-${p.code}`,
    flowLogs: true,
    rules: [
      { name: 'allow-pls-nat-to-ingress', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: pls, destination: '*', ports: 443 },
      { name: 'allow-apiserver-to-nodes', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source: apiServer, destination: '*', ports: [443, 4443, 10250] },
      { name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' },
    ],
  });
  const nodes = subnet({ name: 'snet-aks-nodes', cidr: net(0, 0, 22), purpose: 'aks-nodes', nsg: nsgNodes, natGateway: egressNat, defaultOutboundAccess: false });
  const ingress = subnet({ name: 'snet-aks-ingress', cidr: net(4, 16, 28), purpose: 'ingress', nsg: nsgNodes, defaultOutboundAccess: false });

  const nsgAgents = nsg({
    name: `nsg-build-agents-${p.code}`,
    flowLogs: true,
    rules: [{ name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' }],
  });
  const agents = subnet({ name: 'snet-build-agents', cidr: net(5, 64, 27), purpose: 'build-agents', nsg: nsgAgents, natGateway: egressNat, defaultOutboundAccess: false });

  const nsgOps = nsg({
    name: `nsg-ops-${p.code}`,
    flowLogs: true,
    rules: [
      { name: 'allow-bastion-ssh', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: net(5, 128, 26), destination: '*', ports: 22 },
      { name: 'deny-internet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'Internet', destination: '*', ports: '*' },
    ],
  });
  const ops = subnet({ name: 'snet-ops', cidr: net(5, 96, 28), purpose: 'jumpbox', nsg: nsgOps, natGateway: egressNat, defaultOutboundAccess: false });

  const nsgBastion = nsg({
    name: `nsg-bastion-${p.code}`,
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
  const bastionSubnet = subnet({ name: 'AzureBastionSubnet', cidr: net(5, 128, 26), purpose: 'bastion', nsg: nsgBastion });

  const nsgPe = nsg({
    name: `nsg-private-endpoints-${p.code}`,
    flowLogs: true,
    rules: [
      { name: 'allow-nodes', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: nodes, destination: '*', ports: [443, 1433] },
      { name: 'allow-agents', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source: agents, destination: '*', ports: 443 },
      { name: 'allow-ops', direction: 'inbound', access: 'allow', priority: 120, protocol: 'tcp', source: ops, destination: '*', ports: 443 },
      { name: 'deny-other-vnet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'VirtualNetwork', destination: '*', ports: '*' },
    ],
  });
  const endpoints = subnet({ name: 'snet-private-endpoints', cidr: net(5, 0, 26), purpose: 'private-endpoints', nsg: nsgPe, defaultOutboundAccess: false });

  const network = vnet({
    name: `vnet-bookings-${p.code}`,
    region: p.region,
    role: 'standalone',
    addressSpace: [net(0, 0, 20)],
    subnets: [nodes, apiServer, ingress, pls, endpoints, agents, ops, bastionSubnet],
  });
  const stampBastion = bastion({ name: `bas-bookings-${p.code}`, subnet: bastionSubnet, sku: 'Standard' });
  const opsVm = jumpBox({ name: `vm-bookings-ops-${p.code}`, subnet: ops });
  return { plan: p, network, egressNat, bastion: stampBastion, jumpBox: opsVm, subnets: { nodes, apiServer, ingress, pls, endpoints, agents, ops } };
}

type StampNetwork = ReturnType<typeof stampNetwork>;

interface SharedZones {
  acr: PrivateDnsZone;
  kv: PrivateDnsZone;
  sql: PrivateDnsZone;
}

/** Cluster, private endpoints and ingress components of one stamp. */
function stampCluster(s: StampNetwork, zones: SharedZones) {
  const { plan: p, subnets } = s;
  const registry = paas({ name: `crbookings${p.code}`, service: 'containerRegistry', sku: 'Premium', publicNetworkAccess: false });
  const keyVault = paas({ name: `kv-bookings-${p.code}`, service: 'keyVault', publicNetworkAccess: false });
  const database = paas({ name: `sql-bookings-${p.code}`, service: 'sqlDatabase', publicNetworkAccess: false });
  const acrPe = privateEndpoint({ name: `pe-acr-bookings-${p.code}`, subnet: subnets.endpoints, target: registry, dnsZone: zones.acr });
  const kvPe = privateEndpoint({ name: `pe-kv-bookings-${p.code}`, subnet: subnets.endpoints, target: keyVault, dnsZone: zones.kv });
  const sqlPe = privateEndpoint({ name: `pe-sql-bookings-${p.code}`, subnet: subnets.endpoints, target: database, dnsZone: zones.sql });
  const runners = buildAgents({ name: `gh-runners-bookings-${p.code}`, hosting: 'self-hosted', platform: 'github-actions', subnet: subnets.agents });

  const aks: Cluster = cluster({
    name: `aks-bookings-${p.code}`,
    region: p.region,
    tier: 'Standard',
    kubernetesVersion: '1.35',
    network: {
      cni: 'azure-overlay',
      dataplane: 'cilium',
      podCidr: p.podCidr,
      serviceCidr: p.serviceCidr,
      dnsServiceIP: p.dnsServiceIP,
      networkPolicy: 'cilium',
      defaultDeny: true,
    },
    nodePools: [
      nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 5, maxPods: 110, zones: [1, 2, 3], subnet: subnets.nodes, maxSurge: '33%' }),
      nodePool({ name: 'bookings', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 30, maxPods: 110, zones: [1, 2, 3], subnet: subnets.nodes, maxSurge: '33%' }),
    ],
    apiServer: { mode: 'vnet-integration', subnet: subnets.apiServer, private: true, privateDnsZone: 'system' },
    controlPlaneAccess: [
      { kind: 'admins', via: s.bastion, jumpBox: s.jumpBox, description: 'SREs through the stamp Bastion to its ops VM (Entra ID, PIM for cluster-admin)' },
      { kind: 'cicd', via: runners, description: 'self-hosted GitHub runners in the stamp deploy infrastructure add-ons' },
      { kind: 'gitops', tool: 'flux', description: 'Flux reconciles the same release branch in both stamps' },
      { kind: 'command-invoke', description: 'on-call break-glass through az aks command invoke (Entra ID, PIM)' },
    ],
    outbound: { type: 'userAssignedNATGateway', natGateway: s.egressNat },
    egressDestinations: [
      { name: 'Microsoft Entra ID', fqdn: 'login.microsoftonline.com', port: 443, protocol: 'https', category: 'identity' },
      { name: 'Microsoft Container Registry', fqdn: 'mcr.microsoft.com', port: 443, protocol: 'https', category: 'aks-required' },
      { name: 'Amadeus flight offers', fqdn: 'api.amadeus.com', port: 443, protocol: 'https', category: 'partner' },
      { name: 'Mailgun', fqdn: 'api.eu.mailgun.net', port: 443, protocol: 'https', category: 'saas' },
      { name: 'npm registry', fqdn: 'registry.npmjs.org', port: 443, protocol: 'https', category: 'package-feed' },
      { name: 'Container registry', privateEndpoint: acrPe, category: 'container-registry' },
      { name: 'Key Vault', privateEndpoint: kvPe, category: 'azure-paas' },
      { name: 'Bookings database', privateEndpoint: sqlPe, port: 1433, protocol: 'tcp', category: 'azure-paas' },
    ],
  });

  const ilb = loadBalancer({
    name: `ilb-traefik-${p.code}`,
    visibility: 'internal',
    sku: 'Standard',
    subnet: subnets.ingress,
    privateIp: `10.${p.octet}.4.20`,
    zones: [1, 2, 3],
    cluster: aks,
  });
  const plsService = privateLinkService({ name: `pls-bookings-${p.code}`, subnet: subnets.pls, loadBalancer: ilb });
  const traefik = ingressController({ name: 'traefik', type: 'traefik', cluster: aks, replicas: 3, zoneSpread: true, namespace: 'traefik' });
  return { aks, ilb, pls: plsService, traefik, runners, endpoints: [acrPe, kvPe, sqlPe] };
}

// ---- Stamps ---------------------------------------------------------------------------------
export const WEST_EUROPE: StampPlan = { code: 'weu', region: 'westeurope', label: 'West Europe', octet: 110, podCidr: '100.64.0.0/16', serviceCidr: '172.24.0.0/16', dnsServiceIP: '172.24.0.10', egressPrefix: '20.103.88.14/31' };
export const NORTH_EUROPE: StampPlan = { code: 'neu', region: 'northeurope', label: 'North Europe', octet: 120, podCidr: '100.65.0.0/16', serviceCidr: '172.25.0.0/16', dnsServiceIP: '172.25.0.10', egressPrefix: '20.107.201.36/31' };

/**
 * The whole design for a list of stamps: each stamp's network and cluster, the private DNS zones linked to every
 * stamp VNet, one global Front Door and a path per stamp. Adding a region is one more plan.
 */
export function bookings(plans: readonly StampPlan[], title: string) {
  const nets = plans.map(stampNetwork);
  const zones: SharedZones = {
    acr: privateDnsZone({ name: 'privatelink.azurecr.io', links: nets.map((n) => n.network) }),
    kv: privateDnsZone({ name: 'privatelink.vaultcore.azure.net', links: nets.map((n) => n.network) }),
    sql: privateDnsZone({ name: 'privatelink.database.windows.net', links: nets.map((n) => n.network) }),
  };
  const stamps = nets.map((n) => stampCluster(n, zones));

  // ---- Global entry -------------------------------------------------------------------------
  const afd = frontDoor({ name: 'afd-bookings-global', sku: 'Premium', waf: { name: 'wafbookingsglobal', mode: 'Prevention', managedRules: true } });

  const stampPath = (p: StampPlan, s: ReturnType<typeof stampCluster>) =>
    ingressPath({
      name: `bookings-${p.code}`,
      description: `Travellers routed by Front Door to the ${p.label} stamp (latency-based, health-probed origin group).`,
      from: { kind: 'internet', label: 'Travellers' },
      hops: [
        { via: afd, protocol: 'https', port: 443, tls: 'reencrypt', note: 'origin group with both stamps; 50 ms latency sensitivity' },
        { via: s.pls, protocol: 'https', port: 443, tls: 'passthrough', note: 'Front Door private endpoint connection, approved per stamp' },
        { via: s.ilb, protocol: 'https', port: 443, tls: 'passthrough' },
        { via: s.traefik, protocol: 'https', port: 443, tls: 'reencrypt', note: 'Gateway API HTTPRoute; backend TLS to the pods' },
      ],
      to: { cluster: s.aks, namespace: 'bookings', service: 'bookings-api', protocol: 'https', port: 8443, tls: 'terminate' },
    });

  return defineArchitecture({
    metadata: {
      title,
      description:
        'The travel booking API and web front end run in two identical regional stamps. Front Door Premium is the single global entry point, routes each traveller to the nearest healthy stamp over Private Link, and takes a stamp out of rotation when its health probe fails. Bookings are written to an Azure SQL failover group whose replicas sit behind private endpoints in each stamp.',
      version: '1.0.0',
      owner: 'Adventure Works Reliability Engineering',
      status: 'in-review',
      environment: 'production',
      workload: 'bookings',
      reviewers: ['Cloud Architecture Board', 'Business Continuity', 'Security Architecture'],
      decisionRequested: 'Approve the two-stamp active-active topology and the 99.99 % availability target it supports.',
      date: '2026-11-20',
    },
    decisions: [
      {
        id: 'ADR-051',
        title: 'Independent regional stamps instead of one stretched network',
        status: 'accepted',
        context:
          'The booking API has a 99.99 % target and a 15-minute RTO. A shared hub or cross-region peering would couple the failure domains of the two regions.',
        options: ['Single region, zone-redundant', 'Active-passive with a warm standby cluster', 'Active-active stamps, no shared network'],
        decision:
          'Deploy the same stamp module to West Europe and North Europe with disjoint address plans, no peering between stamps, and per-stamp NAT gateway egress, registry and key vault. Only Front Door, the private DNS zones and the SQL failover group are global.',
        consequences: [
          'Images are pushed to both registries by the release pipeline.',
          'Each stamp must carry full peak load alone: node pools scale to 30 nodes per stamp.',
          'Partners allow-list two /31 egress prefixes, one per stamp.',
        ],
      },
      {
        id: 'ADR-052',
        title: 'Front Door Premium with Private Link origins in both stamps',
        status: 'accepted',
        context: 'Stamps must not expose public IPs, and failover must not depend on DNS TTLs of clients.',
        decision:
          'One Front Door Premium profile with a WAF policy in Prevention; one origin group with a Private Link Service origin per stamp, latency-based routing and /healthz probes every 30 seconds.',
        consequences: ['A new stamp is added by approving its private endpoint connection and adding the origin.', 'Front Door is a global dependency; its status is part of the runbook.'],
      },
    ],
    network: {
      vnets: nets.map((n) => n.network),
      privateDnsZones: [zones.acr, zones.kv, zones.sql],
      privateEndpoints: stamps.flatMap((s) => s.endpoints),
      bastions: nets.map((n) => n.bastion),
      jumpBoxes: nets.map((n) => n.jumpBox),
      buildAgents: stamps.map((s) => s.runners),
    },
    clusters: stamps.map((s) => s.aks),
    ingress: plans.map((p, i) => stampPath(p, stamps[i]!)),
  });
}

export default bookings([WEST_EUROPE, NORTH_EUROPE], 'Adventure Works bookings: active-active stamps in West and North Europe');
