/**
 * Builder functions: each adds the `kind` tag to a spec and returns the typed part.
 * They do no validation and apply no defaults, so what the normalizer sees is exactly what was written.
 */
import type {
  AksnetConfig,
  ApiManagement,
  AppGatewayForContainers,
  ApplicationGateway,
  Architecture,
  ArchitectureInput,
  AzureFirewall,
  Bastion,
  BuildAgents,
  Cluster,
  DdosProtectionPlan,
  FrontDoor,
  HybridConnection,
  IngressController,
  IngressPath,
  JumpBox,
  LoadBalancer,
  NatGateway,
  NetworkSecurityGroup,
  NetworkVirtualAppliance,
  NodePool,
  OnPremisesNetwork,
  PaasService,
  Peering,
  PrivateDnsZone,
  PrivateEndpoint,
  PrivateLinkService,
  RouteTable,
  Subnet,
  VirtualNetwork,
  VirtualNetworkGateway,
} from './types.js';

/** A spec is the part without its `kind` tag. */
export type Spec<T extends { kind: string }> = Omit<T, 'kind'>;

/** Declares an architecture; use as the file's default export. */
export function defineArchitecture(input: ArchitectureInput): Architecture {
  return { kind: 'architecture', ...input };
}

/** Declares shared validator configuration; use as the default export of `aksnet.config.ts`. */
export function defineConfig(input: Spec<AksnetConfig>): AksnetConfig {
  return { kind: 'config', ...input };
}

/** A virtual network. */
export const vnet = (spec: Spec<VirtualNetwork>): VirtualNetwork => ({ kind: 'vnet', ...spec });
/** A subnet; place it in a VNet's `subnets`. */
export const subnet = (spec: Spec<Subnet>): Subnet => ({ kind: 'subnet', ...spec });
/** A VNet peering (both directions). */
export const peering = (spec: Spec<Peering>): Peering => ({ kind: 'peering', ...spec });
/** A route table. */
export const routeTable = (spec: Spec<RouteTable>): RouteTable => ({ kind: 'routeTable', ...spec });
/** A network security group. */
export const nsg = (spec: Spec<NetworkSecurityGroup>): NetworkSecurityGroup => ({ kind: 'nsg', ...spec });
/** A NAT gateway. */
export const natGateway = (spec: Spec<NatGateway>): NatGateway => ({ kind: 'natGateway', ...spec });
/** A DDoS Network Protection plan. */
export const ddosProtectionPlan = (spec: Spec<DdosProtectionPlan>): DdosProtectionPlan => ({
  kind: 'ddosProtectionPlan',
  ...spec,
});
/** A private DNS zone. */
export const privateDnsZone = (spec: Spec<PrivateDnsZone>): PrivateDnsZone => ({ kind: 'privateDnsZone', ...spec });
/** A PaaS service. */
export const paas = (spec: Spec<PaasService>): PaasService => ({ kind: 'paas', ...spec });
/** A private endpoint. */
export const privateEndpoint = (spec: Spec<PrivateEndpoint>): PrivateEndpoint => ({ kind: 'privateEndpoint', ...spec });
/** An on-premises network. */
export const onPremises = (spec: Spec<OnPremisesNetwork>): OnPremisesNetwork => ({ kind: 'onPremises', ...spec });
/** A VPN or ExpressRoute gateway. */
export const vnetGateway = (spec: Spec<VirtualNetworkGateway>): VirtualNetworkGateway => ({
  kind: 'vnetGateway',
  ...spec,
});
/** A hybrid connection (VPN or ExpressRoute) to on-premises. */
export const hybridConnection = (spec: Spec<HybridConnection>): HybridConnection => ({
  kind: 'hybridConnection',
  ...spec,
});
/** Azure Bastion. */
export const bastion = (spec: Spec<Bastion>): Bastion => ({ kind: 'bastion', ...spec });
/** A jump box VM. */
export const jumpBox = (spec: Spec<JumpBox>): JumpBox => ({ kind: 'jumpBox', ...spec });
/** CI/CD build agents. */
export const buildAgents = (spec: Spec<BuildAgents>): BuildAgents => ({ kind: 'buildAgents', ...spec });
/** Azure Firewall. */
export const azureFirewall = (spec: Spec<AzureFirewall>): AzureFirewall => ({ kind: 'azureFirewall', ...spec });
/** A network virtual appliance. */
export const nva = (spec: Spec<NetworkVirtualAppliance>): NetworkVirtualAppliance => ({ kind: 'nva', ...spec });
/** Azure Front Door. */
export const frontDoor = (spec: Spec<FrontDoor>): FrontDoor => ({ kind: 'frontDoor', ...spec });
/** Application Gateway. */
export const applicationGateway = (spec: Spec<ApplicationGateway>): ApplicationGateway => ({
  kind: 'applicationGateway',
  ...spec,
});
/** Application Gateway for Containers. */
export const appGatewayForContainers = (spec: Spec<AppGatewayForContainers>): AppGatewayForContainers => ({
  kind: 'agc',
  ...spec,
});
/** API Management. */
export const apiManagement = (spec: Spec<ApiManagement>): ApiManagement => ({ kind: 'apiManagement', ...spec });
/** A load balancer. */
export const loadBalancer = (spec: Spec<LoadBalancer>): LoadBalancer => ({ kind: 'loadBalancer', ...spec });
/** A Private Link Service. */
export const privateLinkService = (spec: Spec<PrivateLinkService>): PrivateLinkService => ({
  kind: 'privateLinkService',
  ...spec,
});
/** An in-cluster ingress controller. */
export const ingressController = (spec: Spec<IngressController>): IngressController => ({
  kind: 'ingressController',
  ...spec,
});
/** An AKS cluster. */
export const cluster = (spec: Spec<Cluster>): Cluster => ({ kind: 'cluster', ...spec });
/** A node pool. */
export const nodePool = (spec: Spec<NodePool>): NodePool => ({ kind: 'nodePool', ...spec });
/** An ingress path. */
export const ingressPath = (spec: Spec<IngressPath>): IngressPath => ({ kind: 'ingressPath', ...spec });
