/** Runtime lists of DSL enumerations that several stages need (normalizer checks, icons, views). */
import type { ClusterNetwork, HopResource, IngressControllerType, PaasServiceType, Protocol, TlsMode } from '../../dsl/types.js';

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

/** Protocols a hop or destination can use. */
export const PROTOCOLS = ['http', 'https', 'http2', 'grpc', 'grpcs', 'tcp', 'tls', 'udp'] as const satisfies readonly Protocol[];

/** Protocols that are encrypted on the wire. */
export const ENCRYPTED_PROTOCOLS: readonly Protocol[] = ['https', 'grpcs', 'tls'];

/** What a hop can do with TLS. */
export const TLS_MODES = ['terminate', 'reencrypt', 'passthrough', 'plain', 'originate'] as const satisfies readonly TlsMode[];

/** Container networking modes. */
export const CNI_MODES = [
  'kubenet',
  'azure-overlay',
  'azure-nodesubnet',
  'azure-podsubnet-dynamic',
  'azure-podsubnet-static',
  'byo',
] as const satisfies readonly ClusterNetwork['cni'][];

/** In-cluster ingress controller implementations. */
export const INGRESS_CONTROLLER_TYPES = [
  'app-routing-nginx',
  'app-routing-gateway-api',
  'nginx',
  'traefik',
  'istio-gateway',
  'http-application-routing',
  'contour',
  'other',
] as const satisfies readonly IngressControllerType[];
