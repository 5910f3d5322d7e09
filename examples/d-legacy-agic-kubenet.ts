/**
 * (d) A legacy AKS platform of the kind many teams still run, written down as it is today so the
 * review board can see what a re-platforming has to fix. It is deliberately NOT a good design.
 *
 *   policyholders → Application Gateway WAF_v2 (WAF in Detection, TLS 1.0 allowed, AGIC add-on)
 *   → claims portal pods directly (kubenet pod IPs, routed through the AKS route table).
 *
 *   adjusters → public load balancer → HTTP application routing add-on → internal tool, in clear text.
 *
 * What a reviewer should find: kubenet (retiring) with its route table also bound to the gateway
 * subnet; a WAF that only logs; a plain-HTTP listener; the retired HTTP application routing add-on
 * publishing an internal tool on the internet; a public API server open to any address on the Free
 * tier; a single system pool of two nodes outside availability zones; SSH and RDP open to the
 * internet on the node subnet; a Basic load balancer (retired) for egress and for the add-on's
 * public Service, with one public IP; no network policy, no
 * DDoS plan, no private endpoints, PaaS services on public endpoints, an out-of-support Kubernetes
 * version, and admins and Microsoft-hosted pipelines reaching the API server from anywhere.
 *
 * Fields AKS would default (service CIDR, pod CIDR, outbound type, tier, API server) are left out
 * on purpose, as they were in the original `az aks create` command.
 */
import {
  applicationGateway,
  buildAgents,
  cluster,
  defineArchitecture,
  ingressController,
  ingressPath,
  loadBalancer,
  nodePool,
  nsg,
  routeTable,
  subnet,
  vnet,
} from 'aksnet';

// ---- Network --------------------------------------------------------------------------------
/** The route table AKS writes kubenet pod routes into; AGIC needs it on the gateway subnet too. */
const kubenetRoutes = routeTable({ name: 'rt-aks-claims-kubenet', routes: [] });

const nsgNodes = nsg({
  name: 'nsg-aks-claims',
  rules: [
    { name: 'allow-ssh-anywhere', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: '*', destination: '*', ports: 22 },
    { name: 'allow-rdp-vendor', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source: 'Internet', destination: '*', ports: 3389 },
    { name: 'allow-web', direction: 'inbound', access: 'allow', priority: 120, protocol: 'tcp', source: 'Internet', destination: '*', ports: [80, 443] },
  ],
});

const nodesSubnet = subnet({ name: 'snet-aks', cidr: '10.10.0.0/24', nsg: nsgNodes, routeTable: kubenetRoutes });
const appGwSubnet = subnet({ name: 'snet-appgw', cidr: '10.10.1.0/27', purpose: 'application-gateway', routeTable: kubenetRoutes });

const claimsVnet = vnet({
  name: 'vnet-claims-prod',
  region: 'eastus',
  addressSpace: ['10.10.0.0/16'],
  subnets: [nodesSubnet, appGwSubnet],
});

// ---- CI ------------------------------------------------------------------------------------
const pipelines = buildAgents({ name: 'azure-pipelines-hosted', hosting: 'microsoft-hosted', platform: 'azure-devops' });

// ---- Cluster --------------------------------------------------------------------------------
const aks = cluster({
  name: 'aks-claims-prod',
  region: 'eastus',
  kubernetesVersion: '1.29',
  network: { cni: 'kubenet', routeTable: kubenetRoutes, loadBalancerSku: 'basic' },
  nodePools: [nodePool({ name: 'nodepool1', mode: 'system', vmSize: 'Standard_DS2_v2', count: 2, zones: [], subnet: nodesSubnet })],
  controlPlaneAccess: [
    { kind: 'admins', via: 'internet', description: 'developers and the support vendor with cluster-admin kubeconfigs' },
    { kind: 'cicd', via: pipelines, description: 'Microsoft-hosted Azure Pipelines agents run kubectl apply' },
  ],
  egressDestinations: [
    { name: 'Claims database', fqdn: 'sql-claims-prod.database.windows.net', port: 1433, protocol: 'tcp', category: 'azure-paas' },
    { name: 'Claim documents', fqdn: 'stclaimsdocsprod.blob.core.windows.net', port: 443, protocol: 'https', category: 'azure-paas' },
    { name: 'Docker Hub', fqdn: 'registry-1.docker.io', port: 443, protocol: 'https', category: 'container-registry' },
    { name: 'NuGet', fqdn: 'api.nuget.org', port: 443, protocol: 'https', category: 'package-feed' },
    { name: 'Microsoft Entra ID', fqdn: 'login.microsoftonline.com', port: 443, protocol: 'https', category: 'identity' },
    { name: 'Mail relay', fqdn: 'smtp.woodgrove-mail.example', port: 25, protocol: 'tcp', category: 'saas' },
  ],
});

// ---- Ingress --------------------------------------------------------------------------------
const appGw = applicationGateway({
  name: 'agw-claims-prod',
  sku: 'WAF_v2',
  subnet: appGwSubnet,
  frontend: 'public',
  management: 'agic-addon',
  waf: { mode: 'Detection', managedRules: true },
  minCapacity: 1,
  maxCapacity: 2,
  minTlsVersion: '1.0',
});

const addonLb = loadBalancer({ name: 'addon-http-application-routing', visibility: 'public', sku: 'Basic', cluster: aks });
const httpRouting = ingressController({ name: 'addon-http-application-routing', type: 'http-application-routing', cluster: aks, replicas: 1 });

export default defineArchitecture({
  metadata: {
    title: 'Woodgrove claims portal: legacy production network (as-is)',
    description:
      'The claims portal was moved to AKS in 2019 with the portal defaults of the time, including a Basic load balancer that was never migrated. It serves policyholders filing claims and an internal adjuster tool. This document records the current state for the re-platforming assessment; no change has been made to it since the original build.',
    version: '1.0.0',
    owner: 'Claims Digital',
    status: 'in-review',
    environment: 'production',
    workload: 'claims-portal',
    reviewers: ['Cloud Architecture Board', 'Information Security'],
    decisionRequested: 'Confirm the remediation backlog and approve the re-platforming of the claims portal onto the landing-zone pattern in Q1 2027.',
    date: '2026-11-04',
  },
  decisions: [
    {
      id: 'ADR-002',
      title: 'kubenet to conserve VNet address space',
      status: 'accepted',
      context: 'In 2019 the network team could only hand out a /16 with a single /24 for nodes, and Azure CNI would have needed an address per pod.',
      options: ['Azure CNI (flat)', 'kubenet'],
      decision: 'Use kubenet with the default pod CIDR and a route table managed by AKS.',
      consequences: ['AGIC needs the AKS route table on the Application Gateway subnet.', 'No Azure network policy; Calico was never installed.'],
    },
    {
      id: 'ADR-003',
      title: 'AGIC add-on for the portal and HTTP application routing for internal tools',
      status: 'accepted',
      context: 'When the add-ons became available in 2021 the team wanted managed ingress with no controller to run, and the adjuster tool needed a DNS name quickly.',
      decision: 'Expose the portal through the AGIC add-on and the adjuster tool through the HTTP application routing add-on.',
      consequences: ['The WAF was enabled in Detection to avoid false positives and never moved to Prevention.', 'The HTTP application routing add-on publishes the tool on a public DNS zone.'],
    },
  ],
  network: {
    vnets: [claimsVnet],
    buildAgents: [pipelines],
  },
  clusters: [aks],
  ingress: [
    ingressPath({
      name: 'claims-portal',
      description: 'Policyholders file and track claims; the gateway terminates TLS and forwards plain HTTP to the pods.',
      from: { kind: 'internet', label: 'Policyholders' },
      hops: [{ via: appGw, protocol: 'https', port: 443, tls: 'terminate', note: 'AGIC programs the backend pool with kubenet pod IPs' }],
      to: { cluster: aks, namespace: 'default', service: 'claims-portal', protocol: 'http', port: 80, tls: 'plain' },
    }),
    ingressPath({
      name: 'claims-portal-http',
      description: 'The HTTP listener was never redirected to HTTPS.',
      from: { kind: 'internet', label: 'Policyholders' },
      hops: [{ via: appGw, protocol: 'http', port: 80, tls: 'plain' }],
      to: { cluster: aks, namespace: 'default', service: 'claims-portal', protocol: 'http', port: 80, tls: 'plain' },
    }),
    ingressPath({
      name: 'adjuster-tool',
      description: 'Claims adjusters open the internal tool on its add-on DNS name from home and the office.',
      from: { kind: 'internet', label: 'Claims adjusters' },
      hops: [
        { via: addonLb, protocol: 'http', port: 80, tls: 'plain' },
        { via: httpRouting, protocol: 'http', port: 80, tls: 'plain' },
      ],
      to: { cluster: aks, namespace: 'tools', service: 'adjuster-tool', protocol: 'http', port: 8080, tls: 'plain' },
    }),
  ],
});
