import { regionInfo } from '../../model/data/regions.js';
import { defineRule } from '../../validate/rule.js';

/** The documented subzone limit for a custom private DNS zone. */
export const SUBZONE_MAX = 32;

/** `<subzone>.(privatelink|private).<region>.<suffix>`; the suffix is `azmk8s.io` in the global cloud. */
const ZONE = /^(?:([a-z0-9-]+)\.)?(privatelink|private)\.([a-z0-9-]+)\.([a-z0-9.-]+)$/;

export default defineRule({
  meta: {
    id: 'control-plane/private-dns-zone-name',
    title: 'A custom private DNS zone for the API server has the name AKS requires',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'operational-excellence'],
    waf: ['RE:03', 'OE:05'],
    rationale:
      'AKS accepts a bring-your-own private DNS zone for the API server only under a fixed name for the cluster\'s ' +
      'region: privatelink.<region>.azmk8s.io for Private Link clusters, and private.<region>.azmk8s.io (or ' +
      'privatelink.) for API Server VNet integration, each optionally with one subzone label of at most 32 characters ' +
      'in front. Any other name fails cluster creation, and the zone cannot be changed afterwards. Sovereign clouds use ' +
      'their own suffix instead of azmk8s.io, so aksnet checks the suffix only for public-cloud regions.',
    fix:
      'Name the zone privatelink.<cluster region>.azmk8s.io (or private.<region>.azmk8s.io with VNet integration), ' +
      'optionally with one subzone label of up to 32 characters, and link it to the VNets that resolve the cluster.',
    example: `const aksZone = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: [hub, spoke] });
apiServer: { mode: 'private', privateDnsZone: aksZone, publicFqdn: false }`,
    references: [
      { title: 'Create a private AKS cluster: configure a private DNS zone', url: 'https://learn.microsoft.com/azure/aks/private-clusters' },
      { title: 'API Server VNet integration', url: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration' },
    ],
    messages: {
      wrongName: 'private DNS zone {{zone}} of {{cluster}} must be named {{expected}} or <subzone>.{{expected}}',
      wrongRegion:
        'private DNS zone {{zone}} of {{cluster}} is for region {{zoneRegion}}, but the cluster is in {{region}}; ' +
        'expected {{expected}}',
      privateNeedsVnetIntegration:
        'private DNS zone {{zone}} of {{cluster}} uses the private.<region> form, which only clusters with API Server ' +
        'VNet integration accept; a Private Link cluster needs {{expected}}',
      subzoneTooLong:
        'private DNS zone {{zone}} of {{cluster}} has a {{length}}-character subzone {{subzone}}; AKS allows at most ' +
        '{{max}} characters',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      const a = c.apiServer;
      if (a.mode === 'public') continue;
      if (a.mode === 'vnet-integration' && !a.private) continue;
      const zone = q.getAs(a.privateDnsZone, 'privateDnsZone');
      if (!zone) continue;
      const vnetIntegration = a.mode === 'vnet-integration';
      const region = (c.region || '').toLowerCase();
      // Only public-cloud regions are known to use azmk8s.io; elsewhere the suffix is not checked.
      const publicCloud = regionInfo(region) !== undefined;
      const suffix = publicCloud ? 'azmk8s.io' : '<cloud suffix>';
      const label = vnetIntegration ? 'private' : 'privatelink';
      const expected = `${label}.${region || '<region>'}.${suffix}`;
      const name = zone.name.toLowerCase().replace(/\.$/, '');
      const m = ZONE.exec(name);
      const base = { zone: zone.name, cluster: c.name, region: c.region, expected };
      // The zone's name, against the cluster's region and API server mode.
      const at = {
        element: zone.id,
        reads: ['name'],
        dependsOn: [{ element: c.id, reads: ['name', 'region', 'apiServer'] }],
        property: 'name',
        evidence: { zone: zone.name, region: c.region, expected },
      };
      if (!m || (publicCloud && m[4] !== 'azmk8s.io')) {
        ctx.report({ ...at, messageId: 'wrongName', data: base });
        continue;
      }
      const [, subzone, zoneLabel, zoneRegion] = m as unknown as [string, string | undefined, string, string];
      if (zoneLabel === 'private' && !vnetIntegration) {
        ctx.report({ ...at, messageId: 'privateNeedsVnetIntegration', data: base });
        continue;
      }
      if (zoneRegion !== region) {
        ctx.report({ ...at, messageId: 'wrongRegion', data: { ...base, zoneRegion } });
        continue;
      }
      if (subzone !== undefined && subzone.length > SUBZONE_MAX) {
        ctx.report({ ...at, messageId: 'subzoneTooLong', data: { ...base, subzone, length: subzone.length, max: SUBZONE_MAX } });
      }
    }
  },
});
