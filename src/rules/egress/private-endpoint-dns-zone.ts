import type { PaasServiceType } from '../../../dsl/types.js';
import { defineRule } from '../../validate/rule.js';
import { isIsolatedBootstrapRegistry } from '../control-plane/network-isolated-byo-acr.js';

/**
 * The public-cloud private DNS zones of each service, as learn.microsoft.com/azure/private-link/private-endpoint-dns
 * lists them. A service's public name is a CNAME to its privatelink name, so a zone with any other name never answers.
 * `other` has no entry: no verdict without knowing the service.
 */
const ZONES: Partial<Record<PaasServiceType, { label: string; zones: RegExp; expected: string }>> = {
  keyVault: { label: 'Key Vault', zones: /^privatelink\.vaultcore\.azure\.net$/, expected: 'privatelink.vaultcore.azure.net' },
  containerRegistry: { label: 'Container Registry', zones: /^privatelink\.azurecr\.io$/, expected: 'privatelink.azurecr.io' },
  storageBlob: { label: 'Storage (blob)', zones: /^privatelink\.blob\.core\.windows\.net$/, expected: 'privatelink.blob.core.windows.net' },
  storageFile: { label: 'Storage (file)', zones: /^privatelink\.file\.core\.windows\.net$/, expected: 'privatelink.file.core.windows.net' },
  sqlDatabase: { label: 'SQL Database', zones: /^privatelink\.database\.windows\.net$/, expected: 'privatelink.database.windows.net' },
  postgresql: { label: 'PostgreSQL', zones: /^privatelink\.postgres\.database\.azure\.com$/, expected: 'privatelink.postgres.database.azure.com' },
  // The zone depends on the account's API (SQL: documents; MongoDB, Cassandra, Gremlin, Table: <api>.cosmos), which the model does not hold.
  cosmosDb: {
    label: 'Cosmos DB',
    zones: /^privatelink\.(?:documents\.azure\.com|[a-z]+\.cosmos\.azure\.com)$/,
    expected: 'privatelink.documents.azure.com (or privatelink.<api>.cosmos.azure.com)',
  },
  serviceBus: { label: 'Service Bus', zones: /^privatelink\.servicebus\.windows\.net$/, expected: 'privatelink.servicebus.windows.net' },
  eventHubs: { label: 'Event Hubs', zones: /^privatelink\.servicebus\.windows\.net$/, expected: 'privatelink.servicebus.windows.net' },
  // Azure Cache for Redis, its Enterprise tier and Azure Managed Redis have a zone each; the model says only "redis".
  redis: {
    label: 'Redis',
    zones: /^privatelink\.(?:redis\.cache\.windows\.net|redisenterprise\.cache\.azure\.net|redis\.azure\.net)$/,
    expected: 'privatelink.redis.cache.windows.net (or the Enterprise / Managed Redis zone)',
  },
  // An Azure Monitor Private Link Scope uses five zones; the endpoint names one of them.
  monitor: {
    label: 'Azure Monitor',
    zones: /^privatelink\.(?:monitor\.azure\.com|oms\.opinsights\.azure\.com|ods\.opinsights\.azure\.com|agentsvc\.azure-automation\.net|blob\.core\.windows\.net)$/,
    expected: 'privatelink.monitor.azure.com and its companion zones',
  },
};

/** Sovereign clouds (Azure China, Azure Government) name their zones differently; the table above is the public cloud's. */
const SOVEREIGN = /(?:\.cn|\.us|chinacloudapi\.[a-z]+|usgovcloudapi\.net)$/;

export default defineRule({
  meta: {
    id: 'egress/private-endpoint-dns-zone',
    title: 'A private endpoint’s DNS zone is the privatelink zone of its service',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:03', 'SE:06'],
    rationale:
      'Clients reach a private endpoint by its service’s usual name, which Azure’s public DNS points (by CNAME) at a fixed privatelink name for that service, for example privatelink.vaultcore.azure.net for Key Vault. Only a private DNS zone with exactly that name can answer with the endpoint’s private address. An endpoint registered in another service’s zone is never found: clients get the public address, and with public access closed the service is unreachable.',
    fix: 'Attach the endpoint to the private DNS zone documented for its service (Key Vault: privatelink.vaultcore.azure.net, Container Registry: privatelink.azurecr.io, Storage blob: privatelink.blob.core.windows.net, …), one zone per service.',
    example:
      "const kvZone = privateDnsZone({ name: 'privatelink.vaultcore.azure.net', links: [hub, spoke] });\n" +
      "privateEndpoint({ name: 'pe-kv', subnet: peSubnet, target: paas({ name: 'kv-app', service: 'keyVault', publicNetworkAccess: false }), dnsZone: kvZone });",
    references: [{ title: 'Azure Private Endpoint private DNS zone values', url: 'https://learn.microsoft.com/azure/private-link/private-endpoint-dns' }],
    messages: {
      wrongZone:
        'private endpoint {{endpoint}} of {{service}} {{target}} is in private DNS zone {{zone}}; {{service}} names resolve ' +
        'only through {{expected}}',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const pe of q.all('privateEndpoint')) {
      const target = q.getAs(pe.target, 'paas');
      const zone = q.getAs(pe.dnsZone, 'privateDnsZone');
      if (!target || !zone) continue;
      const known = ZONES[target.service];
      const name = zone.name.toLowerCase().replace(/\.$/, '');
      if (!known || SOVEREIGN.test(name) || known.zones.test(name)) continue;
      // control-plane/network-isolated-byo-acr judges the zone of a network-isolated cluster's bootstrap registry.
      if (isIsolatedBootstrapRegistry(q, target.id)) continue;
      ctx.report({
        messageId: 'wrongZone',
        data: { endpoint: pe.name, service: known.label, target: target.name, zone: zone.name, expected: known.expected },
        element: pe.id,
        property: 'dnsZone',
        // The endpoint's zone and target; the target's service; the zone's name; the clusters that could make the
        // target an isolated cluster's bootstrap registry.
        reads: ['dnsZone', 'target'],
        dependsOn: [
          { element: target.id, reads: ['service'] },
          { element: zone.id, reads: ['name'] },
          ...q.all('cluster').map((c) => ({ element: c.id, reads: ['networkIsolated', 'bootstrapRegistry'] })),
        ],
        evidence: { endpoint: pe.name, service: target.service, zone: zone.name },
      });
    }
  },
});
