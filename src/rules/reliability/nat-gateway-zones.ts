import type { Id } from '../../model/types.js';
import { defineRule, type Dependency } from '../../validate/rule.js';
import { zonesText } from '../egress/_egress.js';
import { egressDeps, mergeDeps } from '../egress/_reads.js';

export default defineRule({
  meta: {
    id: 'reliability/nat-gateway-zones',
    title: 'Standard NAT gateways are zonal; zone-redundant pools should not depend on one zone',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale:
      'A Standard NAT gateway lives in one zone (or none) and cannot span zones; only the StandardV2 SKU is zone-redundant. A zonal NAT gateway serving node pools spread over several zones makes all their egress depend on that single zone. A NAT gateway with no zone is still placed in one zone by Azure, which does not say which, so zonal node pools behind it depend on a zone nobody chose.',
    fix: "Use sku 'StandardV2' for zone-redundant egress, or one zonal NAT gateway per zone-pinned node pool subnet.",
    example: "natGateway({ name: 'ng-aks', sku: 'StandardV2', publicIps: 2, zones: [1, 2, 3] });",
    references: [
      { title: 'Create a managed or user-assigned NAT gateway for your AKS cluster', url: 'https://learn.microsoft.com/azure/aks/nat-gateway' },
      { title: 'Azure NAT Gateway and availability zones', url: 'https://learn.microsoft.com/azure/nat-gateway/nat-availability-zones' },
    ],
    messages: {
      spansZones:
        'NAT gateway {{natGateway}} (Standard) declares {{zones}}; a Standard NAT gateway is zonal or has no zone (zone-redundant needs StandardV2)',
      pinnedZone:
        'NAT gateway {{natGateway}} is pinned to zone {{zone}} but serves node pools of {{clusters}} in zones {{poolZones}}; losing zone {{zone}} stops egress for all of them',
      noZone:
        'NAT gateway {{natGateway}} (Standard) has no zone{{defaulted}} but serves node pools of {{clusters}} in zones {{poolZones}}: ' +
        'Azure places it in one zone it does not disclose, and losing that zone stops their egress; use StandardV2 or one zonal NAT gateway per zone',
      managedNoZone:
        'cluster {{cluster}} uses outboundType managedNATGateway, whose AKS-managed Standard NAT gateway has no zone, but ' +
        'its node pools run in zones {{poolZones}}: losing the zone Azure picked stops egress; use managedNATGatewayV2 ' +
        '(StandardV2, zone-redundant)',
    },
  },
  check(ctx) {
    const { q } = ctx;
    // Zones of the node pools that use each NAT gateway.
    const users = new Map<Id, { zones: Set<number>; clusters: string[]; deps: Dependency[] }>();
    for (const c of q.all('cluster')) {
      // Only a NAT gateway the effective egress path uses carries the cluster's egress (a firewall route bypasses it).
      if (q.egressPathOf(c.id)?.via !== 'natGateway') continue;
      for (const p of q.pools(c.id)) {
        const s = q.getAs(p.subnet, 'subnet');
        const nat = s?.natGateway ?? (c.outbound.type === 'userAssignedNATGateway' ? c.outbound.natGateway : undefined);
        if (!nat) continue;
        const u = users.get(nat) ?? { zones: new Set<number>(), clusters: [], deps: [] };
        for (const z of p.zones ?? []) u.zones.add(z);
        // The cluster's egress path (which leaves through the NAT gateway), and the pool's subnet and zones.
        u.deps = mergeDeps([...u.deps, ...egressDeps(q, c.id), { element: p.id, reads: ['subnet', 'zones'] }]);
        if (!u.clusters.includes(c.name)) u.clusters.push(c.name);
        users.set(nat, u);
      }
    }
    // The AKS-managed NAT gateway of outboundType managedNATGateway is created with no zone. It exists only in an
    // AKS-managed VNet: in the design's own VNet egress/outbound-vnet-mode reports the outbound type itself.
    for (const c of q.all('cluster')) {
      if (c.outbound.type !== 'managedNATGateway' || !c.managedVnet) continue;
      const zones = new Set<number>();
      for (const p of q.pools(c.id)) for (const z of p.zones ?? []) zones.add(z);
      if (zones.size === 0) continue;
      ctx.report({
        messageId: 'managedNoZone',
        data: { cluster: c.name, poolZones: [...zones].sort().join(', ') },
        element: c.id,
        property: 'outbound.type',
        // The outbound type and VNet mode, and the zones of the cluster's pools.
        reads: ['outbound.type', 'managedVnet', 'nodePools'],
        dependsOn: q.pools(c.id).map((p) => ({ element: p.id, reads: ['zones'] })),
        severity: 'warning',
        evidence: { cluster: c.name, poolZones: zones.size },
      });
    }
    for (const nat of q.all('natGateway')) {
      if (nat.sku !== 'Standard') continue;
      if (nat.zones.length > 1) {
        ctx.report({
          messageId: 'spansZones',
          data: { natGateway: nat.name, zones: zonesText(nat.zones) },
          element: nat.id,
          property: 'zones',
          reads: ['sku', 'zones'],
          evidence: { natGateway: nat.name, zones: nat.zones.length },
        });
        continue;
      }
      const u = users.get(nat.id);
      const poolZones = [...(u?.zones ?? [])].sort().join(', ');
      if (nat.zones.length === 0 && u && u.zones.size >= 1) {
        const wasDefaulted = ctx.q.isDefaulted(nat.id, 'zones');
        ctx.report({
          messageId: 'noZone',
          data: { natGateway: nat.name, clusters: u.clusters.join(', '), poolZones, defaulted: wasDefaulted ? ' (zones not stated)' : '' },
          element: nat.id,
          property: 'zones',
          reads: ['sku', 'zones'],
          dependsOn: u.deps,
          severity: 'warning',
          evidence: { natGateway: nat.name, zones: 0, poolZones: u.zones.size, zonesDefaulted: wasDefaulted },
        });
        continue;
      }
      if (nat.zones.length !== 1 || !u || u.zones.size < 2) continue;
      ctx.report({
        messageId: 'pinnedZone',
        data: { natGateway: nat.name, zone: nat.zones[0]!, clusters: u.clusters.join(', '), poolZones },
        element: nat.id,
        property: 'zones',
        reads: ['sku', 'zones'],
        dependsOn: u.deps,
        severity: 'warning',
        evidence: { natGateway: nat.name, zone: nat.zones[0]!, poolZones: u.zones.size },
      });
    }
  },
});
