import type { ModelQuery } from '../../model/query.js';
import type { ClusterResource, Id, PaasResource, VnetResource } from '../../model/types.js';
import { defineRule, type Dependency, type RuleContext } from '../../validate/rule.js';
import { resolvingVnet } from '../egress/_dns.js';

/** The cache rule a bring-your-own bootstrap registry must hold, exactly as the network isolation guide names it. */
export const AKS_CACHE_RULE = {
  name: 'aks-managed-mcr',
  sourceRepo: 'mcr.microsoft.com/*',
  targetRepo: 'aks-managed-repository/*',
} as const;

export const ACR_PRIVATE_ZONE = 'privatelink.azurecr.io';

/** Whether a registry is the bring-your-own bootstrap registry of a network-isolated cluster (this rule's DNS). */
export function isIsolatedBootstrapRegistry(q: ModelQuery, paasId: Id): boolean {
  return q.all('cluster').some((c) => c.networkIsolated && c.bootstrapRegistry === paasId);
}

/** The cluster's fields a verdict reads: network isolation, the registry it names, its pools (for the node VNets). */
const CLUSTER_READS = ['name', 'networkIsolated', 'bootstrapRegistry', 'nodePools'];
/** The registry's fields: what it is, and its SKU, authentication-as-ARM and cache rules. */
const ACR_READS = ['name', 'service', 'sku', 'authenticationAsArm', 'cacheRules'];
/** A private endpoint's target, subnet and zone; a zone's name and links. */
const PE_READS = ['name', 'target', 'subnet', 'dnsZone'];
const ZONE_READS = ['name', 'links'];

/** The VNets of a cluster's node subnets, in id order. */
function nodeVnets(q: ModelQuery, c: ClusterResource): VnetResource[] {
  const ids = [...new Set(q.nodeSubnets(c.id).map((s) => s.vnet))].sort();
  return ids.map((id) => q.getAs(id, 'vnet')).filter((v): v is VnetResource => !!v);
}

/** The registry's own settings: SKU, authentication-as-ARM and the MCR cache rule. */
function checkRegistry(ctx: RuleContext, c: ClusterResource, acr: PaasResource): void {
  if (acr.sku === undefined) {
    ctx.unverified({
      element: acr.id,
      reads: ACR_READS,
      property: 'sku',
      check: `container registry ${acr.name}, which network-isolated cluster ${c.name} bootstraps from, is Premium`,
      fact: 'registry SKU',
    });
  } else if (acr.sku.toLowerCase() !== 'premium') {
    ctx.report({
      messageId: 'notPremium',
      data: { registry: acr.name, cluster: c.name, sku: acr.sku },
      element: acr.id,
      reads: ACR_READS,
      dependsOn: [{ element: c.id, reads: CLUSTER_READS }],
      property: 'sku',
      evidence: { registry: acr.name, cluster: c.name, sku: acr.sku },
    });
  }
  if (acr.authenticationAsArm === false) {
    ctx.report({
      messageId: 'authAsArmDisabled',
      data: { registry: acr.name, cluster: c.name },
      element: acr.id,
      reads: ACR_READS,
      dependsOn: [{ element: c.id, reads: CLUSTER_READS }],
      property: 'authenticationAsArm',
      evidence: { registry: acr.name, cluster: c.name },
    });
  }
  if (acr.cacheRules === undefined) {
    ctx.unverified({
      element: acr.id,
      reads: ACR_READS,
      property: 'cacheRules',
      check: `container registry ${acr.name} caches MCR for network-isolated cluster ${c.name} (cache rule aks-managed-mcr)`,
      fact: 'artifact cache rules',
    });
  } else if (
    !acr.cacheRules.some(
      (r) =>
        r.name === AKS_CACHE_RULE.name &&
        r.sourceRepo === AKS_CACHE_RULE.sourceRepo &&
        r.targetRepo === AKS_CACHE_RULE.targetRepo,
    )
  ) {
    ctx.report({
      messageId: 'noCacheRule',
      data: { registry: acr.name, cluster: c.name },
      element: acr.id,
      reads: ACR_READS,
      dependsOn: [{ element: c.id, reads: CLUSTER_READS }],
      property: 'cacheRules',
      evidence: { registry: acr.name, cluster: c.name, rules: acr.cacheRules.length },
    });
  }
}

/** A private endpoint of the registry in the cluster's VNet, whose privatelink.azurecr.io zone the nodes resolve. */
function checkPrivateLink(ctx: RuleContext, c: ClusterResource, acr: PaasResource): void {
  const { q } = ctx;
  const endpoints = q.all('privateEndpoint').filter((pe) => pe.target === acr.id);
  const vnets = nodeVnets(q, c);
  const vnetIds = new Set<Id>(vnets.map((v) => v.id));
  // Every verdict here rests on the cluster (its registry and pools), the registry, the endpoints that target it
  // (whose subnets place them), and the pools' subnets (which give the node VNets).
  const base: Dependency[] = [
    { element: c.id, reads: CLUSTER_READS },
    { element: acr.id, reads: ACR_READS },
    ...q.pools(c.id).map((p) => ({ element: p.id, reads: ['subnet'] })),
  ];
  const withEndpoints = (except?: Id): Dependency[] => [
    ...base,
    ...endpoints.filter((pe) => pe.id !== except).map((pe) => ({ element: pe.id, reads: PE_READS })),
    ...vnets.map((v) => ({ element: v.id, reads: ['name'] })),
  ];
  if (endpoints.length === 0) {
    ctx.report({
      messageId: 'noPrivateEndpoint',
      data: { registry: acr.name, cluster: c.name },
      element: c.id,
      reads: CLUSTER_READS,
      dependsOn: base.slice(1),
      property: 'bootstrapRegistry',
      evidence: { registry: acr.name, cluster: c.name },
    });
    return;
  }
  const local = endpoints.filter((pe) => vnetIds.has(q.vnetOf(pe.subnet)?.id ?? ''));
  if (local.length === 0) {
    ctx.report({
      messageId: 'privateEndpointElsewhere',
      data: {
        registry: acr.name,
        cluster: c.name,
        endpoints: endpoints.map((pe) => pe.name).join(', '),
        vnets: vnets.map((v) => v.name).join(', '),
      },
      element: endpoints[0]!.id,
      reads: PE_READS,
      dependsOn: withEndpoints(endpoints[0]!.id),
      property: 'subnet',
      // Another VNet can work with peering and shared DNS, but it is not the documented setup.
      severity: 'warning',
      evidence: { registry: acr.name, cluster: c.name },
    });
  }
  for (const pe of local.length ? local : endpoints) {
    const zone = q.getAs(pe.dnsZone, 'privateDnsZone');
    if (!zone) {
      ctx.unverified({
        element: pe.id,
        reads: PE_READS,
        property: 'dnsZone',
        check: `nodes of network-isolated cluster ${c.name} resolve registry ${acr.name} to private endpoint ${pe.name}`,
        fact: `the private DNS zone of the endpoint (${ACR_PRIVATE_ZONE})`,
      });
      continue;
    }
    if (zone.name.toLowerCase() !== ACR_PRIVATE_ZONE) {
      ctx.report({
        messageId: 'wrongZone',
        data: { endpoint: pe.name, zone: zone.name, registry: acr.name, cluster: c.name },
        element: pe.id,
        reads: PE_READS,
        dependsOn: [...base, { element: zone.id, reads: ['name'] }],
        property: 'dnsZone',
        evidence: { endpoint: pe.name, zone: zone.name },
      });
      continue;
    }
    if (zone.links === undefined) {
      ctx.unverified({
        element: zone.id,
        reads: ZONE_READS,
        property: 'links',
        check: `private DNS zone ${zone.name} is linked to the VNet that resolves names for cluster ${c.name}`,
      });
      continue;
    }
    for (const v of vnets) {
      const resolver = resolvingVnet(q, v);
      // Custom DNS servers outside every declared VNet: egress/paas-private-endpoint asks how they resolve.
      if (!resolver || zone.links.includes(resolver.id)) continue;
      ctx.report({
        messageId: 'zoneNotLinked',
        data: { zone: zone.name, vnet: resolver.name, registry: acr.name, cluster: c.name },
        element: zone.id,
        reads: ZONE_READS,
        // The endpoint that uses the zone, and the node VNet and the VNet that resolves for it (its DNS servers and
        // the address space that holds them).
        dependsOn: [
          ...base,
          { element: pe.id, reads: PE_READS },
          { element: v.id, reads: ['name', 'dnsServers'] },
          { element: resolver.id, reads: ['name', 'addressSpace', 'dnsServers'] },
        ],
        property: 'links',
        evidence: { zone: zone.name, vnet: resolver.name, cluster: c.name },
      });
    }
  }
}

export default defineRule({
  meta: {
    id: 'control-plane/network-isolated-byo-acr',
    title: 'A network-isolated cluster’s own registry is Premium, caches MCR and is reached over a private endpoint',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:03', 'SE:06'],
    rationale:
      'A network-isolated cluster pulls its own components from a private registry instead of the Microsoft ' +
      'Artifact Registry. With a bring-your-own registry that registry must be Premium, must accept ' +
      'authentication-as-ARM tokens, must carry the cache rule aks-managed-mcr (mcr.microsoft.com/* to ' +
      'aks-managed-repository/*) so that missing images are fetched through it, and must be reached through a ' +
      'private endpoint in the cluster’s virtual network whose privatelink.azurecr.io zone the nodes resolve. ' +
      'Without any of these, node bootstrap and upgrades cannot pull images.',
    fix:
      'Use a Premium registry with authentication-as-ARM enabled, create the cache rule aks-managed-mcr from ' +
      'mcr.microsoft.com/* to aks-managed-repository/*, add a private endpoint in a subnet of the cluster’s VNet ' +
      'and link the privatelink.azurecr.io zone to the VNet whose DNS the nodes use; or leave bootstrapRegistry ' +
      'out to let AKS manage the registry.',
    example:
      "const acr = paas({ name: 'acrisolated', service: 'containerRegistry', sku: 'Premium', publicNetworkAccess: " +
      "false, cacheRules: [{ name: 'aks-managed-mcr', sourceRepo: 'mcr.microsoft.com/*', targetRepo: " +
      "'aks-managed-repository/*' }] });",
    references: [
      {
        title: 'Create a network isolated AKS cluster (bring your own ACR)',
        url: 'https://learn.microsoft.com/azure/aks/network-isolated',
      },
      {
        title: 'Network isolated AKS clusters (limitations)',
        url: 'https://learn.microsoft.com/azure/aks/concepts-network-isolated',
      },
      {
        title: 'Connect privately to an Azure container registry using Azure Private Link',
        url: 'https://learn.microsoft.com/azure/container-registry/container-registry-private-link',
      },
    ],
    messages: {
      notRegistry:
        'network-isolated cluster {{cluster}} bootstraps from {{registry}}, which is a {{service}}, not a container ' +
        'registry',
      notPremium:
        'container registry {{registry}}, which network-isolated cluster {{cluster}} bootstraps from, is {{sku}}; a ' +
        'bring-your-own bootstrap registry must be Premium',
      authAsArmDisabled:
        'container registry {{registry}} of network-isolated cluster {{cluster}} has authentication-as-ARM disabled, ' +
        'which a bring-your-own bootstrap registry does not support',
      noCacheRule:
        'container registry {{registry}} of network-isolated cluster {{cluster}} has no cache rule aks-managed-mcr ' +
        '(mcr.microsoft.com/* to aks-managed-repository/*); nodes cannot pull the images AKS needs',
      noPrivateEndpoint:
        'network-isolated cluster {{cluster}} bootstraps from container registry {{registry}}, which has no private ' +
        'endpoint; isolated nodes cannot reach it',
      privateEndpointElsewhere:
        'the private endpoints of container registry {{registry}} ({{endpoints}}) are outside the VNet of ' +
        'network-isolated cluster {{cluster}} ({{vnets}}); the setup guide puts the endpoint in the cluster’s VNet',
      wrongZone:
        'private endpoint {{endpoint}} of registry {{registry}} (bootstrap registry of {{cluster}}) registers in ' +
        '{{zone}}, not privatelink.azurecr.io',
      zoneNotLinked:
        'private DNS zone {{zone}} is not linked to VNet {{vnet}}, which resolves names for network-isolated ' +
        'cluster {{cluster}}; its nodes resolve registry {{registry}} to a public address they cannot reach',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (!c.networkIsolated || !c.bootstrapRegistry) continue;
      const acr = ctx.q.getAs(c.bootstrapRegistry, 'paas');
      if (!acr) continue;
      if (acr.service !== 'containerRegistry') {
        ctx.report({
          messageId: 'notRegistry',
          data: { cluster: c.name, registry: acr.name, service: acr.service },
          element: c.id,
          reads: CLUSTER_READS,
          dependsOn: [{ element: acr.id, reads: ['name', 'service'] }],
          property: 'bootstrapRegistry',
          evidence: { cluster: c.name, registry: acr.name, service: acr.service },
        });
        continue;
      }
      checkRegistry(ctx, c, acr);
      checkPrivateLink(ctx, c, acr);
    }
  },
});
