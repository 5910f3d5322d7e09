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

/** The Well-Architected pillars. */
export type Pillar =
  | 'reliability'
  | 'security'
  | 'cost-optimization'
  | 'operational-excellence'
  | 'performance-efficiency';

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
  reviewers?: string[];
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
  options?: string[];
  /** The decision itself. */
  decision: string;
  /** What follows from the decision, good and bad. */
  consequences?: string[];
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
  | 'workload';

/** A subnet delegation to an Azure service. */
export type SubnetDelegation =
  | 'Microsoft.ContainerService/managedClusters'
  | 'Microsoft.ServiceNetworking/trafficControllers'
  | 'Microsoft.Network/applicationGateways'
  | 'Microsoft.Web/serverFarms'
  | 'Microsoft.DBforPostgreSQL/flexibleServers'
  | (string & {});

/** A subnet inside a virtual network. Create with `subnet()`, place it in a VNet's `subnets`. */
export interface Subnet {
  /** Discriminator. */
  kind: 'subnet';
  /** Azure subnet name; some purposes require a fixed name (e.g. `AzureFirewallSubnet`). */
  name: string;
  /** Address prefix of the subnet; must lie inside the VNet's address space. */
  cidr: Cidr;
  /** What the subnet is for. */
  purpose?: SubnetPurpose;
  /** Network security group associated with the subnet. */
  nsg?: NetworkSecurityGroup;
  /** Route table associated with the subnet. */
  routeTable?: RouteTable;
  /** NAT gateway associated with the subnet. */
  natGateway?: NatGateway;
  /** Service the subnet is delegated to. */
  delegation?: SubnetDelegation;
  /** Whether VMs in the subnet get Azure's implicit default outbound access (`true` when omitted, as in Azure). */
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
  addressSpace: Cidr[];
  /** Role in the topology. */
  role?: VnetRole;
  /** Subnets of the VNet. */
  subnets: Subnet[];
  /** DDoS Network Protection plan associated with the VNet. */
  ddosProtectionPlan?: DdosProtectionPlan;
  /** Custom DNS servers; omit for Azure-provided DNS. */
  dnsServers?: IpAddress[];
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
  routes: Route[];
  /** Whether BGP routes from gateways are propagated into the table (`true` when omitted, as in Azure). */
  bgpRoutePropagation?: boolean;
}

/** Port specification for an NSG rule: `'*'`, a port, a range `'1000-2000'`, or a list. */
export type PortSpec = '*' | number | `${number}-${number}` | Array<number | `${number}-${number}`>;

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
  /** Security rules (Azure's default rules are implied). */
  rules: NsgRule[];
  /** Whether NSG flow logs or VNet flow logs are enabled. */
  flowLogs?: boolean;
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
  publicIpAddresses?: Cidr[];
  /** TCP idle timeout in minutes (4–120). */
  idleTimeoutMinutes?: number;
  /** Zone of the NAT gateway; a Standard NAT gateway is zonal or has no zone. */
  zones?: Zone[];
  /** NAT gateway SKU; StandardV2 is zone-redundant. */
  sku?: 'Standard' | 'StandardV2';
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
  /** VNets linked to the zone for resolution. */
  links: VirtualNetwork[];
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
  /** Whether public network access to the service is enabled. */
  publicNetworkAccess?: boolean;
  /** SKU where it matters for networking (e.g. ACR Premium for private link). */
  sku?: string;
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
  addressSpace: Cidr[];
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
  zones?: Zone[];
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

/** Azure Bastion. */
export interface Bastion {
  /** Discriminator. */
  kind: 'bastion';
  /** Bastion name. */
  name: string;
  /** The `AzureBastionSubnet`. */
  subnet: Subnet;
  /** Bastion SKU. */
  sku?: 'Developer' | 'Basic' | 'Standard' | 'Premium';
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
  egressIps?: Cidr[];
}

/** Azure Firewall. */
export interface AzureFirewall {
  /** Discriminator. */
  kind: 'azureFirewall';
  /** Firewall name. */
  name: string;
  /** Firewall tier. */
  tier: 'Basic' | 'Standard' | 'Premium';
  /** The `AzureFirewallSubnet` it is deployed in. */
  subnet: Subnet;
  /** Private IP address of the firewall, used as next hop in routes. */
  privateIp: IpAddress;
  /** Number of public IP addresses. */
  publicIps?: number;
  /** Public addresses or prefixes it egresses from, when known (lets the validator check API server authorized IP ranges). */
  publicIpAddresses?: Cidr[];
  /** Whether DNS proxy is enabled (needed for FQDN network rules). */
  dnsProxy?: boolean;
  /** FQDNs allowed by application or network rules, e.g. `mcr.microsoft.com`. */
  fqdnAllowRules?: string[];
  /** Whether the AKS FQDN tag (`AzureKubernetesService`) is allowed. */
  aksFqdnTag?: boolean;
  /** Zones the firewall spans. */
  zones?: Zone[];
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
  publicIpAddresses?: Cidr[];
  /** Zones it spans. */
  zones?: Zone[];
}

// ---------------------------------------------------------------------------------------------
// Ingress components
// ---------------------------------------------------------------------------------------------

/** A WAF policy attached to Front Door, Application Gateway or AGC. */
export interface WafPolicy {
  /** Policy name. */
  name?: string;
  /** Detection only logs; Prevention blocks. */
  mode: 'Detection' | 'Prevention';
  /** Whether managed rule sets (DRS/OWASP, bot manager) are enabled. */
  managedRules?: boolean;
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
  /** Zones the gateway spans. */
  zones?: Zone[];
  /** Minimum autoscale instance count. */
  minCapacity?: number;
  /** Maximum autoscale instance count. */
  maxCapacity?: number;
  /** Minimum TLS version on listeners. */
  minTlsVersion?: '1.0' | '1.1' | '1.2' | '1.3';
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
  zones?: Zone[];
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
  zones?: Zone[];
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
  /** Whether replicas are spread across zones (topology spread constraints). */
  zoneSpread?: boolean;
  /** Kubernetes namespace. */
  namespace?: string;
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
  zones?: Zone[];
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
  /** Load balancer SKU (default standard). */
  loadBalancerSku?: 'standard' | 'basic';
}

/** Service mesh settings. */
export type ServiceMesh =
  | { kind: 'none' }
  | {
      /** Istio-based service mesh add-on. */
      kind: 'istio-addon';
      /** Mesh-wide mTLS mode. */
      mtls: 'STRICT' | 'PERMISSIVE' | 'DISABLE';
      /** Add-on revision, e.g. `asm-1-25`. */
      revision?: string;
    }
  | {
      /** Self-managed Istio, Linkerd, Cilium mesh or another mesh. */
      kind: 'self-managed';
      /** Product name. */
      product: string;
      /** Whether mTLS is enforced between workloads. */
      mtls: 'STRICT' | 'PERMISSIVE' | 'DISABLE';
    };

/** Private DNS zone mode of a private cluster. */
export type PrivateDnsZoneMode = 'system' | 'none' | PrivateDnsZone;

/** How the API server is exposed; discriminated by `mode`. */
export type ApiServer =
  | {
      /** Public endpoint. */
      mode: 'public';
      /** CIDRs allowed to reach the API server; omit or leave empty for "anyone". */
      authorizedIpRanges?: Cidr[];
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
      authorizedIpRanges?: Cidr[];
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
      /** Managed outbound public IPs (default 1). */
      outboundIps?: number;
      /** SNAT ports per node (0 = Azure's automatic allocation). */
      allocatedOutboundPorts?: number;
      /** Idle timeout in minutes. */
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
  /** Container networking. */
  network: ClusterNetwork;
  /** Node pools; the first system pool's subnet hosts a private cluster's endpoint. */
  nodePools: NodePool[];
  /** API server exposure (default public, no authorized ranges). */
  apiServer?: ApiServer;
  /** Access paths that must reach the API server. */
  controlPlaneAccess?: ControlPlaneAccess[];
  /** Outbound type (default loadBalancer). */
  outbound?: Outbound;
  /** Destinations workloads need. */
  egressDestinations?: EgressDestination[];
  /** Service mesh. */
  serviceMesh?: ServiceMesh;
  /** Whether the cluster is in an AKS-managed VNet (rare in reviewed designs; default false). */
  managedVnet?: boolean;
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
      sourceRanges?: Cidr[];
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
  hops: Hop[];
  /** The workload reached. */
  to: IngressTarget;
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
  acceptedRisks?: AcceptedRisk[];
}

// ---------------------------------------------------------------------------------------------
// The architecture
// ---------------------------------------------------------------------------------------------

/** Network parts not owned by a cluster. Anything referenced elsewhere is discovered automatically. */
export interface Network {
  /** Virtual networks, each with its subnets. */
  vnets: VirtualNetwork[];
  /** VNet peerings. */
  peerings?: Peering[];
  /** Private DNS zones. */
  privateDnsZones?: PrivateDnsZone[];
  /** Private endpoints. */
  privateEndpoints?: PrivateEndpoint[];
  /** On-premises networks. */
  onPremises?: OnPremisesNetwork[];
  /** Hybrid connections (VPN, ExpressRoute). */
  hybridConnections?: HybridConnection[];
  /** Firewalls (also discovered from routes and egress). */
  firewalls?: AzureFirewall[];
  /** Network virtual appliances. */
  nvas?: NetworkVirtualAppliance[];
  /** Bastion hosts. */
  bastions?: Bastion[];
  /** Jump boxes. */
  jumpBoxes?: JumpBox[];
  /** Build agent pools. */
  buildAgents?: BuildAgents[];
  /** Other gateways (also discovered from hybrid connections). */
  gateways?: VirtualNetworkGateway[];
  /**
   * Load balancers that are on no ingress path, typically ones Kubernetes creates for Services of
   * type LoadBalancer (set `cluster`); those on a path are discovered from its hops.
   */
  loadBalancers?: LoadBalancer[];
}

/** A complete AKS network design. */
export interface Architecture {
  /** Discriminator. */
  kind: 'architecture';
  /** Descriptive metadata. */
  metadata: Metadata;
  /** Architecture decisions. */
  decisions?: Decision[];
  /** Network foundations. */
  network: Network;
  /** Clusters. */
  clusters: Cluster[];
  /** Ingress paths. */
  ingress?: IngressPath[];
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
