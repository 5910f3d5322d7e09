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
  FirewallPolicy,
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
  PublicIp,
  RouteTable,
  TrafficManager,
  Subnet,
  VirtualNetwork,
  VirtualNetworkGateway,
} from './types.js';

/** A spec is the part without its `kind` tag. */
export type Spec<T extends { kind: string }> = Omit<T, 'kind'>;

/**
 * Key of the hidden property recording where the part was built: an Error whose stack, from the builder's caller
 * outward, the loader maps through the bundle's source map, so findings about a part built in a function, a loop or a
 * helper module still point at the line that built it (and, for a helper module, at the design's call into it). The
 * property is not enumerable: JSON and spreads never see it.
 */
export const SOURCE_SITE: unique symbol = Symbol.for('aksnet.source-site') as never;

/**
 * Frames a builder captures: [0] tagged, [1] the builder, [2] its caller, and outward from there far enough to leave
 * a helper module (or two, nested) and reach the design file's call.
 */
const SITE_FRAMES = 8;

/** Adds the `kind` tag and records where the part was built. Must be called directly by each builder. */
function tagged<K extends string, S extends object>(kind: K, spec: S): { kind: K } & S {
  const part = { kind, ...spec };
  // The stack is captured, not formatted: V8 formats it when it is read, which the loader does once the design has
  // run, reading only what it maps. Capturing costs by the frame, so the limit is lowered to SITE_FRAMES (the default
  // ten, formatted as they were captured, cost more than the rest of evaluating a large design). A lower limit set by
  // the design is kept (below three, no frame of the caller is recorded).
  // (`stackTraceLimit` is V8's: typed by @types/node, which a design's own type check may not have.)
  const v8Error = Error as unknown as { stackTraceLimit?: unknown };
  const limit = v8Error.stackTraceLimit;
  const narrow = typeof limit === 'number' && limit > SITE_FRAMES;
  if (typeof limit === 'number' && limit < 3) return part;
  if (narrow) v8Error.stackTraceLimit = SITE_FRAMES;
  const site = new Error();
  if (narrow) v8Error.stackTraceLimit = limit;
  Object.defineProperty(part, SOURCE_SITE, { value: site, enumerable: false });
  return part;
}

/** Declares an architecture; use as the file's default export. */
export function defineArchitecture(input: ArchitectureInput): Architecture {
  return tagged('architecture', input);
}

/** Declares shared validator configuration; use as the default export of `aksnet.config.ts`. */
export function defineConfig(input: Spec<AksnetConfig>): AksnetConfig {
  return tagged('config', input);
}

/** A virtual network. */
export const vnet = (spec: Spec<VirtualNetwork>): VirtualNetwork => tagged('vnet', spec);
/** A subnet; place it in a VNet's `subnets`. */
export const subnet = (spec: Spec<Subnet>): Subnet => tagged('subnet', spec);
/** A VNet peering (both directions). */
export const peering = (spec: Spec<Peering>): Peering => tagged('peering', spec);
/** A route table. */
export const routeTable = (spec: Spec<RouteTable>): RouteTable => tagged('routeTable', spec);
/** A network security group. */
export const nsg = (spec: Spec<NetworkSecurityGroup>): NetworkSecurityGroup => tagged('nsg', spec);
/** A NAT gateway. */
export const natGateway = (spec: Spec<NatGateway>): NatGateway => tagged('natGateway', spec);
/** A DDoS Network Protection plan. */
export const ddosProtectionPlan = (spec: Spec<DdosProtectionPlan>): DdosProtectionPlan => tagged('ddosProtectionPlan', spec);
/** A private DNS zone. */
export const privateDnsZone = (spec: Spec<PrivateDnsZone>): PrivateDnsZone => tagged('privateDnsZone', spec);
/** A PaaS service. */
export const paas = (spec: Spec<PaasService>): PaasService => tagged('paas', spec);
/** A private endpoint. */
export const privateEndpoint = (spec: Spec<PrivateEndpoint>): PrivateEndpoint => tagged('privateEndpoint', spec);
/** An on-premises network. */
export const onPremises = (spec: Spec<OnPremisesNetwork>): OnPremisesNetwork => tagged('onPremises', spec);
/** A VPN or ExpressRoute gateway. */
export const vnetGateway = (spec: Spec<VirtualNetworkGateway>): VirtualNetworkGateway => tagged('vnetGateway', spec);
/** A hybrid connection (VPN or ExpressRoute) to on-premises. */
export const hybridConnection = (spec: Spec<HybridConnection>): HybridConnection => tagged('hybridConnection', spec);
/** Azure Bastion. */
export const bastion = (spec: Spec<Bastion>): Bastion => tagged('bastion', spec);
/** A jump box VM. */
export const jumpBox = (spec: Spec<JumpBox>): JumpBox => tagged('jumpBox', spec);
/** CI/CD build agents. */
export const buildAgents = (spec: Spec<BuildAgents>): BuildAgents => tagged('buildAgents', spec);
/** Azure Firewall. */
export const azureFirewall = (spec: Spec<AzureFirewall>): AzureFirewall => tagged('azureFirewall', spec);
/** A network virtual appliance. */
export const nva = (spec: Spec<NetworkVirtualAppliance>): NetworkVirtualAppliance => tagged('nva', spec);
/** Azure Front Door. */
export const frontDoor = (spec: Spec<FrontDoor>): FrontDoor => tagged('frontDoor', spec);
/** Application Gateway. */
export const applicationGateway = (spec: Spec<ApplicationGateway>): ApplicationGateway => tagged('applicationGateway', spec);
/** Application Gateway for Containers. */
export const appGatewayForContainers = (spec: Spec<AppGatewayForContainers>): AppGatewayForContainers => tagged('agc', spec);
/** API Management. */
export const apiManagement = (spec: Spec<ApiManagement>): ApiManagement => tagged('apiManagement', spec);
/** A load balancer. */
export const loadBalancer = (spec: Spec<LoadBalancer>): LoadBalancer => tagged('loadBalancer', spec);
/** A Private Link Service. */
export const privateLinkService = (spec: Spec<PrivateLinkService>): PrivateLinkService => tagged('privateLinkService', spec);
/** An in-cluster ingress controller. */
export const ingressController = (spec: Spec<IngressController>): IngressController => tagged('ingressController', spec);
/** An AKS cluster. */
export const cluster = (spec: Spec<Cluster>): Cluster => tagged('cluster', spec);
/** A node pool. */
export const nodePool = (spec: Spec<NodePool>): NodePool => tagged('nodePool', spec);
/** An ingress path. */
export const ingressPath = (spec: Spec<IngressPath>): IngressPath => tagged('ingressPath', spec);
/** An Azure Firewall policy (rule collections, threat intelligence, IDPS). */
export const firewallPolicy = (spec: Spec<FirewallPolicy>): FirewallPolicy => tagged('firewallPolicy', spec);
/** A public IP address resource. */
export const publicIp = (spec: Spec<PublicIp>): PublicIp => tagged('publicIp', spec);
/** An Azure Traffic Manager profile. */
export const trafficManager = (spec: Spec<TrafficManager>): TrafficManager => tagged('trafficManager', spec);
