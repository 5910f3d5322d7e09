import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'control-plane/private-dns-zone-name',
    title: 'A custom private DNS zone is privatelink.<cluster region>.azmk8s.io (or a subzone of it)',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'operational-excellence'],
    waf: ['RE:01', 'OE:05'],
    rationale:
      'AKS only accepts a bring-your-own private DNS zone named privatelink.<region>.azmk8s.io or <subzone>.privatelink.<region>.azmk8s.io, for the region the cluster is in; any other name fails cluster creation.',
    fix: 'Name the zone privatelink.<cluster region>.azmk8s.io (optionally with one subzone label in front) and link it to the VNets that resolve the cluster.',
    example: `const aksZone = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: [hub, spoke] });
apiServer: { mode: 'private', privateDnsZone: aksZone, publicFqdn: false }`,
    references: [{ title: 'Create a private AKS cluster: configure a private DNS zone', url: 'https://learn.microsoft.com/azure/aks/private-clusters' }],
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      const a = c.apiServer;
      if (a.mode === 'public') continue;
      if (a.mode === 'vnet-integration' && !a.private) continue;
      const zone = q.getAs(a.privateDnsZone, 'privateDnsZone');
      if (!zone) continue;
      const region = (c.region || '').toLowerCase();
      const name = zone.name.toLowerCase().replace(/\.$/, '');
      const m = /^(?:([a-z0-9-]+)\.)?privatelink\.([a-z0-9-]+)\.azmk8s\.io$/.exec(name);
      const expected = `privatelink.${region || '<region>'}.azmk8s.io`;
      if (m && m[2] === region) continue;
      ctx.report({
        message: m
          ? `private DNS zone ${zone.name} of ${c.name} is for region ${m[2]}, but the cluster is in ${c.region}; expected ${expected}`
          : `private DNS zone ${zone.name} of ${c.name} must be named ${expected} or <subzone>.${expected}`,
        element: zone.id,
        property: 'name',
        evidence: { zone: zone.name, region: c.region, expected },
      });
    }
  },
});
