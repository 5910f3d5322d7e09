import { defineRule } from '../../validate/rule.js';
import { zoneSupport } from '../../model/data/regions.js';

export default defineRule({
  meta: {
    id: 'reliability/node-pool-zones',
    title: 'Node pools use availability zones in zonal regions',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale:
      'A pool without zones places its nodes wherever capacity is, so a single datacenter failure can take out most of them. The zones of a pool cannot be changed after creation; the only fix later is a new pool and a migration.',
    fix: 'Create the pool with zones: [1, 2, 3] (with at least one node per zone and enough maxCount to absorb a zone loss).',
    example: "nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 12, zones: [1, 2, 3], subnet: nodes });",
    references: [
      { title: 'Availability zones in AKS', url: 'https://learn.microsoft.com/azure/aks/availability-zones' },
      { title: 'Configure availability zones in AKS', url: 'https://learn.microsoft.com/azure/aks/reliability-availability-zones-configure' },
      { title: 'Azure regions list (availability zone support)', url: 'https://learn.microsoft.com/azure/reliability/regions-list' },
    ],
    messages: {
      noZones:
        'node pool {{pool}} ({{mode}}, up to {{maxNodes}} {{nodes}}) of cluster {{cluster}} has no availability zones ' +
        'although {{region}} has zones',
    unknownRegion:
      '{{what}} has {{zones}} and its region {{region}} is not in aksnet\'s region table, so whether the region ' +
      'offers availability zones is unknown; if it does, spread {{it}} across zones',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      const support = zoneSupport(c.region);
      // A region not stated is not judged here; a stated region the table does not know is worth a note.
      if (support === 'non-zonal' || (support === 'unknown' && !c.region)) continue;
      for (const p of ctx.q.pools(c.id)) {
        // The pool's zones, mode and node counts (the message), and its cluster's region.
        const at = { reads: ['zones', 'mode', 'count', 'minCount', 'maxCount'], dependsOn: [{ element: c.id, reads: ['region'] }] };
        if (p.zones === undefined) {
          ctx.unverified({ element: p.id, property: 'zones', check: `node pool ${p.name} of cluster ${c.name} survives the loss of a zone in ${c.region}`, reads: ['zones'] });
          continue;
        }
        if (p.zones.length > 0) continue;
        if (support === 'unknown') {
          ctx.report({
            messageId: 'unknownRegion',
            severity: 'info',
            data: { what: `node pool ${p.name} of cluster ${c.name}`, zones: 'no zones', region: c.region, it: 'it' },
            element: p.id,
            ...at,
            property: 'zones',
            evidence: { cluster: c.name, pool: p.name, region: c.region },
          });
          continue;
        }
        ctx.report({
          messageId: 'noZones',
          data: {
            pool: p.name,
            mode: p.mode,
            maxNodes: p.maxNodes,
            nodes: p.maxNodes === 1 ? 'node' : 'nodes',
            cluster: c.name,
            region: c.region,
          },
          element: p.id,
          ...at,
          property: 'zones',
          evidence: { cluster: c.name, pool: p.name, region: c.region, maxNodes: p.maxNodes },
        });
      }
    }
  },
});
