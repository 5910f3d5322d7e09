/** Runtime lists of DSL enumerations that several stages need (normalizer checks, icons, views). */
import type { HopResource, PaasServiceType } from '../../dsl/types.js';

/** Every PaaS service type, in display order. */
export const PAAS_SERVICES = [
  'keyVault',
  'containerRegistry',
  'storageBlob',
  'storageFile',
  'sqlDatabase',
  'postgresql',
  'cosmosDb',
  'serviceBus',
  'eventHubs',
  'redis',
  'monitor',
  'other',
] as const satisfies readonly PaasServiceType[];

/** Kinds of parts an ingress hop can go through. */
export const HOP_KINDS = [
  'frontDoor',
  'applicationGateway',
  'agc',
  'apiManagement',
  'azureFirewall',
  'nva',
  'loadBalancer',
  'privateLinkService',
  'ingressController',
] as const satisfies readonly HopResource['kind'][];
