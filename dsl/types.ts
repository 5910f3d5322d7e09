/**
 * The aksnet authoring types: what an architect writes in an architecture file.
 *
 * Every part of the design is a plain object tagged with `kind`. Parts refer to each other by
 * object reference (a subnet holds its NSG object, a node pool holds its subnet object), so the
 * TypeScript checker verifies every reference; the normalizer turns references into stable ids.
 * Nothing here applies defaults: omitted fields stay omitted, and the normalizer records every
 * default it fills in.
 */

// ---------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------

/** An IPv4 CIDR block such as `10.240.0.0/16`. Checked by the normalizer, not by the type system. */
export type Cidr = string;

/** An IPv4 address such as `10.0.1.4`. */
export type IpAddress = string;

/** An ISO calendar date `YYYY-MM-DD`. */
export type IsoDate = `${number}-${number}-${number}`;

/** An Azure availability zone number. */
export type Zone = 1 | 2 | 3;

/** Azure region names (any other region name is accepted too). */
export type Region =
  | 'australiaeast'
  | 'brazilsouth'
  | 'canadacentral'
  | 'centralindia'
  | 'centralus'
  | 'eastasia'
  | 'eastus'
  | 'eastus2'
  | 'francecentral'
  | 'germanywestcentral'
  | 'japaneast'
  | 'koreacentral'
  | 'northeurope'
  | 'norwayeast'
  | 'southcentralus'
  | 'southeastasia'
  | 'swedencentral'
  | 'switzerlandnorth'
  | 'uaenorth'
  | 'uksouth'
  | 'westeurope'
  | 'westus2'
  | 'westus3'
  | (string & {});

/** A transport or application protocol seen on a hop. */
export type Protocol = 'http' | 'https' | 'http2' | 'grpc' | 'grpcs' | 'tcp' | 'tls' | 'udp';

/** The Well-Architected pillars (one list, in `src/shared/pillars.ts`). */
export type { Pillar } from '../src/shared/pillars.js';

// ---------------------------------------------------------------------------------------------
// Metadata and decisions
// ---------------------------------------------------------------------------------------------

/** Review status of the design document. */
export type DesignStatus = 'draft' | 'in-review' | 'approved';

/** Descriptive data about the design: shown on diagrams and report covers. */
export interface Metadata {
  /** Title of the design, e.g. "Payments platform: production network". */
  title: string;
  /** One or two paragraphs on what the workload is and why this design exists. */
  description?: string;
  /** Version of the design document, e.g. "1.4.0". */
  version?: string;
  /** Team or person that owns the design. */
  owner?: string;
  /** Review status of the design. */
  status?: DesignStatus;
  /** Environment the design is for, e.g. "production". */
  environment?: string;
  /** Name of the workload the platform serves. */
  workload?: string;
  /** People or boards expected to review the design. */
  reviewers?: readonly string[];
  /** The decision the review board is asked to take. */
  decisionRequested?: string;
  /** Date the design was last updated; reports use it instead of the wall clock. */
  date?: IsoDate;
}

/** Status of an architecture decision record. */
export type DecisionStatus = 'proposed' | 'accepted' | 'superseded' | 'rejected';

/** An ADR-style decision recorded with the design. */
export interface Decision {
  /** Short identifier, e.g. "ADR-003". */
  id?: string;
  /** What was decided, as a title. */
  title: string;
  /** Status of the decision. */
  status: DecisionStatus;
  /** The forces and constraints that made a decision necessary. */
  context: string;
  /** The options that were considered. */
  options?: readonly string[];
  /** The decision itself. */
  decision: string;
  /** What follows from the decision, good and bad. */
  consequences?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Network foundations
// ---------------------------------------------------------------------------------------------

/** What a subnet is for; drives naming and sizing checks and the diagram icon. */
export type SubnetPurpose =
  | 'aks-nodes'
  | 'aks-pods'
  | 'aks-apiserver'
  | 'ingress'
  | 'application-gateway'
  | 'agc'
  | 'private-endpoints'
  | 'private-link-service'
  | 'firewall'
  | 'firewall-management'
  | 'gateway'
  | 'bastion'
  | 'jumpbox'
  | 'build-agents'
  | 'apim'
  | 'nva'
  | 'workload'
  | 'general';

/** A subnet delegation to an Azure service. */
export type SubnetDelegation =
  | 'Microsoft.ContainerService/managedClusters'
  | 'Microsoft.ServiceNetworking/trafficControllers'
  | 'Microsoft.Network/applicationGateways'
  | 'Microsoft.Web/serverFarms'
  | 'Microsoft.DBforPostgreSQL/flexibleServers'
  | 'Microsoft.Network/dnsResolvers'
  | (string & {});

/** A subnet inside a virtual network. Create with `subnet()`, place it in a VNet's `subnets`. */
export interface Subnet {
  /** Discriminator. */
  kind: 'subnet';
  /** Azure subnet name; some purposes require a fixed name (e.g. `AzureFirewallSubnet`). */
  name: string;
  /** Address prefix of the subnet; must lie inside the VNet's address space. */
  cidr: Cidr;
  /** What the subnet is for: one purpose, or several for a shared subnet (VMs, jump boxes and endpoints together). */
  purpose?: SubnetPurpose | readonly SubnetPurpose[];
  /** Network security group associated with the subnet. */
  nsg?: NetworkSecurityGroup;
  /** Route table associated with the subnet. */
  routeTable?: RouteTable;
  /** NAT gateway associated with the subnet. */
  natGateway?: NatGateway;
  /** Service the subnet is delegated to. */
  delegation?: SubnetDelegation;
  /**
   * Whether VMs in the subnet get Azure's implicit default outbound access (`false`: a private subnet). Omitted, it
   * is unknown: VNets created with the API released after 2026-03-31 get private subnets by default, older ones do not.
   */
  defaultOutboundAccess?: boolean;
}

/** Role of a virtual network in a hub-and-spoke topology. */
export type VnetRole = 'hub' | 'spoke' | 'standalone';

/** A virtual network. */
export interface VirtualNetwork {
  /** Discriminator. */
  kind: 'vnet';
  /** Azure VNet name. */
  name: string;
  /** Region the VNet is deployed in. */
  region: Region;
  /** Address spaces of the VNet. */
  addressSpace: readonly Cidr[];
  /** Role in the topology. */
  role?: VnetRole;
  /** Subnets of the VNet. */
  subnets: readonly Subnet[];
  /** DDoS Network Protection plan associated with the VNet. */
  ddosProtectionPlan?: DdosProtectionPlan;
  /** Custom DNS servers; omit for Azure-provided DNS. */
  dnsServers?: readonly IpAddress[];
  /**
   * Whether Network Watcher VNet flow logs are enabled for the VNet (they replace NSG flow logs, which retire on
   * 2027-09-30); omit when not decided.
   */
  flowLogs?: boolean;
}

/** A VNet peering, declared once for both directions. */
export interface Peering {
  /** Discriminator. */
  kind: 'peering';
  /** One side, usually the hub. */
  from: VirtualNetwork;
  /** The other side, usually a spoke. */
  to: VirtualNetwork;
  /** Whether the `from` side lets the `to` side use its gateways (gateway transit). */
  allowGatewayTransit?: boolean;
  /**
   * Whether the `to` side uses the `from` side's VPN/ExpressRoute gateway (use remote gateways). Needs
   * `allowGatewayTransit` and a gateway in `from`; only then do the `to` side's subnets learn the gateway's routes.
   * `false` when omitted, as in Azure.
   */
  useRemoteGateways?: boolean;
  /** Whether traffic forwarded by an appliance in the other VNet is accepted. */
  allowForwardedTraffic?: boolean;
}

/** Next hop of a user-defined route. */
export type RouteNextHop =
  | { type: 'VirtualAppliance'; address: IpAddress }
  | { type: 'Internet' }
  | { type: 'VirtualNetworkGateway' }
  | { type: 'VnetLocal' }
  | { type: 'None' };

/** A user-defined route. */
export interface Route {
  /** Route name. */
  name?: string;
  /** Destination prefix, e.g. `0.0.0.0/0`. */
  prefix: Cidr;
  /** Where the traffic goes: a firewall or NVA object (its private IP is used), or an explicit next hop. */
  nextHop: AzureFirewall | NetworkVirtualAppliance | RouteNextHop;
}

/** A route table (UDR). */
export interface RouteTable {
  /** Discriminator. */
  kind: 'routeTable';
  /** Route table name. */
  name: string;
  /** Routes in the table. */
  routes: readonly Route[];
  /** Whether BGP routes from gateways are propagated into the table (`true` when omitted, as in Azure). */
  bgpRoutePropagation?: boolean;
}

/** Port specification for an NSG rule: `'*'`, a port, a range `'1000-2000'`, or a list. */
export type PortSpec = '*' | number | `${number}-${number}` | ReadonlyArray<number | `${number}-${number}`>;

/** Source or destination of an NSG rule: a service tag, a CIDR, `'*'`, or a subnet object. */
export type NsgEndpoint =
  | '*'
  | 'Internet'
  | 'VirtualNetwork'
  | 'AzureLoadBalancer'
  | 'GatewayManager'
  | 'AzureFrontDoor.Backend'
  | 'AzureCloud'
  | Cidr
  | Subnet;

/** An NSG security rule, summarised. */
export interface NsgRule {
  /** Rule name. */
  name: string;
  /** Direction of traffic the rule matches. */
  direction: 'inbound' | 'outbound';
  /** Allow or deny. */
  access: 'allow' | 'deny';
  /** Priority 100–4096; lower wins. */
  priority: number;
  /** Protocol matched. */
  protocol?: 'tcp' | 'udp' | 'icmp' | '*';
  /** Source of the traffic. */
  source: NsgEndpoint;
  /** Destination of the traffic. */
  destination: NsgEndpoint;
  /** Destination ports. */
  ports: PortSpec;
}

/** A network security group. */
export interface NetworkSecurityGroup {
  /** Discriminator. */
  kind: 'nsg';
  /** NSG name. */
  name: string;
  /** Security rules (Azure's default rules are implied); omit when the design does not list them. */
  rules?: readonly NsgRule[];
  /**
   * Whether the traffic this NSG filters is flow-logged: by NSG flow logs on the NSG, or by VNet flow logs of its
   * VNet. Which of the two is told by the VNet's `flowLogs`: `true` there means VNet flow logs, `false` means these
   * are NSG flow logs, which retire on 2027-09-30 (none can be created since 2025-06-30).
   */
  flowLogs?: boolean;
}

/** A public IP address resource. */
export interface PublicIp {
  /** Discriminator. */
  kind: 'publicIp';
  /** Resource name. */
  name: string;
  /** SKU; Basic public IPs are retired (Standard when omitted, as in Azure). */
  sku?: 'Standard' | 'StandardV2' | 'Basic';
  /** Zones: `[1, 2, 3]` zone-redundant, one zone zonal; omit for unknown. */
  zones?: readonly Zone[];
  /** Whether DDoS IP Protection (the per-IP SKU) is enabled on it. */
  ddosIpProtection?: boolean;
  /** The address, when known. */
  address?: IpAddress;
}

/** A NAT gateway. */
export interface NatGateway {
  /** Discriminator. */
  kind: 'natGateway';
  /** NAT gateway name. */
  name: string;
  /** Number of public IP addresses (1–16). */
  publicIps?: number;
  /** Length of an attached public IP prefix, e.g. 30 gives 4 addresses. */
  publicIpPrefixLength?: number;
  /** Public addresses or prefixes it egresses from, when known (lets the validator check API server authorized IP ranges). */
  publicIpAddresses?: readonly Cidr[];
  /** TCP idle timeout in minutes (4–120). */
  idleTimeoutMinutes?: number;
  /** Zone of the NAT gateway; a Standard NAT gateway is zonal or, when omitted, has no zone. */
  zones?: readonly Zone[];
  /** NAT gateway SKU; StandardV2 is zone-redundant. */
  sku?: 'Standard' | 'StandardV2';
  /** Public IP resources attached to it (their count replaces `publicIps`). */
  publicIpResources?: readonly PublicIp[];
}

/** A DDoS Network Protection plan. */
export interface DdosProtectionPlan {
  /** Discriminator. */
  kind: 'ddosProtectionPlan';
  /** Plan name. */
  name: string;
}

/** A private DNS zone and the VNets linked to it. */
export interface PrivateDnsZone {
  /** Discriminator. */
  kind: 'privateDnsZone';
  /** Zone name, e.g. `privatelink.vaultcore.azure.net`. */
  name: string;
  /** VNets linked to the zone for resolution; omit when not decided. */
  links?: readonly VirtualNetwork[];
}

/** PaaS services that can sit behind a private endpoint. */
export type PaasServiceType =
  | 'keyVault'
  | 'containerRegistry'
  | 'storageBlob'
  | 'storageFile'
  | 'sqlDatabase'
  | 'postgresql'
  | 'cosmosDb'
  | 'serviceBus'
  | 'eventHubs'
  | 'redis'
  | 'monitor'
  | 'other';

/** A PaaS service the workload depends on. */
export interface PaasService {
  /** Discriminator. */
  kind: 'paas';
  /** Resource name, e.g. `kv-payments-prod`. */
  name: string;
  /** Which service it is. */
  service: PaasServiceType;
  /**
   * Whether public network access to the service is enabled. Omitted, Azure's default (`true`). `'unknown'` where
   * the design cannot say, as `aksnet import` writes it when the service's own JSON is not in the export: the
   * rules that need it report unverified checks until it is stated.
   */
  publicNetworkAccess?: boolean | 'unknown';
  /** SKU where it matters for networking (e.g. ACR Premium for private link). */
  sku?: string;
  /**
   * Container registry only: its artifact cache rules. A registry a network-isolated cluster bootstraps from
   * needs the rule `aks-managed-mcr` (source `mcr.microsoft.com/*`, target `aks-managed-repository/*`).
   */
  cacheRules?: readonly AcrCacheRule[];
  /** Container registry only: whether Azure AD authentication-as-ARM tokens are accepted (the ACR default). */
  authenticationAsArm?: boolean;
}

/** An Azure Container Registry artifact cache rule: pulls of `targetRepo` are served from `sourceRepo`. */
export interface AcrCacheRule {
  /** Rule name, e.g. `aks-managed-mcr`. */
  name: string;
  /** Upstream repository, e.g. `mcr.microsoft.com/*`. */
  sourceRepo: string;
  /** Repository in the registry, e.g. `aks-managed-repository/*`. */
  targetRepo: string;
}

/** A private endpoint bringing a PaaS service into a subnet. */
export interface PrivateEndpoint {
  /** Discriminator. */
  kind: 'privateEndpoint';
  /** Private endpoint name. */
  name: string;
  /** Subnet the endpoint's NIC lives in. */
  subnet: Subnet;
  /** The PaaS service it connects to. */
  target: PaasService;
  /** Private DNS zone that resolves the service's private name. */
  dnsZone?: PrivateDnsZone;
}

/** An on-premises or other external network. */
export interface OnPremisesNetwork {
  /** Discriminator. */
  kind: 'onPremises';
  /** Name of the site, e.g. "Frankfurt DC". */
  name: string;
  /** Address ranges used on-premises. */
  addressSpace: readonly Cidr[];
  /**
   * Where the site's DNS servers send queries for Azure private DNS zones (conditional forwarders for
   * `privatelink.*` and the private cluster zones): the inbound endpoint of a DNS Private Resolver, or a DNS server,
   * in an Azure VNet. The zones resolve only when that VNet is linked to them. Left out, how the site resolves
   * them is unknown.
   */
  dnsForwarder?: IpAddress;
}

/** A VPN or ExpressRoute virtual network gateway. */
export interface VirtualNetworkGateway {
  /** Discriminator. */
  kind: 'vnetGateway';
  /** Gateway name. */
  name: string;
  /** VPN or ExpressRoute. */
  type: 'vpn' | 'expressRoute';
  /** The `GatewaySubnet` it is deployed in. */
  subnet: Subnet;
  /** Gateway SKU, e.g. `VpnGw2AZ` or `ErGw1AZ`. */
  sku?: string;
  /** Zones the gateway spans. */
  zones?: readonly Zone[];
  /** Whether the VPN gateway runs active-active. */
  activeActive?: boolean;
}

/** A hybrid connection from a gateway to an on-premises network. */
export interface HybridConnection {
  /** Discriminator. */
  kind: 'hybridConnection';
  /** Connection name. */
  name: string;
  /** The Azure-side gateway. */
  gateway: VirtualNetworkGateway;
  /** The on-premises side. */
  remote: OnPremisesNetwork;
  /** Bandwidth in Mbps (ExpressRoute circuits). */
  bandwidthMbps?: number;
}

/** Azure Bastion: a dedicated deployment in `AzureBastionSubnet`, or the Developer SKU, which needs no subnet. */
export interface Bastion {
  /** Discriminator. */
  kind: 'bastion';
  /** Bastion name. */
  name: string;
  /** The `AzureBastionSubnet`; the Developer SKU runs on shared infrastructure and has none. */
  subnet?: Subnet;
  /** Bastion SKU (Basic when omitted, as in Azure). */
  sku?: 'Developer' | 'Basic' | 'Standard' | 'Premium';
  /** The VNet a Developer-SKU Bastion serves (it has no subnet of its own). */
  vnet?: VirtualNetwork;
}

/** A jump box VM used by administrators. */
export interface JumpBox {
  /** Discriminator. */
  kind: 'jumpBox';
  /** VM name. */
  name: string;
  /** Subnet the VM lives in. */
  subnet: Subnet;
}

/** CI/CD build agents that deploy to the cluster. */
export interface BuildAgents {
  /** Discriminator. */
  kind: 'buildAgents';
  /** Name of the agent pool. */
  name: string;
  /** Microsoft-hosted agents run on shared public infrastructure; self-hosted ones in your subnet. */
  hosting: 'microsoft-hosted' | 'self-hosted';
  /** CI system. */
  platform?: 'github-actions' | 'azure-devops' | 'gitlab' | 'other';
  /** Subnet of self-hosted agents. */
  subnet?: Subnet;
  /** Public egress addresses of the agents, when known (needed for authorized IP ranges). */
  egressIps?: readonly Cidr[];
}

/** Protocol and port of an application rule, e.g. `{ type: 'Https', port: 443 }`. */
export interface FirewallAppProtocol {
  /** Application protocol. */
  type: 'Http' | 'Https' | 'Mssql';
  /** Port (1–65535). */
  port: number;
}

/** An application rule: layer-7 allow/deny by FQDN, FQDN tag or web category. */
export interface FirewallApplicationRule {
  /** Rule name. */
  name: string;
  /**
   * Source CIDRs or IP addresses (`*` for any). Omitted, the sources are unknown (the rule may use IP groups), not
   * "any": checks that need them are unverified.
   */
  sourceAddresses?: readonly string[];
  /** Protocols and ports matched. */
  protocols: readonly FirewallAppProtocol[];
  /** Target FQDNs, wildcards allowed (`*.blob.core.windows.net`). */
  targetFqdns?: readonly string[];
  /** FQDN tags, e.g. `AzureKubernetesService`. */
  fqdnTags?: readonly string[];
  /** Web categories (Standard and Premium). */
  webCategories?: readonly string[];
}

/** A network rule: layer-3/4 allow/deny by address, service tag or FQDN (FQDNs need DNS proxy). */
export interface FirewallNetworkRule {
  /** Rule name. */
  name: string;
  /**
   * Source CIDRs or IP addresses (`*` for any). Omitted, the sources are unknown (the rule may use IP groups), not
   * "any": checks that need them are unverified.
   */
  sourceAddresses?: readonly string[];
  /** Destination CIDRs, IP addresses or service tags (e.g. `AzureCloud.westeurope`). */
  destinationAddresses?: readonly string[];
  /** Destination FQDNs, exact names (no wildcards); they work only with the firewall's DNS proxy enabled. */
  destinationFqdns?: readonly string[];
  /** Destination ports: a port, a range `'1000-2000'` or `'*'`. */
  destinationPorts: ReadonlyArray<number | `${number}-${number}` | '*'>;
  /** IP protocols. */
  protocols: ReadonlyArray<'TCP' | 'UDP' | 'ICMP' | 'Any'>;
}

/** A DNAT rule: traffic to a firewall public IP and port is translated to a private address and port. */
export interface FirewallDnatRule {
  /** Rule name. */
  name: string;
  /** Source CIDRs or IP addresses (`*` for any). */
  sourceAddresses?: readonly string[];
  /** The firewall public IP address the rule listens on. */
  destinationAddress?: IpAddress;
  /** Port the rule listens on (1–65535). */
  destinationPort: number;
  /** Protocols. */
  protocols: ReadonlyArray<'TCP' | 'UDP'>;
  /** Private address traffic is sent to (or use `translatedFqdn`). */
  translatedAddress?: IpAddress;
  /** FQDN traffic is sent to, instead of an address. */
  translatedFqdn?: string;
  /** Port traffic is sent to (1–65535). */
  translatedPort: number;
}

/**
 * A firewall rule collection; discriminated by `type`. Azure processes network rules before application rules, and
 * within a type a base policy's rules, then rule collection groups, then collections by priority; the first rule that
 * matches decides, Allow or Deny, and what no rule matches is denied.
 */
export type FirewallRuleCollection =
  | {
      /** Layer-7 rules. */
      type: 'application';
      /** Collection name. */
      name: string;
      /** Priority 100–65000; lower runs first. */
      priority: number;
      /**
       * Priority (100–65000) of the policy's rule collection group holding the collection; groups run in this order
       * before collections run by `priority`. Omitted, the policy's collections are taken to share one group. Policy
       * rule collections only: classic rules have no groups.
       */
      groupPriority?: number;
      /** What matching traffic gets. */
      action: 'Allow' | 'Deny';
      /** Rules of the collection. */
      rules: readonly FirewallApplicationRule[];
    }
  | {
      /** Layer-3/4 rules. */
      type: 'network';
      /** Collection name. */
      name: string;
      /** Priority 100–65000; lower runs first. */
      priority: number;
      /**
       * Priority (100–65000) of the policy's rule collection group holding the collection; groups run in this order
       * before collections run by `priority`. Omitted, the policy's collections are taken to share one group. Policy
       * rule collections only: classic rules have no groups.
       */
      groupPriority?: number;
      /** What matching traffic gets. */
      action: 'Allow' | 'Deny';
      /** Rules of the collection. */
      rules: readonly FirewallNetworkRule[];
    }
  | {
      /** Destination NAT rules (inbound publishing). */
      type: 'dnat';
      /** Collection name. */
      name: string;
      /** Priority 100–65000; lower runs first. */
      priority: number;
      /**
       * Priority (100–65000) of the policy's rule collection group holding the collection; groups run in this order
       * before collections run by `priority`. Omitted, the policy's collections are taken to share one group. Policy
       * rule collections only: classic rules have no groups.
       */
      groupPriority?: number;
      /** Rules of the collection. */
      rules: readonly FirewallDnatRule[];
    };

/** Off, alert only, or alert and deny: the modes of threat intelligence and IDPS. */
export type FirewallInspectionMode = 'Off' | 'Alert' | 'Deny';

/** An Azure Firewall policy (the current way to configure a firewall; classic rules are the older way). */
export interface FirewallPolicy {
  /** Discriminator. */
  kind: 'firewallPolicy';
  /** Policy name. */
  name: string;
  /** Policy tier; must match the firewall's tier. */
  tier?: 'Basic' | 'Standard' | 'Premium';
  /** Threat-intelligence mode (Alert when omitted, as in Azure). */
  threatIntel?: FirewallInspectionMode;
  /** IDPS mode (Premium only; Off when omitted, as in Azure). */
  idps?: FirewallInspectionMode;
  /** Whether DNS proxy is enabled. */
  dnsProxy?: boolean;
  /** Whether TLS inspection is configured (Premium only). */
  tlsInspection?: boolean;
  /** Parent policy whose rules are inherited. */
  basePolicy?: FirewallPolicy;
  /** Rule collections; omit when the design does not list them (they are then unknown). */
  ruleCollections?: readonly FirewallRuleCollection[];
}

/** Azure Firewall. */
export interface AzureFirewall {
  /** Discriminator. */
  kind: 'azureFirewall';
  /** Firewall name. */
  name: string;
  /** Firewall tier; omit when not decided (checks that need it report an open question). */
  tier?: 'Basic' | 'Standard' | 'Premium';
  /** The `AzureFirewallSubnet` it is deployed in. */
  subnet: Subnet;
  /** Private IP address of the firewall, used as next hop in routes (Azure assigns the subnet's first usable address). */
  privateIp?: IpAddress;
  /** The firewall policy holding its rules; use either `policy` or `classicRules`. */
  policy?: FirewallPolicy;
  /** Classic rules configured on the firewall itself (the older model); use either these or `policy`. */
  classicRules?: readonly FirewallRuleCollection[];
  /**
   * Management IP configuration: a second subnet `AzureFirewallManagementSubnet` (and public IP)
   * that carries the firewall's own management traffic. Required for forced tunneling and the Basic tier.
   */
  management?: { subnet: Subnet; publicIp?: PublicIp };
  /** Whether all internet-bound traffic is forced to an on-premises device or NVA (needs `management`). */
  forcedTunneling?: boolean;
  /** Number of public IP addresses. */
  publicIps?: number;
  /** Public addresses or prefixes it egresses from, when known (lets the validator check API server authorized IP ranges). */
  publicIpAddresses?: readonly Cidr[];
  /** Whether DNS proxy is enabled (needed for FQDN network rules). */
  dnsProxy?: boolean;
  /**
   * Shorthand: FQDNs allowed by application or network rules, e.g. `mcr.microsoft.com`, taken as allowed for every
   * protocol, port and source. State `policy` or `classicRules` to have protocols, ports and sources checked.
   */
  fqdnAllowRules?: readonly string[];
  /** Shorthand: whether the AKS FQDN tag (`AzureKubernetesService`) is allowed (taken as HTTPS 443 from the nodes). */
  aksFqdnTag?: boolean;
  /** Zones the firewall spans. */
  zones?: readonly Zone[];
  /** Threat-intelligence mode. */
  threatIntel?: 'Off' | 'Alert' | 'Deny';
  /** Whether a NAT gateway is attached to the firewall subnet for SNAT scale. */
  natGateway?: NatGateway;
}

/** A third-party network virtual appliance. */
export interface NetworkVirtualAppliance {
  /** Discriminator. */
  kind: 'nva';
  /** Appliance name. */
  name: string;
  /** Subnet of the appliance's internal interface. */
  subnet: Subnet;
  /** Private IP used as next hop. */
  privateIp: IpAddress;
  /** Vendor or product. */
  vendor?: string;
  /** Number of public IPs used for SNAT. */
  publicIps?: number;
  /** Public addresses or prefixes it egresses from, when known (lets the validator check API server authorized IP ranges). */
  publicIpAddresses?: readonly Cidr[];
  /** Zones it spans. */
  zones?: readonly Zone[];
  /**
   * Whether its rules allow the outbound traffic AKS needs (HTTPS 443 to the required FQDNs; UDP 1194 and TCP 9000 to
   * the region for a public API server without konnectivity). An appliance's rule base is not modelled: state the
   * answer of its owner here.
   */
  allowsAksEgress?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Ingress components
// ---------------------------------------------------------------------------------------------

/** A managed rule set of a WAF policy. */
export interface WafManagedRuleSet {
  /**
   * Rule set: `OWASP` (CRS, Application Gateway only), `Microsoft_DefaultRuleSet` (DRS) or
   * `Microsoft_BotManagerRuleSet`.
   */
  type: 'OWASP' | 'Microsoft_DefaultRuleSet' | 'Microsoft_BotManagerRuleSet';
  /** Version: OWASP 3.0/3.1/3.2; DRS 1.0/1.1/2.0/2.1 on Front Door, 2.1/2.2 on Application Gateway; bot manager 1.0/1.1. */
  version: string;
  /** What matching requests get; DRS 2.x and CRS 3.x score anomalies. */
  action?: 'Block' | 'Log' | 'AnomalyScoring';
}

/** A request part excluded from managed-rule evaluation (to stop a false positive). */
export interface WafExclusion {
  /** The part, e.g. `RequestHeaderNames`, `RequestCookieNames`, `RequestArgNames`, `RequestBodyPostArgNames`. */
  matchVariable: string;
  /** How `selector` matches. */
  operator: 'Equals' | 'Contains' | 'StartsWith' | 'EndsWith' | 'EqualsAny';
  /** The name matched (omit with `EqualsAny`). */
  selector?: string;
}

/** A condition of a WAF custom rule. */
export interface WafMatchCondition {
  /** What is inspected, e.g. `RemoteAddr`, `SocketAddr`, `RequestUri`, `RequestHeader`. */
  variable: string;
  /** How: `GeoMatch` takes two-letter country codes, `IPMatch` CIDRs, the others strings. */
  operator: 'GeoMatch' | 'IPMatch' | 'Equal' | 'Contains' | 'BeginsWith' | 'EndsWith' | 'RegEx' | 'Any';
  /** Values compared against. */
  values: readonly string[];
  /** Whether the condition is negated. */
  negate?: boolean;
}

/** A WAF custom rule: a match rule, or a rate-limit rule counting requests per client. */
export interface WafCustomRule {
  /** Rule name. */
  name: string;
  /** Priority 1–100; lower runs first. */
  priority: number;
  /** `match` acts on every matching request; `rateLimit` only above the threshold. */
  type: 'match' | 'rateLimit';
  /** What matching requests get. */
  action: 'Allow' | 'Block' | 'Log' | 'Redirect' | 'JSChallenge';
  /** Conditions, all of which must match. */
  conditions: readonly WafMatchCondition[];
  /** Rate-limit rules: requests allowed per window and the window (1 or 5 minutes). */
  rateLimit?: { threshold: number; durationMinutes: 1 | 5 };
}

/** A WAF policy attached to Front Door, Application Gateway or AGC. */
export interface WafPolicy {
  /** Policy name. */
  name?: string;
  /** Detection only logs; Prevention blocks. */
  mode: 'Detection' | 'Prevention';
  /** Whether managed rule sets (DRS/OWASP, bot manager) are enabled; implied by `managedRuleSets`. */
  managedRules?: boolean;
  /** The managed rule sets, with versions and actions. */
  managedRuleSets?: readonly WafManagedRuleSet[];
  /** Exclusions from managed-rule evaluation. */
  exclusions?: readonly WafExclusion[];
  /** Custom rules (match, geo-match, rate limit). */
  customRules?: readonly WafCustomRule[];
  /** Whether the policy is enabled (true when omitted). */
  enabled?: boolean;
}

/**
 * The legacy WAF configuration embedded in an Application Gateway (`webApplicationFirewallConfiguration`),
 * as opposed to a WAF policy. Microsoft is retiring it in favour of policies.
 */
export interface LegacyWafConfiguration {
  /** Whether the WAF is on. */
  enabled: boolean;
  /** Detection only logs; Prevention blocks. */
  mode: 'Detection' | 'Prevention';
  /** Rule set type (only OWASP). */
  ruleSetType?: 'OWASP';
  /** CRS version, e.g. `3.2`. */
  ruleSetVersion?: '2.2.9' | '3.0' | '3.1' | '3.2';
}

/** Azure Front Door. */
export interface FrontDoor {
  /** Discriminator. */
  kind: 'frontDoor';
  /** Profile name. */
  name: string;
  /** Tier; Classic is the retiring v1 service. */
  sku: 'Standard' | 'Premium' | 'Classic';
  /** WAF policy, if any. */
  waf?: WafPolicy;
  /** Routes: which domains and paths go to which origin group. */
  routes?: readonly FrontDoorRoute[];
  /** Minimum TLS version clients must use on custom domains. */
  minTlsVersion?: '1.0' | '1.2';
}

/** What a Front Door origin is. */
export type FrontDoorOriginKind =
  | 'application-gateway'
  | 'agc'
  | 'private-link-service'
  | 'internal-load-balancer'
  | 'public-ip'
  | 'app-service'
  | 'storage'
  | 'other';

/** A Front Door origin (backend). */
export interface FrontDoorOrigin {
  /** Origin name. */
  name: string;
  /** What it is. */
  originKind: FrontDoorOriginKind;
  /** The modelled resource behind it, when it is one of the design's parts. */
  target?: ApplicationGateway | AppGatewayForContainers | PrivateLinkService | LoadBalancer;
  /** Host name or address of the origin. */
  hostName?: string;
  /** Reached over Private Link (Premium only) or the public internet. */
  connection: 'private-link' | 'public';
  /**
   * How the origin rejects traffic that did not come through this profile: checking the
   * `X-Azure-FDID` header, admitting only the `AzureFrontDoor.Backend` service tag, both, or none.
   * Omit when not decided.
   */
  lockdown?: ReadonlyArray<'x-azure-fdid' | 'service-tag'> | 'none';
  /** Whether Front Door talks to the origin over HTTPS. */
  https?: boolean;
}

/** A Front Door route. */
export interface FrontDoorRoute {
  /** Route name. */
  name: string;
  /** Domains served. */
  domains?: readonly string[];
  /** Path patterns, e.g. `/*`. */
  patterns?: readonly string[];
  /** Origins of the route's origin group. */
  origins: readonly FrontDoorOrigin[];
  /** Whether HTTP requests are redirected to HTTPS. */
  httpsRedirect?: boolean;
  /** Protocols accepted from clients. */
  acceptedProtocols?: ReadonlyArray<'Http' | 'Https'>;
  /** Protocol used towards the origins. */
  forwardingProtocol?: 'HttpOnly' | 'HttpsOnly' | 'MatchRequest';
}

/** Azure Traffic Manager: DNS-based global entry across regions. */
export interface TrafficManager {
  /** Discriminator. */
  kind: 'trafficManager';
  /** Profile name. */
  name: string;
  /** Routing method. */
  routingMethod: 'Priority' | 'Weighted' | 'Performance' | 'Geographic' | 'MultiValue' | 'Subnet';
  /** Endpoints (regional entry points). */
  endpoints: ReadonlyArray<{ name: string; target?: ApplicationGateway | LoadBalancer | FrontDoor | PublicIp; hostName?: string; region?: Region }>;
}

/** Azure Application Gateway. */
export interface ApplicationGateway {
  /** Discriminator. */
  kind: 'applicationGateway';
  /** Gateway name. */
  name: string;
  /** SKU; `Standard`/`WAF` are v1. */
  sku: 'Standard_v2' | 'WAF_v2' | 'Standard' | 'WAF';
  /** The dedicated subnet of the gateway. */
  subnet: Subnet;
  /** Which frontends exist. */
  frontend: 'public' | 'private' | 'both';
  /** Private frontend IP, if any. */
  privateIp?: IpAddress;
  /** Who configures it. */
  management: 'agic-addon' | 'agic-helm' | 'standalone';
  /** WAF policy, if any. */
  waf?: WafPolicy;
  /** Legacy in-gateway WAF configuration (not a policy); use either this or `waf`. */
  webApplicationFirewallConfiguration?: LegacyWafConfiguration;
  /** The public frontend's IP resource. */
  publicIp?: PublicIp;
  /** Zones the gateway spans. */
  zones?: readonly Zone[];
  /** Minimum autoscale instance count. */
  minCapacity?: number;
  /** Maximum autoscale instance count. */
  maxCapacity?: number;
  /** Minimum TLS version on listeners. */
  minTlsVersion?: '1.0' | '1.1' | '1.2' | '1.3';
  /**
   * Whether the v2 gateway was deployed with network isolation (the private deployment, feature
   * `EnableApplicationGatewayNetworkIsolation`): then its subnet may route 0.0.0.0/0 to an appliance and its NSG
   * may deny internet egress. Off unless stated for a gateway with a public frontend; a private-only frontend
   * needs it.
   */
  networkIsolation?: boolean;
}

/** Application Gateway for Containers. */
export interface AppGatewayForContainers {
  /** Discriminator. */
  kind: 'agc';
  /** Resource name. */
  name: string;
  /** Managed by the ALB controller or brought by you. */
  deployment: 'managed' | 'byo';
  /** Kubernetes API used to configure it. */
  api: 'gateway-api' | 'ingress-api';
  /** The association subnet delegated to `Microsoft.ServiceNetworking/trafficControllers`. */
  subnet: Subnet;
  /** Frontend exposure. */
  frontend: 'public' | 'private';
  /** WAF policy, if any. */
  waf?: WafPolicy;
}

/** Azure API Management. */
export interface ApiManagement {
  /** Discriminator. */
  kind: 'apiManagement';
  /** Service name. */
  name: string;
  /** Tier. */
  sku: 'Developer' | 'Basic' | 'Standard' | 'Premium' | 'BasicV2' | 'StandardV2' | 'PremiumV2' | 'Consumption';
  /** VNet mode. */
  vnetMode: 'none' | 'external' | 'internal';
  /** Subnet when VNet-injected. */
  subnet?: Subnet;
  /** Zones it spans. */
  zones?: readonly Zone[];
}

/** An Azure Standard (or legacy Basic) load balancer in front of cluster services. */
export interface LoadBalancer {
  /** Discriminator. */
  kind: 'loadBalancer';
  /** Name (for AKS-managed LBs, the Service name is fine). */
  name: string;
  /** Public or internal frontend. */
  visibility: 'public' | 'internal';
  /** SKU. */
  sku?: 'Standard' | 'Basic';
  /** Subnet of an internal frontend (AKS uses the node subnet unless annotated). */
  subnet?: Subnet;
  /** Frontend private IP of an internal LB. */
  privateIp?: IpAddress;
  /** Zones of the frontend. */
  zones?: readonly Zone[];
  /** The cluster whose Service created the LB. */
  cluster?: Cluster;
}

/** An Azure Private Link Service exposing an internal load balancer. */
export interface PrivateLinkService {
  /** Discriminator. */
  kind: 'privateLinkService';
  /** Name. */
  name: string;
  /** Subnet for the NAT IPs of the service. */
  subnet: Subnet;
  /** The internal load balancer it exposes. */
  loadBalancer: LoadBalancer;
  /** Subscriptions that may see (request a connection to) the service, or `'*'` for anyone with the alias. */
  visibility?: readonly string[] | '*';
  /** Subscriptions whose connection requests are approved automatically. */
  autoApproval?: readonly string[];
  /** Number of NAT IP addresses taken from `subnet` (1–8). */
  natIpCount?: number;
}

/** In-cluster ingress controller implementations. */
export type IngressControllerType =
  | 'app-routing-nginx'
  | 'app-routing-gateway-api'
  | 'nginx'
  | 'traefik'
  | 'istio-gateway'
  | 'http-application-routing'
  | 'contour'
  | 'other';

/** An in-cluster ingress controller. */
export interface IngressController {
  /** Discriminator. */
  kind: 'ingressController';
  /** Name, e.g. `nginx-internal`. */
  name: string;
  /** Implementation. */
  type: IngressControllerType;
  /** Cluster it runs in. */
  cluster: Cluster;
  /** Replica count. */
  replicas?: number;
  /** Whether replicas are spread across zones by topology spread constraints on `topology.kubernetes.io/zone`. */
  zoneSpread?: boolean;
  /**
   * The topology key of the replicas' pod anti-affinity: `node` (`kubernetes.io/hostname`, one replica per
   * node) or `zone` (`topology.kubernetes.io/zone`, one replica per zone, which also spreads them across zones).
   */
  podAntiAffinity?: 'node' | 'zone';
  /** Kubernetes namespace. */
  namespace?: string;
  /** Controller version, e.g. `1.11.3` (community ingress-nginx) or the add-on's version. */
  version?: string;
}

// ---------------------------------------------------------------------------------------------
// Cluster
// ---------------------------------------------------------------------------------------------

/** Node pool operating system. */
export type NodeOs = 'Linux' | 'Windows';

/** An AKS node pool. */
export interface NodePool {
  /** Discriminator. */
  kind: 'nodePool';
  /** Pool name (lowercase, up to 12 characters for Linux, 6 for Windows). */
  name: string;
  /** System pools host critical add-ons. */
  mode: 'system' | 'user';
  /** Operating system. */
  os?: NodeOs;
  /** VM size, e.g. `Standard_D4ds_v5`. */
  vmSize: string;
  /** Fixed node count (or initial count with autoscaling). */
  count?: number;
  /** Autoscaler minimum. */
  minCount?: number;
  /** Autoscaler maximum. */
  maxCount?: number;
  /** Maximum pods per node. */
  maxPods?: number;
  /** Availability zones of the pool. */
  zones?: readonly Zone[];
  /** Node subnet (BYO VNet). */
  subnet: Subnet;
  /** Pod subnet for the pod-subnet CNI modes. */
  podSubnet?: Subnet;
  /** Upgrade surge: a node count (`3`) or a percentage (`'33%'`). */
  maxSurge?: number | `${number}%`;
  /** Whether the pool uses Spot VMs. */
  spot?: boolean;
  /** Whether each node gets a public IP. */
  nodePublicIp?: boolean;
  /** OS SKU, e.g. `AzureLinux`, `Ubuntu`, `Windows2022`. */
  osSku?: 'Ubuntu' | 'AzureLinux' | 'Windows2019' | 'Windows2022' | 'Windows2025' | (string & {});
  /** Orchestrator (Kubernetes) version of the pool, e.g. `1.33`. */
  orchestratorVersion?: string;
  /** Upgrade: nodes that may be unavailable at once, a count (`1`) or a percentage (`'10%'`). */
  maxUnavailable?: number | `${number}%`;
}

/** Container networking choices; discriminated by `cni`. */
export type ClusterNetwork =
  | (ClusterNetworkCommon & {
      /** kubenet: pods get IPs from a private pod CIDR routed by a route table. */
      cni: 'kubenet';
      /** Pod CIDR (default 10.244.0.0/16). */
      podCidr?: Cidr;
      /** The route table AKS writes pod routes into (BYO VNet). */
      routeTable?: RouteTable;
    })
  | (ClusterNetworkCommon & {
      /** Azure CNI overlay: pods get IPs from a private overlay CIDR, a /24 per node. */
      cni: 'azure-overlay';
      /** Pod CIDR (default 10.244.0.0/16). */
      podCidr?: Cidr;
    })
  | (ClusterNetworkCommon & {
      /** Azure CNI (node subnet, "flat"): pods get IPs from the node subnet. */
      cni: 'azure-nodesubnet';
    })
  | (ClusterNetworkCommon & {
      /** Azure CNI pod subnet, dynamic IP allocation. */
      cni: 'azure-podsubnet-dynamic';
    })
  | (ClusterNetworkCommon & {
      /** Azure CNI pod subnet, static block allocation (/28 per node). */
      cni: 'azure-podsubnet-static';
    })
  | (ClusterNetworkCommon & {
      /** Bring your own CNI (`networkPlugin: none`). */
      cni: 'byo';
      /** Pod CIDR of the custom CNI, if known. */
      podCidr?: Cidr;
    });

/** Settings shared by every CNI. */
export interface ClusterNetworkCommon {
  /** Dataplane; `cilium` is Azure CNI powered by Cilium. */
  dataplane?: 'azure' | 'cilium';
  /** Kubernetes service CIDR (default 10.0.0.0/16). */
  serviceCidr?: Cidr;
  /** Cluster DNS service IP (default: the .10 address of the service CIDR). */
  dnsServiceIP?: IpAddress;
  /** Network policy engine (default none). */
  networkPolicy?: 'none' | 'azure' | 'calico' | 'cilium';
  /** Whether a default-deny policy is applied to workload namespaces. */
  defaultDeny?: boolean;
  /**
   * Whether pod egress to the internet is restricted by FQDN network policies of Advanced Container
   * Networking Services (Cilium FQDN filtering). Needs `dataplane: 'cilium'`; omit when not decided.
   */
  fqdnFiltering?: boolean;
  /** Load balancer SKU (default standard). */
  loadBalancerSku?: 'standard' | 'basic';
  /**
   * How nodes join the backend pools of the cluster's load balancers: `nodeIPConfiguration` (by VM scale set IP
   * configuration) or `nodeIP` (by IP address). Private Link Service needs `nodeIPConfiguration`; omit when not decided.
   */
  loadBalancerBackendPoolType?: 'nodeIPConfiguration' | 'nodeIP';
}

/** Service mesh settings. */
export type ServiceMesh =
  | { kind: 'none' }
  | {
      /** Istio-based service mesh add-on. */
      kind: 'istio-addon';
      /** Mesh-wide mTLS mode; omit when not decided. */
      mtls?: 'STRICT' | 'PERMISSIVE' | 'DISABLE';
      /** Add-on revision, e.g. `asm-1-25`. */
      revision?: string;
    }
  | {
      /** Self-managed Istio, Linkerd, Cilium mesh or another mesh. */
      kind: 'self-managed';
      /** Product name. */
      product: string;
      /** Whether mTLS is enforced between workloads; omit when not decided. */
      mtls?: 'STRICT' | 'PERMISSIVE' | 'DISABLE';
    };

/** Private DNS zone mode of a private cluster. */
export type PrivateDnsZoneMode = 'system' | 'none' | PrivateDnsZone;

/** How the API server is exposed; discriminated by `mode`. */
export type ApiServer =
  | {
      /** Public endpoint. */
      mode: 'public';
      /** CIDRs allowed to reach the API server; omit or leave empty for "anyone". */
      authorizedIpRanges?: readonly Cidr[];
      /**
       * Whether the konnectivity agent carries node ↔ control plane traffic (a `konnectivity-agent` pod runs in
       * `kube-system`). Without it, nodes also need UDP 1194 and TCP 9000 to the region through an egress firewall.
       */
      konnectivity?: boolean;
    }
  | {
      /** Private cluster: the API server is reached over a private endpoint. */
      mode: 'private';
      /** Private DNS zone: AKS-managed (`system`), none (public FQDN only), or your own zone. */
      privateDnsZone?: PrivateDnsZoneMode;
      /** Whether a public FQDN resolving to the private IP is created. */
      publicFqdn?: boolean;
    }
  | {
      /** API Server VNet Integration: the API server is projected into a delegated subnet. */
      mode: 'vnet-integration';
      /** The delegated API server subnet. */
      subnet: Subnet;
      /** Whether the endpoint is private (otherwise public through an internal LB + public IP). */
      private: boolean;
      /** Authorized IP ranges for the public variant. */
      authorizedIpRanges?: readonly Cidr[];
      /** Private DNS zone mode for the private variant. */
      privateDnsZone?: PrivateDnsZoneMode;
    };

/** Who or what reaches the API server, and how. */
export type ControlPlaneAccess =
  | {
      /** Administrators. */
      kind: 'admins';
      /** What they come through. */
      via: Bastion | JumpBox | HybridConnection | 'internet';
      /**
       * With `via` a Bastion: the VM administrators open a session to through it, where kubectl runs. Bastion only
       * connects to VMs, so left out, where kubectl runs (and which VNet resolves the API server's name) is unknown.
       */
      jumpBox?: JumpBox;
      /** Description, e.g. "platform SREs". */
      description?: string;
    }
  | {
      /** CI/CD pipelines. */
      kind: 'cicd';
      /** The build agents. */
      via: BuildAgents;
      /** Description. */
      description?: string;
    }
  | {
      /** A GitOps agent running inside the cluster (pull model). */
      kind: 'gitops';
      /** Agent. */
      tool: 'flux' | 'argocd' | 'other';
      /** Description. */
      description?: string;
    }
  | {
      /** `az aks command invoke` through the Azure control plane. */
      kind: 'command-invoke';
      /** Description. */
      description?: string;
    };

/** How the cluster sends traffic to the internet; discriminated by `type`. */
export type Outbound =
  | {
      /** SNAT through the cluster's Standard load balancer. */
      type: 'loadBalancer';
      /** Managed outbound public IPs (1–100, default 1). */
      outboundIps?: number;
      /** SNAT ports per node, a multiple of 8 from 0 to 64,000 (0 = Azure's automatic allocation). */
      allocatedOutboundPorts?: number;
      /** Outbound flow idle timeout in minutes (4–120, default 30). */
      idleTimeoutMinutes?: number;
    }
  | {
      /** AKS creates and manages a NAT gateway (AKS-managed VNet only). */
      type: 'managedNATGateway';
      /** Managed outbound IPs (1–16). */
      outboundIps?: number;
      /** Idle timeout in minutes. */
      idleTimeoutMinutes?: number;
    }
  | {
      /** AKS creates and manages a StandardV2 (zone-redundant) NAT gateway. */
      type: 'managedNATGatewayV2';
      /** Managed outbound IPs (1–16). */
      outboundIps?: number;
      /** Idle timeout in minutes. */
      idleTimeoutMinutes?: number;
    }
  | {
      /** Your NAT gateway, associated with the node subnets before the cluster is created. */
      type: 'userAssignedNATGateway';
      /** The NAT gateway. */
      natGateway: NatGateway;
    }
  | {
      /** Your route table sends 0.0.0.0/0 to a firewall or NVA. */
      type: 'userDefinedRouting';
      /** The appliance egress goes through. */
      via: AzureFirewall | NetworkVirtualAppliance;
    }
  | {
      /** No outbound path (network-isolated cluster). */
      type: 'none';
    }
  | {
      /** Outbound blocked (network-isolated cluster, preview). */
      type: 'block';
    };

/** Categories of outbound destinations. */
export type EgressCategory =
  | 'aks-required'
  | 'container-registry'
  | 'package-feed'
  | 'identity'
  | 'monitoring'
  | 'saas'
  | 'partner'
  | 'azure-paas'
  | 'other';

/** An outbound destination a workload needs. */
export interface EgressDestination {
  /** Human name, e.g. "Stripe API". */
  name: string;
  /** FQDN or wildcard, e.g. `api.stripe.com`. */
  fqdn?: string;
  /** CIDR for IP-based destinations. */
  cidr?: Cidr;
  /** Port. */
  port?: number;
  /** Protocol. */
  protocol?: Protocol;
  /** Category. */
  category?: EgressCategory;
  /** When the destination is reached privately, the private endpoint used instead of public egress. */
  privateEndpoint?: PrivateEndpoint;
}

/** Cluster SKU tier. */
export type ClusterTier = 'Free' | 'Standard' | 'Premium';

/** Azure roles the design grants the cluster's identity on network resources. */
export type ClusterIdentityRole = 'Network Contributor' | 'Private DNS Zone Contributor';

/** The identity the cluster's control plane acts as on Azure resources (`--assign-identity`). */
export interface ClusterIdentity {
  /** A system-assigned managed identity (the AKS default), a user-assigned one, or a service principal. */
  type: 'system-assigned' | 'user-assigned' | 'service-principal';
  /**
   * Roles granted to it for the network: Network Contributor on the cluster's VNet or subnets, Private DNS Zone
   * Contributor on a private DNS zone the design brings. Leave out when not decided.
   */
  roles?: readonly ClusterIdentityRole[];
}

/** An AKS cluster. */
export interface Cluster {
  /** Discriminator. */
  kind: 'cluster';
  /** Cluster name. */
  name: string;
  /** Region. */
  region: Region;
  /** SKU tier (default Free). */
  tier?: ClusterTier;
  /** Kubernetes minor version, e.g. `1.33`. */
  kubernetesVersion?: string;
  /** The control plane's identity; matters for a private DNS zone of your own (it must be user-assigned). */
  identity?: ClusterIdentity;
  /** Container networking. */
  network: ClusterNetwork;
  /** Node pools; the first pool's subnet (whatever its mode) hosts a private cluster's API server endpoint. */
  nodePools: readonly NodePool[];
  /** API server exposure (default public, no authorized ranges). */
  apiServer?: ApiServer;
  /** Access paths that must reach the API server. */
  controlPlaneAccess?: readonly ControlPlaneAccess[];
  /** Outbound type (default loadBalancer). */
  outbound?: Outbound;
  /** Destinations workloads need. */
  egressDestinations?: readonly EgressDestination[];
  /** Service mesh. */
  serviceMesh?: ServiceMesh;
  /** Whether the cluster is in an AKS-managed VNet (rare in reviewed designs; default false). */
  managedVnet?: boolean;
  /** Add-ons that matter to the network or are retiring. */
  addons?: ClusterAddons;
  /** Network-isolated cluster: no outbound internet, images from a private ACR cache. */
  networkIsolated?: boolean;
  /**
   * The bring-your-own container registry a network-isolated cluster bootstraps from
   * (`--bootstrap-container-registry-resource-id`); omit it for the AKS-managed registry.
   */
  bootstrapRegistry?: PaasService;
  /** Ingress controllers that run in the cluster, including ones on no ingress path. */
  ingressControllers?: readonly IngressController[];
}

/** Cluster add-ons that change the network or are retiring. */
export interface ClusterAddons {
  /** Open Service Mesh add-on (retired). */
  openServiceMesh?: boolean;
  /** AAD pod identity (deprecated, replaced by workload identity). */
  aadPodIdentity?: boolean;
  /** HTTP application routing add-on (retired). */
  httpApplicationRouting?: boolean;
  /** Application routing add-on (managed NGINX / Gateway API). */
  appRouting?: boolean;
  /** Istio-based service mesh add-on revision, e.g. `asm-1-25`; set, it means the add-on is enabled (serviceMesh defaults to `istio-addon`). */
  istioRevision?: string;
}

// ---------------------------------------------------------------------------------------------
// Ingress paths
// ---------------------------------------------------------------------------------------------

/** What happens to TLS at a hop. */
export type TlsMode =
  /** TLS ends here; the hop forwards plaintext. */
  | 'terminate'
  /** TLS ends here and a new TLS session is opened to the next hop. */
  | 'reencrypt'
  /** Encrypted bytes are forwarded without decryption. */
  | 'passthrough'
  /** No TLS arrives and none leaves. */
  | 'plain'
  /** Plaintext arrives and TLS leaves (e.g. a sidecar originating mTLS). */
  | 'originate';

/** Anything a hop can go through. */
export type HopResource =
  | FrontDoor
  | ApplicationGateway
  | AppGatewayForContainers
  | ApiManagement
  | AzureFirewall
  | NetworkVirtualAppliance
  | LoadBalancer
  | PrivateLinkService
  | IngressController;

/** One hop of an ingress path. */
export interface Hop {
  /** The component traffic passes through. */
  via: HopResource;
  /** Protocol the hop receives. */
  protocol: Protocol;
  /** Port the hop listens on. */
  port: number;
  /** What the hop does with TLS. */
  tls: TlsMode;
  /** Whether the next hop still sees the client's source IP (default depends on the component). */
  preservesClientIp?: boolean;
  /** On an Azure Firewall hop: the name of the DNAT rule that publishes the path. */
  dnatRule?: string;
  /** Free-text note shown in reports. */
  note?: string;
}

/** Where an ingress path starts. */
export type IngressClient =
  | {
      /** Users on the public internet. */
      kind: 'internet';
      /** Label, e.g. "Customers". */
      label?: string;
    }
  | {
      /** Corporate users arriving over a hybrid connection. */
      kind: 'corporate';
      /** The connection they use. */
      via: HybridConnection;
      /** Label. */
      label?: string;
    }
  | {
      /** Partners from known ranges. */
      kind: 'partner';
      /** Their source ranges. */
      sourceRanges?: readonly Cidr[];
      /** Label. */
      label?: string;
    };

/** The workload at the end of an ingress path. */
export interface IngressTarget {
  /** Cluster the workload runs in. */
  cluster: Cluster;
  /** Kubernetes namespace. */
  namespace?: string;
  /** Service name. */
  service: string;
  /** Protocol the pods receive. */
  protocol: Protocol;
  /** Container port. */
  port: number;
  /** Whether pods terminate TLS themselves. */
  tls?: 'terminate' | 'plain';
}

/** A named entry path, from clients through hops to pods. */
export interface IngressPath {
  /** Discriminator. */
  kind: 'ingressPath';
  /** Path name, e.g. "public-web". */
  name: string;
  /** Who sends the traffic. */
  from: IngressClient;
  /** Hops in order. */
  hops: readonly Hop[];
  /** The workload reached; omit while the backend is not decided (the path ends at its last hop). */
  to?: IngressTarget;
  /** Free-text description. */
  description?: string;
}

// ---------------------------------------------------------------------------------------------
// Review configuration
// ---------------------------------------------------------------------------------------------

/** Severity of a finding. */
export type Severity = 'error' | 'warning' | 'info';

/** Per-rule setting: `'off'` or a severity override. */
export type RuleSetting = 'off' | Severity;

/** A risk the owner has accepted; matching findings are reported as suppressed until expiry. */
export interface AcceptedRisk {
  /** Rule id, e.g. `egress/firewall-public-ips`. */
  rule: string;
  /** Element the acceptance applies to: its name or model id; omit for every element. */
  element?: string;
  /** Why the risk is accepted. */
  justification: string;
  /** Who accepted it. */
  owner: string;
  /** Date after which the acceptance lapses and the finding returns. */
  expires: IsoDate;
}

/** Validator configuration, in `aksnet.config.ts` or an architecture's `review` section. */
export interface ReviewConfig {
  /** Rule settings by rule id. */
  rules?: Record<string, RuleSetting>;
  /** Date lifecycle rules are evaluated against (default today). */
  asOf?: IsoDate;
  /** Accepted risks. */
  acceptedRisks?: readonly AcceptedRisk[];
}

// ---------------------------------------------------------------------------------------------
// The architecture
// ---------------------------------------------------------------------------------------------

/** Network parts not owned by a cluster. Anything referenced elsewhere is discovered automatically. */
export interface Network {
  /** Virtual networks, each with its subnets. */
  vnets: readonly VirtualNetwork[];
  /** VNet peerings. */
  peerings?: readonly Peering[];
  /** Private DNS zones. */
  privateDnsZones?: readonly PrivateDnsZone[];
  /** Private endpoints. */
  privateEndpoints?: readonly PrivateEndpoint[];
  /** On-premises networks. */
  onPremises?: readonly OnPremisesNetwork[];
  /** Hybrid connections (VPN, ExpressRoute). */
  hybridConnections?: readonly HybridConnection[];
  /** Firewalls (also discovered from routes and egress). */
  firewalls?: readonly AzureFirewall[];
  /** Network virtual appliances. */
  nvas?: readonly NetworkVirtualAppliance[];
  /** Bastion hosts. */
  bastions?: readonly Bastion[];
  /** Jump boxes. */
  jumpBoxes?: readonly JumpBox[];
  /** Build agent pools. */
  buildAgents?: readonly BuildAgents[];
  /** Other gateways (also discovered from hybrid connections). */
  gateways?: readonly VirtualNetworkGateway[];
  /**
   * Load balancers that are on no ingress path, typically ones Kubernetes creates for Services of
   * type LoadBalancer (set `cluster`); those on a path are discovered from its hops.
   */
  loadBalancers?: readonly LoadBalancer[];
  /** Route tables, including ones no subnet uses (so "created but not associated" can be said). */
  routeTables?: readonly RouteTable[];
  /** NSGs, including ones no subnet uses. */
  nsgs?: readonly NetworkSecurityGroup[];
  /** Public IP resources not attached through another part. */
  publicIps?: readonly PublicIp[];
  /** NAT gateways, including ones no subnet uses. */
  natGateways?: readonly NatGateway[];
  /** Firewall policies (also discovered from firewalls). */
  firewallPolicies?: readonly FirewallPolicy[];
  /** Private Link Services (also discovered from ingress hops and Front Door origins). */
  privateLinkServices?: readonly PrivateLinkService[];
  /** Traffic Manager profiles. */
  trafficManagers?: readonly TrafficManager[];
  /** Front Door profiles (also discovered from ingress hops). */
  frontDoors?: readonly FrontDoor[];
}

/** A complete AKS network design. */
export interface Architecture {
  /** Discriminator. */
  kind: 'architecture';
  /** Descriptive metadata. */
  metadata: Metadata;
  /** Architecture decisions. */
  decisions?: readonly Decision[];
  /** Network foundations. */
  network: Network;
  /** Clusters. */
  clusters: readonly Cluster[];
  /** Ingress paths. */
  ingress?: readonly IngressPath[];
  /** Review configuration (rule settings, as-of date, accepted risks). */
  review?: ReviewConfig;
}

/** The input to `defineArchitecture` (the `kind` tag is added for you). */
export type ArchitectureInput = Omit<Architecture, 'kind'>;

/** Shared configuration file (`aksnet.config.ts`). */
export interface AksnetConfig extends ReviewConfig {
  /** Discriminator. */
  kind: 'config';
  /** Path of a directory with `<kind>.svg` icons replacing the built-in ones. */
  iconPack?: string;
  /** Path of a directory with Handlebars templates overriding the built-in report templates. */
  templates?: string;
  /** Path or name of the Chromium/Chrome executable used for PDF. */
  browser?: string;
  /** Which design files `aksnet build` and `aksnet serve` read (paths relative to the config file). */
  inputs?: InputsConfig;
  /** What `aksnet build` writes (paths relative to the config file). */
  outputs?: OutputsConfig;
  /** Caches `aksnet build` keeps between runs. */
  cache?: CacheConfig;
}

/** Design files of a repository. */
export interface InputsConfig {
  /** Globs of design files, e.g. `designs/**\/*.ts`. Output names follow the path below the globs' folder. */
  include: string[];
  /** Globs of files that are never designs (fixtures, generated files). Helper modules are skipped anyway. */
  ignore?: string[];
}

/** A diagram view `aksnet build` can draw. */
export type DiagramViewName = 'topology' | 'ingress' | 'egress' | 'control-plane';

/** Diagrams: `<dir>/<design>.<view>.<format>` for every design and view that has something to show. */
export interface DiagramOutputConfig {
  dir: string;
  /** Views to draw (default all). */
  views?: DiagramViewName[];
  /** Image formats (default `['svg']`); PNG is rasterised by Chromium, like PDF. */
  formats?: Array<'svg' | 'png'>;
  /** Overlay severity badges of open findings (default false). */
  findings?: boolean;
}

/** Review packs: `<dir>/<design>/review-pack.<format>` for every design. */
export interface ReportOutputConfig {
  dir: string;
  formats: Array<'pdf' | 'html' | 'md' | 'json' | 'csv'>;
  /** PDF paper size (default a4). */
  paper?: 'a4' | 'letter';
  /**
   * The date committed packs are reviewed as of (YYYY-MM-DD). Packs print it, so without it they
   * change every day and `aksnet build --check` reports them stale on another day.
   */
  asOf?: IsoDate;
}

/** A findings report over every design (one file). */
export interface FindingsOutputConfig {
  file: string;
  format: 'text' | 'json' | 'sarif' | 'github' | 'markdown' | 'junit' | 'gitlab';
}

export interface OutputsConfig {
  diagrams?: DiagramOutputConfig;
  reports?: ReportOutputConfig;
  findings?: FindingsOutputConfig[];
}

export interface CacheConfig {
  /** Folder of the content-addressed layout cache (an unchanged diagram is not laid out again). */
  dir: string;
}
