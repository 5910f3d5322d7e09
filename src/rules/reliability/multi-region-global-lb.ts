import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'reliability/multi-region-global-lb',
    title: 'Multi-region clusters are fronted by a global load balancer',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05', 'RE:09'],
    rationale:
      'Running clusters in several regions only helps if clients can be steered to a healthy region. Without Azure Front Door or Traffic Manager in front, each region has its own entry point and failover needs DNS changes by hand.',
    fix: 'Put Azure Front Door (Premium for private origins) or Traffic Manager in front of the regional entry points, with health probes per region.',
    example: [
      "const afd = frontDoor({ name: 'afd-global', sku: 'Premium', waf: { mode: 'Prevention', managedRules: true } });",
      "// every regional path starts at the same Front Door profile",
      "ingressPath({ name: 'web-weu', from: { kind: 'internet' }, hops: [{ via: afd, protocol: 'https', port: 443, tls: 'reencrypt' }, { via: plsWeu, protocol: 'https', port: 443, tls: 'passthrough' }, /* … */], to: { cluster: aksWeu, service: 'web', protocol: 'https', port: 8443 } });",
      "ingressPath({ name: 'web-neu', from: { kind: 'internet' }, hops: [{ via: afd, protocol: 'https', port: 443, tls: 'reencrypt' }, { via: plsNeu, protocol: 'https', port: 443, tls: 'passthrough' }, /* … */], to: { cluster: aksNeu, service: 'web', protocol: 'https', port: 8443 } });",
    ].join('\n'),
    references: [
      { title: 'Best practices for business continuity and disaster recovery in AKS', url: 'https://learn.microsoft.com/azure/aks/operator-best-practices-multi-region' },
    ],
    messages: {
      noGlobalLb:
        'clusters run in {{regions}} regions ({{regionList}}) but no Front Door or Traffic Manager fronts more ' +
        'than one of them ({{fronted}} region{{plural}} behind Front Door); failover between regions is manual',
    },
  },
  check(ctx) {
    const { q, model } = ctx;
    const clusters = q.all('cluster');
    const regions: string[] = [];
    for (const c of clusters) if (c.region && !regions.includes(c.region)) regions.push(c.region);
    if (regions.length < 2) return;
    const paths = model.ingressPaths.filter((p) => p.cluster);
    if (paths.length === 0) return;
    // Regions reached by at least one path that starts at Front Door.
    const fronted = new Set<string>();
    for (const p of paths) {
      if (!p.hops.some((h) => h.resourceKind === 'frontDoor')) continue;
      const c = q.getAs(p.cluster, 'cluster');
      if (c) fronted.add(c.region);
    }
    if (fronted.size >= 2) return;
    const second = clusters.find((c) => c.region === regions[1])!;
    ctx.report({
      messageId: 'noGlobalLb',
      data: {
        regions: regions.length,
        regionList: regions.join(', '),
        fronted: fronted.size,
        plural: fronted.size === 1 ? '' : 's',
      },
      element: second.id,
      property: 'region',
      // Every cluster's region, and the cluster each path's workload belongs to.
      reads: ['region'],
      dependsOn: [
        ...clusters.filter((c) => c !== second).map((c) => ({ element: c.id, reads: ['region'] })),
        ...paths.flatMap((p) => (p.target ? [{ element: p.target, reads: ['cluster'] }] : [])),
        // Each path's hops (a Front Door hop dropped for a via that is no part) and its target.
        ...model.ingressPaths.map((p) => ({ element: p.id, reads: ['hops', 'to'] })),
      ],
      evidence: { regions: regions.length, frontedRegions: fronted.size },
    });
  },
});
