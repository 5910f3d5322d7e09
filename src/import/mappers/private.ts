/** Mappers for private endpoints (and the PaaS services behind them) and private DNS zones. */
import type { Mapper, ImportContext } from '../context.js';
import { Commented, type Decl, type Value } from '../design.js';
import { idKey, lastName, parseId, type AzureResource } from '../resource.js';

/** PaaS service of a private endpoint target, from its resource type and group id. */
function serviceOf(type: string, group: string | undefined): string {
  switch (type) {
    case 'microsoft.keyvault/vaults':
      return 'keyVault';
    case 'microsoft.containerregistry/registries':
      return 'containerRegistry';
    case 'microsoft.storage/storageaccounts':
      return group?.toLowerCase() === 'file'
        ? 'storageFile'
        : group?.toLowerCase() === 'blob'
          ? 'storageBlob'
          : 'other';
    case 'microsoft.sql/servers':
      return 'sqlDatabase';
    case 'microsoft.dbforpostgresql/flexibleservers':
      return 'postgresql';
    case 'microsoft.documentdb/databaseaccounts':
      return 'cosmosDb';
    case 'microsoft.servicebus/namespaces':
      return 'serviceBus';
    case 'microsoft.eventhub/namespaces':
      return 'eventHubs';
    case 'microsoft.cache/redis':
      return 'redis';
    case 'microsoft.insights/privatelinkscopes':
      return 'monitor';
    default:
      return 'other';
  }
}

/**
 * The private DNS zone Azure documents for a service's group id (learn.microsoft.com/azure/
 * private-link/private-endpoint-dns); used only when the endpoint's DNS zone group is not in the input.
 */
const ZONE_BY_GROUP: Record<string, string> = {
  vault: 'privatelink.vaultcore.azure.net',
  registry: 'privatelink.azurecr.io',
  blob: 'privatelink.blob.core.windows.net',
  file: 'privatelink.file.core.windows.net',
  sqlserver: 'privatelink.database.windows.net',
  postgresqlserver: 'privatelink.postgres.database.azure.com',
  sql: 'privatelink.documents.azure.com',
  namespace: 'privatelink.servicebus.windows.net',
  rediscache: 'privatelink.redis.cache.windows.net',
};

const paasDecls = new WeakMap<ImportContext, Map<string, Decl>>();

export const privateEndpointMapper: Mapper = {
  type: 'microsoft.network/privateendpoints',
  command: 'az network private-endpoint list',
  map(ctx, r) {
    const n = r.node;
    const sub = n.ref('subnet');
    if (!sub) throw n.error('the private endpoint has no subnet');
    const info = ctx.subnet(sub.value as string, sub);
    ctx.useSubnet(info, 'private-endpoints', 50);
    const conn = n.list('privateLinkServiceConnections')[0] ?? n.list('manualPrivateLinkServiceConnections')[0];
    const targetNode = conn?.at('privateLinkServiceId');
    const target = targetNode?.value;
    if (typeof target !== 'string')
      throw n.error('the private endpoint has no privateLinkServiceConnections[0].privateLinkServiceId');
    const group = conn!.strings('groupIds')[0];
    const d = ctx.design.add('privateEndpoint', r.name, [r.id], `privateEndpoint:${r.name}`);
    d.comments.push(r.id);
    const paas = paasFor(ctx, target, group);
    const zone = zoneFor(ctx, r, group);
    d.spec = { name: r.name, subnet: info.decl, target: paas, ...(zone ? { dnsZone: zone } : {}) };
    return d;
  },
};

function paasFor(ctx: ImportContext, target: string, group: string | undefined): Decl {
  const type = parseId(target)?.type ?? '';
  const service = serviceOf(type, group);
  let byKey = paasDecls.get(ctx);
  if (!byKey) paasDecls.set(ctx, (byKey = new Map()));
  const key = `${idKey(target)}|${service}`;
  const known = byKey.get(key);
  if (known) return known;
  const name = lastName(target);
  const d = ctx.design.add('paas', name, [target], `paas:${name}`);
  d.comments.push(target);
  const res = ctx.use(ctx.find(target));
  const pna = res?.node.str('publicNetworkAccess');
  const sku = res?.node.str('sku.name');
  // Without the service's own JSON the export says nothing of its public access: written 'unknown', since leaving
  // it out would read as Azure's default (enabled) and be judged as if Azure had said so.
  const why = `the JSON of ${name} is not in the input, so whether its public network access is enabled is unknown`;
  d.spec = {
    name,
    service,
    ...(pna
      ? { publicNetworkAccess: pna.toLowerCase() === 'enabled' }
      : !res
        ? { publicNetworkAccess: new Commented('unknown', `TODO(aksnet import): state true or false; ${why}`) }
        : {}),
    ...(sku ? { sku } : {}),
  };
  if (!res) {
    // A file holding only a type aksnet does not read is refused, so another type's JSON must travel with others.
    const command = paasDetails.find((m) => m.type === type.toLowerCase())?.command;
    const add = command
      ? `add the output of \`${command}\` to the input`
      : 'add its JSON to a file of the input that holds resources aksnet imports (e.g. a Resource Graph query)';
    ctx.note(target, 'publicNetworkAccess', `${why}; ${add}`);
    ctx.todos.push(`${name}: state publicNetworkAccess (true or false); the service's JSON is not in the input`);
  }
  if (service === 'other')
    ctx.note(
      target,
      'type',
      `private endpoint target type ${type || 'unknown'} has no PaaS service in the DSL; imported as "other"`,
    );
  byKey.set(key, d);
  return d;
}

/** The endpoint's DNS zone: from its zone group when listed, else the zone Azure documents for its group id. */
function zoneFor(ctx: ImportContext, pe: AzureResource, group: string | undefined): Value | undefined {
  const groups = [
    ...pe.node.list('privateDnsZoneGroups'),
    ...ctx.children('microsoft.network/privateendpoints/privatednszonegroups', pe.id).map((g) => (ctx.use(g), g.node)),
  ];
  const cfg = groups.flatMap((g) => g.list('privateDnsZoneConfigs'))[0];
  const zoneId = cfg?.at('privateDnsZoneId');
  if (zoneId && typeof zoneId.value === 'string') return zoneDecl(ctx, zoneId.value);
  const name = group ? ZONE_BY_GROUP[group.toLowerCase()] : undefined;
  if (!name) return undefined;
  const zone = ctx.ofType('microsoft.network/privatednszones').find((z) => z.name.toLowerCase() === name);
  const d = zone ? ctx.part(zone) : undefined;
  return d
    ? new Commented(d, `inferred from group id "${group}": the endpoint's DNS zone group was not in the input`)
    : undefined;
}

function zoneDecl(ctx: ImportContext, id: string): Decl {
  return ctx.stub(id, () => {
    const name = lastName(id);
    ctx.note(id, 'virtualNetworkLinks', `private DNS zone ${name} is not in the input; its links are unknown`);
    const d = ctx.design.add('privateDnsZone', name, [id], `privateDnsZone:${name}`);
    d.comments.push(id);
    d.spec = { name };
    return d;
  });
}

export const privateDnsZoneMapper: Mapper = {
  type: 'microsoft.network/privatednszones',
  command: 'az network private-dns zone list',
  map(ctx, r) {
    const d = ctx.design.add('privateDnsZone', r.name, [r.id], `privateDnsZone:${r.name}`);
    d.comments.push(r.id);
    const links: Decl[] = [];
    const listed = ctx.children('microsoft.network/privatednszones/virtualnetworklinks', r.id);
    const count = r.node.num('numberOfVirtualNetworkLinks');
    if (listed.length === 0 && count !== 0) {
      // No link list in the input: the links are unknown, not "none" (unless Azure counts zero).
      ctx.note(r.id, 'virtualNetworkLinks', 'the links are not in the input (az network private-dns link vnet list)');
      d.spec = { name: r.name };
      return d;
    }
    for (const l of listed) {
      ctx.use(l);
      const v = l.node.ref('virtualNetwork');
      if (!v) throw l.node.error('the virtual network link has no virtualNetwork.id');
      const vnet = ctx.find(v.value as string);
      const vd = vnet ? ctx.part(vnet) : undefined;
      if (vd) links.push(vd);
      else ctx.note(l.id, 'virtualNetwork', `linked VNet ${lastName(v.value as string)} is not in the input`);
    }
    d.spec = { name: r.name, links };
    return d;
  },
};

/**
 * PaaS services behind private endpoints: read only for the endpoint's target (its `publicNetworkAccess` and SKU), so
 * a file holding nothing but them (`az keyvault list`) is accepted. Without them that fact is unknown.
 */
export const paasDetails: Mapper[] = [
  { type: 'microsoft.keyvault/vaults', command: 'az keyvault list' },
  { type: 'microsoft.containerregistry/registries', command: 'az acr list' },
  { type: 'microsoft.storage/storageaccounts', command: 'az storage account list' },
  { type: 'microsoft.sql/servers', command: 'az sql server list' },
  { type: 'microsoft.dbforpostgresql/flexibleservers', command: 'az postgres flexible-server list' },
  { type: 'microsoft.documentdb/databaseaccounts', command: 'az cosmosdb list' },
  { type: 'microsoft.servicebus/namespaces', command: 'az servicebus namespace list' },
  { type: 'microsoft.eventhub/namespaces', command: 'az eventhubs namespace list' },
  { type: 'microsoft.cache/redis', command: 'az redis list' },
];

export const zoneLinkDetail: Mapper = {
  type: 'microsoft.network/privatednszones/virtualnetworklinks',
  command: 'az network private-dns link vnet list',
};
export const zoneGroupDetail: Mapper = {
  type: 'microsoft.network/privateendpoints/privatednszonegroups',
  command: 'az network private-endpoint dns-zone-group list',
};
