/**
 * The mapper registry: one mapper per Azure resource type. A new DSL part slots in as one more
 * entry here (its mapper in its own module); types without an entry are listed as unknown.
 */
import type { Mapper } from '../context.js';
import { agentPoolDetail, clusterMapper } from './cluster.js';
import { firewallMapper, firewallPolicyMapper, ruleGroupDetail } from './firewall.js';
import { classicFrontDoorMapper, frontDoorDetails, frontDoorMapper } from './front-door.js';
import { appGatewayMapper, loadBalancerMapper, privateLinkServiceMapper, wafPolicyDetail } from './ingress.js';
import {
  bastionMapper,
  ddosMapper,
  natGatewayMapper,
  nsgMapper,
  PEERING_TYPE,
  publicIpMapper,
  publicIpPrefixDetail,
  routeTableMapper,
  vnetMapper,
} from './network.js';
import { paasDetails, privateDnsZoneMapper, privateEndpointMapper, zoneGroupDetail, zoneLinkDetail } from './private.js';

const ALL: Mapper[] = [
  vnetMapper,
  { type: 'microsoft.network/virtualnetworks/subnets', command: 'az network vnet subnet list' },
  { type: PEERING_TYPE, command: 'az network vnet peering list' },
  routeTableMapper,
  { type: 'microsoft.network/routetables/routes', command: 'az network route-table route list' },
  nsgMapper,
  { type: 'microsoft.network/networksecuritygroups/securityrules', command: 'az network nsg rule list' },
  natGatewayMapper,
  publicIpMapper,
  publicIpPrefixDetail,
  ddosMapper,
  bastionMapper,
  firewallMapper,
  firewallPolicyMapper,
  ruleGroupDetail,
  appGatewayMapper,
  wafPolicyDetail,
  loadBalancerMapper,
  privateLinkServiceMapper,
  privateEndpointMapper,
  zoneGroupDetail,
  privateDnsZoneMapper,
  zoneLinkDetail,
  ...paasDetails,
  clusterMapper,
  agentPoolDetail,
  frontDoorMapper,
  classicFrontDoorMapper,
  ...frontDoorDetails,
];

export const MAPPERS: ReadonlyMap<string, Mapper> = new Map(ALL.map((m) => [m.type, m]));

/** Order in which part types are mapped (references are mapped on demand, so this only sets declaration order). */
export const MAP_ORDER: readonly string[] = ALL.filter((m) => m.map !== undefined && !m.onDemand).map((m) => m.type);
