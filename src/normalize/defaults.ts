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
export const VNET_POD_IP_CNIS: readonly CniMode[] = [
  'azure-nodesubnet',
  'azure-podsubnet-dynamic',
  'azure-podsubnet-static',
];

/** CNIs with a pod CIDR that is not part of the VNet. */
export const POD_CIDR_CNIS: readonly CniMode[] = ['kubenet', 'azure-overlay', 'byo'];

/** Why a value was filled in: a documented platform default (with its source) or an aksnet inference. */
export interface DefaultBasis {
  reason: string;
  /** learn.microsoft.com page documenting a platform default; absent for inferences. */
  source?: string;
  /** Set when aksnet derived the value from other facts instead of reading a platform default. */
  inferred?: true;
}

const L = 'https://learn.microsoft.com/azure/';
const platform = (reason: string, page: string): DefaultBasis => ({
  reason,
  source: page.startsWith('https:') ? page : L + page,
});
const inferred = (reason: string): DefaultBasis => ({ reason, inferred: true });

/**
 * Every default the normalizer may fill in. Only real platform defaults carry a source; a fact with
 * no platform default is left unknown (see `Fields.unknown`), never filled in here.
 */
export const REASONS = {
  serviceCidr: platform('AKS default service CIDR', 'aks/configure-kubenet'),
  dnsServiceIP: platform('AKS uses the .10 address of the service CIDR by default', 'aks/configure-kubenet'),
  podCidr: platform('AKS default pod CIDR for kubenet and overlay', 'aks/azure-cni-overlay'),
  dataplane: platform('AKS default dataplane (Azure CNI without Cilium)', 'aks/azure-cni-powered-by-cilium'),
  networkPolicy: platform('AKS enables no network policy engine unless asked', 'aks/use-network-policies'),
  loadBalancerSku: platform(
    'Standard is the default (and only supported) AKS load balancer SKU',
    'aks/load-balancer-standard',
  ),
  tier: platform('AKS default pricing tier is Free (no uptime SLA)', 'aks/free-standard-pricing-tiers'),
  apiServer: platform(
    'AKS default: public API server reachable from any address',
    'aks/api-server-authorized-ip-ranges',
  ),
  outbound: platform('AKS default outbound type', 'aks/egress-outboundtype'),
  outboundIps: platform('AKS creates one managed outbound public IP by default', 'aks/load-balancer-standard'),
  allocatedOutboundPorts: platform(
    'Azure allocates SNAT ports automatically (0) by default',
    'aks/load-balancer-standard',
  ),
  lbIdleTimeout: platform(
    'AKS default outbound idle timeout for the load balancer (minutes)',
    'aks/load-balancer-standard',
  ),
  natIdleTimeout: platform('Azure NAT gateway default TCP idle timeout (minutes)', 'nat-gateway/nat-gateway-resource'),
  natSku: platform('Standard is the NAT gateway SKU unless StandardV2 is chosen', 'nat-gateway/nat-overview'),
  natZones: platform(
    'a NAT gateway deployed without a zone is a no-zone (regional) resource',
    'nat-gateway/nat-availability-zones',
  ),
  serviceMesh: platform('AKS installs no service mesh unless the Istio add-on is enabled', 'aks/istio-about'),
  meshFromIstioRevision: inferred(
    'an Istio revision under addons only exists on a cluster with the Istio-based service mesh add-on enabled',
  ),
  maxPods: platform('AKS default max pods for this CNI', 'aks/concepts-network-ip-address-planning'),
  os: platform('AKS default node OS', 'https://learn.microsoft.com/cli/azure/aks/nodepool#az-aks-nodepool-add'),
  count: platform('az aks default node count', 'https://learn.microsoft.com/cli/azure/aks#az-aks-create'),
  countFromMin: inferred('initial count taken from the autoscaler minimum'),
  egressPort: inferred('an outbound destination named by FQDN is taken to be HTTPS on 443 unless stated'),
  countFromMax: inferred('initial count capped at the autoscaler maximum'),
  // Microsoft's pages differ: best-practices-performance-scale-large (and the AgentPoolUpgradeSettings API
  // reference) give 10 %, upgrade-aks-node-pools-rolling and IP planning one extra node. 10 % rounded up is one node
  // for pools of up to ten and more above, so it never counts fewer addresses than the one-node reading.
  maxSurge: platform(
    'AKS default max surge for upgrades is 10% (some AKS pages say one node; 10% rounded up is never less)',
    'aks/best-practices-performance-scale-large',
  ),
  vnetRole: inferred('inferred from the VNet contents and peerings'),
  publicFqdn: platform('AKS creates a public FQDN for private clusters by default', 'aks/private-clusters'),
  privateDnsZone: platform('AKS-managed private DNS zone by default', 'aks/private-clusters'),
  apiServerPrivate: platform(
    'API Server VNet Integration exposes a public endpoint unless private is set',
    'aks/api-server-vnet-integration',
  ),
  firewallPublicIps: platform('an Azure Firewall has at least one public IP', 'firewall/features'),
  firewallThreatIntel: platform(
    'threat-intelligence filtering is on in Alert mode by default',
    'firewall/threat-intel',
  ),
  firewallIdps: platform('IDPS is off in a Premium firewall policy unless a mode is set', 'firewall/premium-features'),
  firewallForcedTunneling: platform(
    'Azure Firewall sends internet traffic directly unless forced tunneling is configured',
    'firewall/forced-tunneling',
  ),
  firewallTierFromPolicy: inferred('a firewall and its policy have the same tier'),
  plsNatIps: platform(
    'a Private Link Service takes one NAT IP unless more are configured',
    'private-link/private-link-service-overview',
  ),
  nodePublicIp: platform('AKS nodes get no public IP unless the pool enables it', 'aks/use-node-public-ips'),
  spot: platform('node pools use regular (not Spot) VMs unless the priority is Spot', 'aks/spot-node-pool'),
  dnsServers: platform(
    'a VNet uses Azure-provided DNS (168.63.129.16) unless custom DNS servers are set',
    'virtual-network/virtual-networks-name-resolution-for-vms-and-role-instances',
  ),
  activeActive: platform(
    'a VPN gateway is active-standby unless active-active is enabled',
    'vpn-gateway/active-active-portal',
  ),
  nvaPublicIps: inferred(
    'one public IP assumed for the SNAT of the appliance (an NVA has no platform default; state publicIps)',
  ),
  firewallDnsProxy: platform('Azure Firewall DNS proxy is off by default', 'firewall/dns-settings'),
  natPublicIps: platform('a NAT gateway needs at least one public IP', 'nat-gateway/nat-gateway-resource'),
  appGwMaxCapacity: platform(
    'Application Gateway v2 maximum instance count is 10 when not specified',
    'application-gateway/application-gateway-autoscaling-zone-redundant',
  ),
  appGwTls: platform(
    'Application Gateway default TLS policy (AppGwSslPolicy20220101) requires TLS 1.2',
    'application-gateway/application-gateway-ssl-policy-overview',
  ),
  appGwNetworkIsolation: platform(
    'Application Gateway v2 gets network isolation only when deployed with the EnableApplicationGatewayNetworkIsolation feature',
    'application-gateway/application-gateway-private-deployment',
  ),
  useRemoteGateways: platform(
    'a peering uses the remote VNet\'s gateway only when useRemoteGateways is set on it',
    'virtual-network/virtual-network-peering-overview',
  ),
  controllerNamespace: inferred('usual namespace of this controller'),
  preservesClientIp: inferred('typical behaviour of this component'),
  lbSku: platform('Standard load balancer', 'load-balancer/skus'),
  bastionSku: platform('Azure Bastion default SKU', 'bastion/configuration-settings'),
  paasPublicAccess: platform(
    'PaaS services allow public network access unless it is disabled',
    'private-link/private-endpoint-overview',
  ),
  bgpRoutePropagation: platform(
    'route tables propagate gateway routes unless disabled',
    'virtual-network/virtual-networks-udr-overview',
  ),
  publicIpSku: platform(
    'new public IPs are Standard SKU (Basic is retired)',
    'virtual-network/ip-services/public-ip-addresses',
  ),
} as const satisfies Record<string, DefaultBasis>;
