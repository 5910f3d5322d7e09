/**
 * The normalized model: one canonical, JSON-serializable graph that every later stage reads.
 *
 * References are stable string ids (`subnet:vnet-spoke/snet-nodes`). Every optional fact is stated
 * (written in the design), defaulted (a documented platform default, filled in and listed in
 * `defaults` with its source) or unknown (left `undefined` and listed in `unknown`). Every array is in
 * a deterministic order. `source` on each element is
 * the path of the DSL value it came from (`network.vnets[1].subnets[0]`), which the position map
 * turns into file:line:col.
 */
import type {
  ClusterIdentityRole,
  ClusterTier,
  DecisionStatus,
  DesignStatus,
  EgressCategory,
  IngressControllerType,
  NodeOs,
  PaasServiceType,
  Protocol,
  ReviewConfig,
  SubnetDelegation,
  SubnetPurpose,
  TlsMode,
  VnetRole,
  Zone,
} from '../../dsl/types.js';

export type { Protocol, TlsMode, Zone } from '../../dsl/types.js';
import type { NextHopType, RouteSource } from './routing.js';

/** Stable id of a model element, `<kind>:<scoped name>`. */
export type Id = string;

/** Where an element came from in the DSL input. */
export interface SourceRef {
  /** Path in the architecture value, e.g. `network.vnets[0].subnets[2]`. */
  path: string;
}

interface Base<K extends string> {
  /** Stable id. */
  id: Id;
  /** Element kind. */
  kind: K;
  /** Display name. */
  name: string;
  /** Containing element (region > VNet > subnet > resource; cluster > node pool). */
  parent?: Id;
  /** DSL path of the value this element came from. */
  source: SourceRef;
}

export interface RegionResource extends Base<'region'> {}

export interface VnetResource extends Base<'vnet'> {
  region: string;
  addressSpace: string[];
  role: VnetRole;
  ddosProtectionPlan?: Id;
  dnsServers: string[];
  /** Whether VNet flow logs are enabled; undefined when not stated. */
  flowLogs?: boolean;
  subnets: Id[];
}

export interface SubnetResource extends Base<'subnet'> {
  vnet: Id;
  cidr: string;
  /** Usable addresses: size minus Azure's 5 reserved (0 when the CIDR is invalid). */
  usableAddresses: number;
  /** The first stated purpose (kept for rules that read one). */
  purpose?: SubnetPurpose;
  /** Every stated purpose; several for a shared subnet. */
  purposes: SubnetPurpose[];
  nsg?: Id;
  routeTable?: Id;
  natGateway?: Id;
  delegation?: SubnetDelegation;
  /**
   * Whether VMs get implicit default outbound access; undefined when not stated. Subnets of VNets created with
   * the API released after 2026-03-31 are private by default and older ones are not, so there is no single default.
   */
  defaultOutboundAccess?: boolean;
}

export interface NormalizedRoute {
  name: string;
  prefix: string;
  nextHopType: 'VirtualAppliance' | 'Internet' | 'VirtualNetworkGateway' | 'VnetLocal' | 'None';
  nextHopAddress?: string;
  /** The firewall or NVA element the route points at, when written as an object reference or matched by IP. */
  nextHopResource?: Id;
}

export interface RouteTableResource extends Base<'routeTable'> {
  routes: NormalizedRoute[];
  bgpRoutePropagation: boolean;
}

export interface NormalizedNsgRule {
  name: string;
  direction: 'inbound' | 'outbound';
  access: 'allow' | 'deny';
  priority: number;
  protocol: 'tcp' | 'udp' | 'icmp' | '*';
  /** Service tag, CIDR or `*`; a subnet reference becomes its CIDR with `sourceSubnet` set. */
  source: string;
  sourceSubnet?: Id;
  destination: string;
  destinationSubnet?: Id;
  /** Port ranges as `[from, to]` pairs; `[[0, 65535]]` for any. */
  ports: Array<[number, number]>;
}

export interface NsgResource extends Base<'nsg'> {
  /** Security rules; undefined when the design does not list them (Azure's default rules always apply). */
  rules?: NormalizedNsgRule[];
  flowLogs?: boolean;
}

export interface NatGatewayResource extends Base<'natGateway'> {
  publicIps: number;
  publicIpPrefixLength?: number;
  /** Declared public addresses or prefixes, when known. */
  publicIpAddresses?: string[];
  /** Total public addresses: IPs plus the prefix's addresses. */
  publicAddressCount: number;
  idleTimeoutMinutes: number;
  zones: Zone[];
  sku: 'Standard' | 'StandardV2';
  /** Attached public IP resources. */
  publicIpResources: Id[];
}

export interface PublicIpResource extends Base<'publicIp'> {
  sku: 'Standard' | 'StandardV2' | 'Basic';
  zones?: Zone[];
  /** Whether DDoS IP Protection is on; undefined when not stated. */
  ddosIpProtection?: boolean;
  address?: string;
}

export interface DdosPlanResource extends Base<'ddosProtectionPlan'> {}

export interface PrivateDnsZoneResource extends Base<'privateDnsZone'> {
  /** Linked VNets; undefined when the design does not say. */
  links?: Id[];
}

export interface PaasResource extends Base<'paas'> {
  service: PaasServiceType;
  /** Undefined when the design writes `'unknown'` (an import without the service's JSON). */
  publicNetworkAccess?: boolean;
  sku?: string;
  /** Container registries: artifact cache rules; undefined when not stated. */
  cacheRules?: Array<{ name: string; sourceRepo: string; targetRepo: string }>;
  /** Container registries: whether authentication-as-ARM is enabled; undefined when not stated. */
  authenticationAsArm?: boolean;
}

export interface PrivateEndpointResource extends Base<'privateEndpoint'> {
  subnet: Id;
  target: Id;
  dnsZone?: Id;
}

export interface OnPremisesResource extends Base<'onPremises'> {
  addressSpace: string[];
  /** Where the site forwards Azure private DNS zones; undefined when not stated (unknown). */
  dnsForwarder?: string;
}

export interface VnetGatewayResource extends Base<'vnetGateway'> {
  type: 'vpn' | 'expressRoute';
  subnet: Id;
  sku?: string;
  zones?: Zone[];
  activeActive: boolean;
}

export interface HybridConnectionResource extends Base<'hybridConnection'> {
  gateway: Id;
  remote: Id;
  type: 'vpn' | 'expressRoute';
  bandwidthMbps?: number;
}

export interface BastionResource extends Base<'bastion'> {
  /** Absent for the Developer SKU, which runs on shared infrastructure. */
  subnet?: Id;
  /** The VNet a Developer-SKU Bastion serves. */
  vnet?: Id;
  sku: 'Developer' | 'Basic' | 'Standard' | 'Premium';
}

export interface JumpBoxResource extends Base<'jumpBox'> {
  subnet: Id;
}

export interface BuildAgentsResource extends Base<'buildAgents'> {
  hosting: 'microsoft-hosted' | 'self-hosted';
  platform: 'github-actions' | 'azure-devops' | 'gitlab' | 'other';
  subnet?: Id;
  egressIps: string[];
}

export interface WafManagedRuleSetModel {
  type: 'OWASP' | 'Microsoft_DefaultRuleSet' | 'Microsoft_BotManagerRuleSet';
  version: string;
  action?: 'Block' | 'Log' | 'AnomalyScoring';
}

export interface WafCustomRuleModel {
  name: string;
  priority: number;
  type: 'match' | 'rateLimit';
  action: 'Allow' | 'Block' | 'Log' | 'Redirect' | 'JSChallenge';
  conditions: Array<{ variable: string; operator: string; values: string[]; negate: boolean }>;
  rateLimit?: { threshold: number; durationMinutes: 1 | 5 };
}

export interface WafModel {
  name?: string;
  /** `policy`: a WAF policy; `legacy-config`: the in-gateway webApplicationFirewallConfiguration. */
  source: 'policy' | 'legacy-config';
  mode: 'Detection' | 'Prevention';
  /** Whether managed rule sets are on; undefined when not stated. */
  managedRules?: boolean;
  /** Managed rule sets, when stated. */
  managedRuleSets?: WafManagedRuleSetModel[];
  exclusions: Array<{ matchVariable: string; operator: string; selector?: string }>;
  /** Custom rules; undefined when not stated (a policy may hold rules the design does not list). */
  customRules?: WafCustomRuleModel[];
  enabled: boolean;
}

export interface FirewallRuleCollectionModel {
  type: 'application' | 'network' | 'dnat';
  name: string;
  priority: number;
  /** The priority of its rule collection group, when stated. */
  groupPriority?: number;
  action: 'Allow' | 'Deny' | 'DNAT';
  rules: number;
}

/**
 * Where a network or application rule sits in Azure Firewall's processing order, and what a match does
 * (https://learn.microsoft.com/azure/firewall/rule-processing): network rules are processed before application
 * rules whatever the priorities; within a type, the rules a base (parent) policy passes down come first, then rule
 * collection groups by priority, then collections by priority (lower first). The first rule that matches decides.
 */
export interface FirewallRuleOrderModel {
  collection: string;
  name: string;
  /** The action of its collection. */
  action: 'Allow' | 'Deny';
  /** The priority of its collection (100–65000, lower first). */
  priority: number;
  /**
   * The priority of the rule collection group holding its collection, when stated; collections of one policy (or
   * classic rules) that state none are taken to share one group, so their own priorities order them.
   */
  groupPriority?: number;
  /** The base policy it is inherited from (its rules come before the child's); undefined for the firewall's own. */
  inheritedFrom?: string;
  /**
   * How many base policies up the rule sits: 0 for the firewall's own policy or classic rules, 1 for its base policy,
   * 2 for the base's base. Higher levels are processed first.
   */
  level: number;
}

/**
 * A network rule of an Allow or Deny collection, as written: what the egress rules need to see whether a protocol
 * and port to a destination are allowed (the AKS tunnel ports, DNS to custom servers).
 */
export interface FirewallNetworkRuleModel extends FirewallRuleOrderModel {
  /** CIDRs, IP addresses or `*`; undefined when the rule states none (it may use IP groups: its sources are unknown). */
  sourceAddresses?: string[];
  protocols: Array<'TCP' | 'UDP' | 'ICMP' | 'Any'>;
  /** CIDRs, IP addresses, service tags (`AzureCloud.westeurope`) or `*`. */
  destinationAddresses: string[];
  destinationFqdns: string[];
  /** A port, a range `1000-2000` or `*`, as strings. */
  destinationPorts: string[];
}

/** An application rule of an Allow or Deny collection, as written: which names it matches, over which protocols and ports, from where. */
export interface FirewallApplicationRuleModel extends FirewallRuleOrderModel {
  /** CIDRs, IP addresses or `*`; undefined when the rule states none (it may use IP groups: its sources are unknown). */
  sourceAddresses?: string[];
  protocols: Array<{ type: 'Http' | 'Https' | 'Mssql'; port: number }>;
  targetFqdns: string[];
  fqdnTags: string[];
}

export interface FirewallDnatRuleModel {
  collection: string;
  name: string;
  sourceAddresses: string[];
  destinationAddress?: string;
  destinationPort: number;
  protocols: Array<'TCP' | 'UDP'>;
  translatedAddress?: string;
  translatedFqdn?: string;
  translatedPort: number;
}

export interface FirewallPolicyResource extends Base<'firewallPolicy'> {
  tier?: 'Basic' | 'Standard' | 'Premium';
  threatIntel: 'Off' | 'Alert' | 'Deny';
  idps?: 'Off' | 'Alert' | 'Deny';
  dnsProxy?: boolean;
  tlsInspection?: boolean;
  basePolicy?: Id;
  /** Rule collections; undefined when the design does not list them. */
  ruleCollections?: FirewallRuleCollectionModel[];
  /** FQDNs and FQDN tags allowed by its application and network rules (with `ruleCollections`). */
  allowFqdns?: string[];
  allowFqdnTags?: string[];
  /** Network and application rules of its Allow and Deny collections (with `ruleCollections`), its own only (level 0). */
  networkRules?: FirewallNetworkRuleModel[];
  applicationRules?: FirewallApplicationRuleModel[];
  dnatRules: FirewallDnatRuleModel[];
}

export interface FirewallResource extends Base<'azureFirewall'> {
  tier?: 'Basic' | 'Standard' | 'Premium';
  subnet: Id;
  privateIp?: string;
  publicIps: number;
  /** Declared public addresses or prefixes, when known. */
  publicIpAddresses?: string[];
  dnsProxy: boolean;
  /**
   * FQDNs the rules allow. With `aksFqdnTag`, undefined when the design states none of the firewall's
   * rules: unstated rules are unknown, not "allow nothing".
   */
  fqdnAllowRules?: string[];
  aksFqdnTag?: boolean;
  /**
   * The shorthand fields as written (`fqdnAllowRules`, `aksFqdnTag`), when stated: names only, taken to be allowed
   * for any protocol, port and source, which is what the shorthand asserts. `fqdnAllowRules`/`aksFqdnTag` above
   * merge them with the rule collections for display; matching a flow reads this and the rules. A field of the
   * pair left out is undefined: with no rule collections stated either, what it would say is unknown
   * (`unstatedShorthand` in model/firewall.ts), not "nothing else allowed" or "tag not allowed".
   */
  allowShorthand?: { fqdns?: string[]; aksFqdnTag?: boolean };
  zones?: Zone[];
  threatIntel: 'Off' | 'Alert' | 'Deny';
  natGateway?: Id;
  /** Where the rules live: a firewall policy or classic rules; undefined when not stated. */
  ruleModel?: 'policy' | 'classic';
  policy?: Id;
  /** IDPS mode (Premium with a policy); undefined when unknown or not applicable. */
  idps?: 'Off' | 'Alert' | 'Deny';
  /** Rule collections (policy or classic); undefined when not stated. */
  ruleCollections?: FirewallRuleCollectionModel[];
  /**
   * Network rules of the Allow and Deny collections, its base policies' first, in processing order; undefined when
   * the collections are not stated (the shorthand `fqdnAllowRules`/`aksFqdnTag` says nothing about network rules).
   */
  networkRules?: FirewallNetworkRuleModel[];
  /** Application rules of the Allow and Deny collections, in processing order; undefined when the collections are not stated. */
  applicationRules?: FirewallApplicationRuleModel[];
  /**
   * Base policies up the chain whose rule collections the design does not state: their rules come before the
   * firewall policy's own, so no flow can be judged from the rules. Undefined when none.
   */
  unknownBaseRules?: string[];
  /** DNAT rules of the collections, for ingress paths that enter through the firewall. */
  dnatRules: FirewallDnatRuleModel[];
  /** The AzureFirewallManagementSubnet of the management IP configuration. */
  managementSubnet?: Id;
  forcedTunneling: boolean;
}

export interface NvaResource extends Base<'nva'> {
  subnet: Id;
  privateIp: string;
  vendor?: string;
  publicIps: number;
  /** Declared public addresses or prefixes, when known. */
  publicIpAddresses?: string[];
  zones?: Zone[];
  /** Whether its rules allow the outbound traffic AKS needs, as the design states it; undefined when not stated. */
  allowsAksEgress?: boolean;
}

export interface FrontDoorOriginModel {
  name: string;
  originKind: 'application-gateway' | 'agc' | 'private-link-service' | 'internal-load-balancer' | 'public-ip' | 'app-service' | 'storage' | 'other';
  target?: Id;
  hostName?: string;
  connection: 'private-link' | 'public';
  /** Lockdown mechanisms; `[]` when stated as none, undefined when not stated. */
  lockdown?: Array<'x-azure-fdid' | 'service-tag'>;
  https?: boolean;
}

export interface FrontDoorRouteModel {
  name: string;
  domains: string[];
  patterns: string[];
  origins: FrontDoorOriginModel[];
  httpsRedirect?: boolean;
  acceptedProtocols?: Array<'Http' | 'Https'>;
  forwardingProtocol?: 'HttpOnly' | 'HttpsOnly' | 'MatchRequest';
}

export interface FrontDoorResource extends Base<'frontDoor'> {
  sku: 'Standard' | 'Premium' | 'Classic';
  waf?: WafModel;
  routes: FrontDoorRouteModel[];
  minTlsVersion?: '1.0' | '1.2';
}

export interface TrafficManagerResource extends Base<'trafficManager'> {
  routingMethod: 'Priority' | 'Weighted' | 'Performance' | 'Geographic' | 'MultiValue' | 'Subnet';
  endpoints: Array<{ name: string; target?: Id; hostName?: string; region?: string }>;
}

export interface AppGatewayResource extends Base<'applicationGateway'> {
  sku: 'Standard_v2' | 'WAF_v2' | 'Standard' | 'WAF';
  subnet: Id;
  frontend: 'public' | 'private' | 'both';
  privateIp?: string;
  management: 'agic-addon' | 'agic-helm' | 'standalone';
  waf?: WafModel;
  publicIp?: Id;
  zones?: Zone[];
  minCapacity?: number;
  maxCapacity: number;
  minTlsVersion: '1.0' | '1.1' | '1.2' | '1.3';
  /** Whether a v2 gateway has network isolation (private deployment); undefined for a private-only frontend not stated. */
  networkIsolation?: boolean;
  /** Clusters whose ingress paths go through this gateway. */
  clusters: Id[];
}

export interface AgcResource extends Base<'agc'> {
  deployment: 'managed' | 'byo';
  api: 'gateway-api' | 'ingress-api';
  subnet: Id;
  frontend: 'public' | 'private';
  waf?: WafModel;
  clusters: Id[];
}

export interface ApimResource extends Base<'apiManagement'> {
  sku: string;
  vnetMode: 'none' | 'external' | 'internal';
  subnet?: Id;
  zones?: Zone[];
}

export interface LoadBalancerResource extends Base<'loadBalancer'> {
  visibility: 'public' | 'internal';
  sku: 'Standard' | 'Basic';
  subnet?: Id;
  privateIp?: string;
  zones?: Zone[];
  cluster?: Id;
  /**
   * Set on the outbound load balancer AKS creates for `outbound: { type: 'loadBalancer' }`: AKS makes and manages it
   * and its public IPs, so the design cannot state their zones (`zones` stays undefined) and no rule asks for them.
   */
  managedByAks?: true;
}

export interface PrivateLinkServiceResource extends Base<'privateLinkService'> {
  subnet: Id;
  loadBalancer: Id;
  /** Subscriptions that may see the service, or `*`; undefined when not stated. */
  visibility?: string[] | '*';
  autoApproval: string[];
  natIpCount: number;
}

export interface IngressControllerResource extends Base<'ingressController'> {
  type: IngressControllerType;
  cluster: Id;
  replicas?: number;
  zoneSpread?: boolean;
  /** Topology key of the replicas' pod anti-affinity; undefined when not stated. */
  podAntiAffinity?: 'node' | 'zone';
  namespace: string;
  version?: string;
  /** Whether an ingress path goes through it (false: declared on the cluster only). */
  onPath: boolean;
}

export type CniMode =
  | 'kubenet'
  | 'azure-overlay'
  | 'azure-nodesubnet'
  | 'azure-podsubnet-dynamic'
  | 'azure-podsubnet-static'
  | 'byo';

export interface ClusterNetworkModel {
  cni: CniMode;
  dataplane: 'azure' | 'cilium';
  /** Pod CIDR for kubenet, overlay and BYO CNI; absent for the CNIs that take pod IPs from subnets. */
  podCidr?: string;
  serviceCidr: string;
  dnsServiceIP: string;
  networkPolicy: 'none' | 'azure' | 'calico' | 'cilium';
  /** Whether workload namespaces get a default-deny policy; undefined when not stated. */
  defaultDeny?: boolean;
  /** Whether ACNS FQDN network policies (Cilium) restrict pod egress; undefined when not stated. */
  fqdnFiltering?: boolean;
  loadBalancerSku: 'standard' | 'basic';
  /** Backend pool membership of the cluster's load balancers; undefined when not stated. */
  loadBalancerBackendPoolType?: 'nodeIPConfiguration' | 'nodeIP';
  /** kubenet route table. */
  routeTable?: Id;
}

export type ApiServerModel =
  | {
      mode: 'public';
      authorizedIpRanges: string[];
      /** Whether the konnectivity agent tunnels node ↔ control plane traffic; undefined when not stated. */
      konnectivity?: boolean;
    }
  | { mode: 'private'; privateDnsZone: 'system' | 'none' | Id; publicFqdn: boolean }
  | {
      mode: 'vnet-integration';
      subnet: Id;
      private: boolean;
      authorizedIpRanges: string[];
      privateDnsZone: 'system' | 'none' | Id;
    };

export type OutboundModel =
  | { type: 'loadBalancer'; outboundIps: number; allocatedOutboundPorts: number; idleTimeoutMinutes: number }
  | { type: 'managedNATGateway'; outboundIps: number; idleTimeoutMinutes: number }
  | { type: 'managedNATGatewayV2'; outboundIps: number; idleTimeoutMinutes: number }
  | { type: 'userAssignedNATGateway'; natGateway: Id }
  | { type: 'userDefinedRouting'; via: Id }
  | { type: 'none' }
  | { type: 'block' };

export type ServiceMeshModel =
  | { kind: 'none' }
  | { kind: 'istio-addon'; mtls?: 'STRICT' | 'PERMISSIVE' | 'DISABLE'; revision?: string }
  | { kind: 'self-managed'; product: string; mtls?: 'STRICT' | 'PERMISSIVE' | 'DISABLE' };

export interface ClusterResource extends Base<'cluster'> {
  region: string;
  tier: ClusterTier;
  kubernetesVersion?: string;
  /** The control plane's identity; undefined when the design does not state it. */
  identity?: { type: 'system-assigned' | 'user-assigned' | 'service-principal'; roles?: ClusterIdentityRole[] };
  network: ClusterNetworkModel;
  nodePools: Id[];
  apiServer: ApiServerModel;
  outbound: OutboundModel;
  serviceMesh: ServiceMeshModel;
  managedVnet: boolean;
  addons: {
    openServiceMesh: boolean;
    aadPodIdentity: boolean;
    httpApplicationRouting: boolean;
    appRouting: boolean;
    istioRevision?: string;
  };
  networkIsolated: boolean;
  /** The bring-your-own registry a network-isolated cluster bootstraps from; undefined: the AKS-managed one. */
  bootstrapRegistry?: Id;
  /** Ingress controllers declared on the cluster or reached from its paths. */
  ingressControllers: Id[];
  /** The API server endpoint element drawn in control-plane views. */
  apiServerEndpoint: Id;
}

export interface NodePoolResource extends Base<'nodePool'> {
  cluster: Id;
  mode: 'system' | 'user';
  os: NodeOs;
  vmSize: string;
  count: number;
  minCount?: number;
  maxCount?: number;
  autoscaling: boolean;
  /** Nodes at maximum scale: `maxCount` with autoscaling, else `count`. */
  maxNodes: number;
  maxPods: number;
  /** Availability zones; undefined when the design does not say. */
  zones?: Zone[];
  subnet: Id;
  podSubnet?: Id;
  /** As written or defaulted, e.g. `10%` or `1`. */
  maxSurge: string;
  /** Surge nodes at maximum scale (percentages round up). */
  surgeNodes: number;
  spot: boolean;
  nodePublicIp: boolean;
  osSku?: string;
  orchestratorVersion?: string;
  /** As written, e.g. `1` or `10%`. */
  maxUnavailable?: string;
}

export interface ApiServerEndpointResource extends Base<'apiServer'> {
  cluster: Id;
  exposure: 'public' | 'private';
  /** Subnet of the private endpoint or the VNet-integrated API server. */
  subnet?: Id;
}

export interface ClientResource extends Base<'client'> {
  clientKind: 'internet' | 'corporate' | 'partner';
  via?: Id;
  sourceRanges: string[];
}

export interface WorkloadResource extends Base<'workload'> {
  cluster: Id;
  namespace: string;
  service: string;
  port: number;
  protocol: Protocol;
}

export interface EgressDestinationResource extends Base<'egressDestination'> {
  cluster: Id;
  fqdn?: string;
  cidr?: string;
  port: number;
  protocol: Protocol;
  category: EgressCategory;
  privateEndpoint?: Id;
}

/** The public internet as an egress target. */
export interface InternetResource extends Base<'internet'> {}

export type Resource =
  | RegionResource
  | VnetResource
  | SubnetResource
  | RouteTableResource
  | NsgResource
  | NatGatewayResource
  | PublicIpResource
  | DdosPlanResource
  | PrivateDnsZoneResource
  | PaasResource
  | PrivateEndpointResource
  | OnPremisesResource
  | VnetGatewayResource
  | HybridConnectionResource
  | BastionResource
  | JumpBoxResource
  | BuildAgentsResource
  | FirewallResource
  | FirewallPolicyResource
  | NvaResource
  | FrontDoorResource
  | TrafficManagerResource
  | AppGatewayResource
  | AgcResource
  | ApimResource
  | LoadBalancerResource
  | PrivateLinkServiceResource
  | IngressControllerResource
  | ClusterResource
  | NodePoolResource
  | ApiServerEndpointResource
  | ClientResource
  | WorkloadResource
  | EgressDestinationResource
  | InternetResource;

export type ResourceKind = Resource['kind'];

/** Narrow a resource kind to its interface. */
export type ResourceOf<K extends ResourceKind> = Extract<Resource, { kind: K }>;

/** Traffic classes; views never mix north-south and east-west. */
export type TrafficClass = 'ingress' | 'egress' | 'east-west' | 'management' | 'private-link' | 'peering' | 'hybrid';

/** Encryption state of the traffic on one edge. */
export type TlsState = 'tls' | 'plaintext' | 'passthrough' | 'mtls';

/** A traffic edge between two elements. */
export interface Edge {
  id: Id;
  from: Id;
  to: Id;
  class: TrafficClass;
  protocol?: Protocol;
  port?: number;
  tls?: TlsState;
  /** Short label, e.g. `https:443`. */
  label?: string;
  /** Ingress/egress path this edge belongs to. */
  path?: Id;
  /** 1-based position in its path. */
  step?: number;
  /** Peering edges: whether the `from` side allows gateway transit to the `to` side. */
  gatewayTransit?: boolean;
  /** Peering edges: whether the `to` side uses the `from` side's gateways (with `gatewayTransit`, its routes). */
  useRemoteGateways?: boolean;
  /** Peering edges: whether forwarded traffic is allowed; undefined when not stated. */
  forwardedTraffic?: boolean;
  source: SourceRef;
}

export interface IngressHopModel {
  /** 1-based hop number. */
  step: number;
  resource: Id;
  resourceKind: ResourceKind;
  protocol: Protocol;
  port: number;
  tls: TlsMode;
  /**
   * Whether the next hop still sees the client's source address; undefined when unknown (a load balancer, an NVA or a
   * firewall hop without DNAT whose design does not say: listed in `Model.unknown`).
   */
  preservesClientIp?: boolean;
  /** Whether the hop inspects HTTP (L7) traffic. */
  layer7: boolean;
  /** Whether the hop runs a WAF in front of the next hop. */
  waf?: 'Detection' | 'Prevention';
  /** On a firewall hop: the DNAT rule and where it sends the traffic. */
  dnat?: { rule: string; translatedAddress?: string; translatedFqdn?: string; translatedPort: number };
  note?: string;
  source: SourceRef;
}

export interface IngressPathModel {
  id: Id;
  name: string;
  description?: string;
  client: Id;
  hops: IngressHopModel[];
  /** The workload reached; undefined when the path's `to` is not stated. */
  target?: Id;
  /** The cluster the path ends in (from `to`, else from a hop that belongs to a cluster). */
  cluster?: Id;
  /** Whether the path starts on the public internet. */
  internetFacing: boolean;
  edges: Id[];
  source: SourceRef;
}

/** The effective 0.0.0.0/0 route of one node or pod subnet of a cluster (see `model/routing.ts`). */
export interface SubnetDefaultRoute {
  subnet: Id;
  role: 'nodes' | 'pods';
  nextHopType: NextHopType;
  source: RouteSource;
  nextHopResource?: Id;
  nextHopAddress?: string;
  routeTable?: Id;
  routeName?: string;
  routeIndex?: number;
}

export interface EgressPathModel {
  id: Id;
  cluster: Id;
  /** What the cluster declares; `via` is what the routes make of it. */
  outboundType: OutboundModel['type'];
  /**
   * How internet-bound traffic really leaves, from the effective 0.0.0.0/0 route of the node subnets. `none`: it does
   * not leave (a route to None, outbound type none or block, or a user-assigned NAT gateway that is not on the node
   * subnets, see `unassociatedNatGateway`).
   */
  via: 'appliance' | 'gateway' | 'loadBalancer' | 'natGateway' | 'internet' | 'none';
  /** The firewall or NVA (or gateway) the effective default route leads to, when `via` is appliance or gateway. */
  nextHop?: Id;
  /** The load balancer or NAT gateway of the outbound type, even when the routes bypass it. */
  outboundDevice?: Id;
  /** Effective 0.0.0.0/0 route of every node and pod subnet, in subnet id order. */
  defaultRoutes: SubnetDefaultRoute[];
  /** Destinations given as a CIDR: the effective route the first node subnet uses for them. */
  destinationRoutes: Array<{
    destination: Id;
    subnet: Id;
    nextHopType: NextHopType;
    source: RouteSource;
    nextHopResource?: Id;
    routeTable?: Id;
    routeName?: string;
  }>;
  /** Elements traffic traverses, in order, from the node pools to the internet. */
  hops: Id[];
  /** Public addresses used for SNAT on the way out (0 when unknown or none). */
  publicIps: number;
  destinations: Id[];
  privateEndpoints: Id[];
  edges: Id[];
  /**
   * The ways out of pod subnets (Azure CNI pod subnet) whose internet-bound traffic does not leave the way the nodes'
   * does: another effective 0.0.0.0/0 route, or another NAT gateway. Pods route by their own subnet, so their public
   * source addresses are this exit's, not the node path's. Absent when every pod subnet leaves with the nodes.
   */
  podEgress?: PodEgressModel[];
  /**
   * The user-assigned NAT gateway of the outbound type when no node subnet is associated with it: a NAT gateway
   * serves only the subnets associated with it, so it carries none of the cluster's traffic (and `via` is `none`).
   */
  unassociatedNatGateway?: Id;
  /**
   * Fields of the cluster's `outbound` stated with an invalid value (e.g. `outboundIps`): the model holds a stand-in
   * there, which no rule judges and no report states as a fact.
   */
  invalidOutbound?: string[];
  source: SourceRef;
}

/** The way out of the pod subnets that leave another way than their cluster's nodes. */
export interface PodEgressModel {
  /** The pod subnets that take this way out, in id order. */
  subnets: Id[];
  /** As `EgressPathModel.via`, from the pod subnets' own effective 0.0.0.0/0 route and NAT gateway. */
  via: 'appliance' | 'gateway' | 'loadBalancer' | 'natGateway' | 'internet' | 'none';
  /** The firewall, NVA or gateway the pod subnets' route leads to. */
  nextHop?: Id;
  /** Elements traffic traverses from the cluster to the internet (the cluster first, `internet` last when it gets there). */
  hops: Id[];
  /** Public addresses used for SNAT on this way out (0 when unknown or none). */
  publicIps: number;
  edges: Id[];
}

export interface ControlPlaneAccessModel {
  id: Id;
  cluster: Id;
  kind: 'nodes' | 'admins' | 'cicd' | 'gitops' | 'command-invoke';
  /**
   * Where the client runs (cluster, jump box, connection, agents, internet client). An administrators' path through a
   * Bastion has the VM it opens a session to here, or the Bastion itself when the design names no VM (see
   * src/model/access.ts).
   */
  from: Id;
  /** The element administrators come through (a Bastion, jump box or hybrid connection); `from` when no VM follows. */
  via?: Id;
  /** The agent of a GitOps path. */
  tool?: 'flux' | 'argocd' | 'other';
  /** Whether traffic travels over the internet to a public endpoint. */
  overInternet: boolean;
  description?: string;
  source: SourceRef;
}

/**
 * A default filled in by the normalizer: a documented platform default (with its learn.microsoft.com
 * `source`) or, marked `inferred`, a value aksnet derived from other facts of the design.
 */
export interface AppliedDefault {
  /** Element id. */
  element: Id;
  /** DSL path of the field that was missing. */
  path: string;
  /** The value that was filled in. */
  value: string | number | boolean;
  /** Why that value (the AKS or Azure default). */
  reason: string;
  /** learn.microsoft.com page documenting the platform default. */
  source?: string;
  /** Set when the value is an aksnet inference rather than a platform default. */
  inferred?: true;
}

/**
 * A fact the design does not state and the platform has no default for. The model leaves the field
 * `undefined`; rules that need it report an unverified check naming `path` instead of guessing.
 */
export interface UnknownFact {
  /** Element id. */
  element: Id;
  /** DSL path of the field to state. */
  path: string;
  /** The fact in words, e.g. "replica count". */
  fact: string;
  /** What earlier aksnet versions silently assumed for it, when they did (the meaning changed). */
  formerly?: string;
}

/**
 * Where a fact of the model comes from: written in the design, a documented platform default
 * (listed in `Model.defaults`), or unknown (listed in `Model.unknown`, the field left undefined).
 */
export type FactOrigin = 'stated' | 'defaulted' | 'unknown';

export interface ModelMetadata {
  title: string;
  description?: string;
  version?: string;
  owner?: string;
  status: DesignStatus;
  environment?: string;
  workload?: string;
  reviewers: string[];
  decisionRequested?: string;
  date?: string;
}

export interface ModelDecision {
  id: string;
  title: string;
  status: DecisionStatus;
  context: string;
  options: string[];
  decision: string;
  consequences: string[];
  source: SourceRef;
}

/** The normalized model. */
export interface Model {
  schemaVersion: 1;
  metadata: ModelMetadata;
  decisions: ModelDecision[];
  /** All elements, sorted by id. */
  resources: Resource[];
  /** All traffic edges, sorted by id. */
  edges: Edge[];
  ingressPaths: IngressPathModel[];
  egressPaths: EgressPathModel[];
  controlPlaneAccess: ControlPlaneAccessModel[];
  /** Every default the normalizer filled in. */
  defaults: AppliedDefault[];
  /** Every fact the design leaves unstated that has no platform default (the field is undefined). */
  unknown: UnknownFact[];
  /** Review configuration found in the architecture. */
  review: ReviewConfig;
}
