/** AKS and Azure defaults the normalizer fills in, each with the reason it gives in the model. */
import type { CniMode } from '../model/types.js';

export const DEFAULT_SERVICE_CIDR = '10.0.0.0/16';
export const DEFAULT_DNS_SERVICE_IP = '10.0.0.10';
export const DEFAULT_POD_CIDR = '10.244.0.0/16';
export const DEFAULT_MAX_SURGE = '10%';
export const DEFAULT_NODE_COUNT = 3;

/** Default max pods per node for each CNI (learn.microsoft.com/azure/aks/concepts-network-ip-address-planning). */
export const DEFAULT_MAX_PODS: Record<CniMode, number> = {
  kubenet: 110,
  'azure-overlay': 250,
  'azure-nodesubnet': 30,
  'azure-podsubnet-dynamic': 110,
  'azure-podsubnet-static': 110,
  byo: 250,
};

/** CNIs whose pods take addresses from a VNet subnet. */
export const VNET_POD_IP_CNIS: readonly CniMode[] = ['azure-nodesubnet', 'azure-podsubnet-dynamic', 'azure-podsubnet-static'];

/** CNIs with a pod CIDR that is not part of the VNet. */
export const POD_CIDR_CNIS: readonly CniMode[] = ['kubenet', 'azure-overlay', 'byo'];

export const REASONS = {
  serviceCidr: 'AKS default service CIDR',
  dnsServiceIP: 'AKS uses the .10 address of the service CIDR by default',
  podCidr: 'AKS default pod CIDR for kubenet and overlay',
  dataplane: 'AKS default dataplane',
  networkPolicy: 'AKS enables no network policy engine unless asked',
  defaultDeny: 'no default-deny policy was declared',
  loadBalancerSku: 'Standard is the only supported load balancer SKU',
  tier: 'AKS default tier (no uptime SLA)',
  apiServer: 'AKS default: public API server reachable from any address',
  outbound: 'AKS default outbound type',
  outboundIps: 'AKS creates one managed outbound public IP by default',
  allocatedOutboundPorts: 'Azure allocates SNAT ports automatically (0) by default',
  lbIdleTimeout: 'AKS default outbound idle timeout for the load balancer (minutes)',
  natIdleTimeout: 'Azure NAT gateway default idle timeout (minutes)',
  serviceMesh: 'no service mesh declared',
  maxPods: 'AKS default max pods for this CNI',
  os: 'AKS default OS',
  count: 'az aks default node count',
  countFromMin: 'initial count taken from the autoscaler minimum',
  maxSurge: 'AKS default max surge for node image and version upgrades',
  zones: 'no availability zones declared',
  defaultOutboundAccess: 'Azure grants implicit default outbound access unless the subnet is private',
  vnetRole: 'inferred from the VNet contents and peerings',
  publicFqdn: 'AKS creates a public FQDN for private clusters by default',
  privateDnsZone: 'AKS-managed private DNS zone by default',
  firewallPublicIps: 'one public IP unless more are declared',
  firewallThreatIntel: 'Azure Firewall default threat-intelligence mode',
  natPublicIps: 'a NAT gateway needs at least one public IP',
  appGwCapacity: 'Application Gateway v2 autoscale defaults (min 0, max 10)',
  appGwTls: 'Application Gateway default TLS policy (AppGwSslPolicy20220101) requires TLS 1.2',
  replicas: 'default replica count of this ingress controller',
  zoneSpread: 'no zone spread declared',
  preservesClientIp: 'typical behaviour of this component',
  lbSku: 'Standard load balancer',
  bastionSku: 'Azure Bastion default SKU',
} as const;
