import { defineRule } from '../../validate/rule.js';

/** The controller's replicas and placement (and name, type and cluster for the text). */
const READS = ['name', 'type', 'cluster', 'replicas', 'zoneSpread', 'podAntiAffinity'];

export default defineRule({
  meta: {
    id: 'ingress/controller-redundancy',
    title: 'Ingress controllers run at least two replicas spread across zones',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale:
      'Every request of the paths behind an ingress controller passes through its pods. A single replica takes all of ' +
      'that traffic down during node upgrades, evictions and crashes. Two replicas are enough when they cannot land ' +
      'in the same failure domain: on a zonal cluster, topology spread constraints on the zone key or a pod ' +
      'anti-affinity on the zone key place them in different zones; otherwise both may sit in one zone and fail with it.',
    fix:
      'Run at least two replicas (three on a cluster in three zones) with a PodDisruptionBudget, and spread them with ' +
      'topology spread constraints (zoneSpread: true) or a pod anti-affinity on topology.kubernetes.io/zone ' +
      "(podAntiAffinity: 'zone').",
    example:
      "ingressController({ name: 'nginx', type: 'app-routing-gateway-api', cluster: aks, replicas: 2, podAntiAffinity: 'zone' });",
    references: [
      {
        title: 'Best practices for application deployments in AKS (pod anti-affinity, PDBs)',
        url: 'https://learn.microsoft.com/azure/aks/best-practices-app-cluster-reliability',
      },
      {
        title: 'Configure availability zones in AKS (spreading pods across zones)',
        url: 'https://learn.microsoft.com/azure/aks/reliability-availability-zones-configure',
      },
    ],
    messages: {
      singleReplica:
        'ingress controller {{controller}} ({{type}}) in cluster {{cluster}} runs {{replicas}} replica{{s}}; at least 2 ' +
        'are needed to survive a node drain',
      notSpread:
        'ingress controller {{controller}} ({{type}}) runs {{replicas}} replicas with {{placement}}, although cluster ' +
        '{{cluster}} has nodes in {{zones}} zones; the replicas may share one zone and fail with it',
    },
  },
  check(ctx) {
    for (const ic of ctx.q.all('ingressController')) {
      const replicas = ic.replicas;
      const c = ctx.q.getAs(ic.cluster, 'cluster');
      if (replicas === undefined) {
        ctx.unverified({
          element: ic.id,
          reads: READS,
          property: 'replicas',
          check: `ingress controller ${ic.name} survives a node drain (2 or more replicas)`,
        });
        continue;
      }
      if (replicas < 2) {
        ctx.report({
          messageId: 'singleReplica',
          data: { controller: ic.name, type: ic.type, cluster: c?.name ?? '?', replicas, s: replicas === 1 ? '' : 's' },
          element: ic.id,
          reads: READS,
          dependsOn: c ? [{ element: c.id, reads: ['name'] }] : [],
          property: 'replicas',
          evidence: { controller: ic.name, replicas },
        });
        continue;
      }
      // Either mechanism places the replicas in different zones.
      if (ic.zoneSpread === true || ic.podAntiAffinity === 'zone' || !c) continue;
      const zones = new Set<number>();
      for (const p of ctx.q.pools(c.id)) for (const z of p.zones ?? []) zones.add(z);
      if (zones.size < 2) continue;
      // Not spread only when the design says so for both mechanisms (anti-affinity per node says nothing of zones).
      if (ic.zoneSpread === undefined) {
        ctx.unverified({
          element: ic.id,
          reads: READS,
          property: 'zoneSpread',
          check: `the replicas of ingress controller ${ic.name} survive the loss of a zone`,
        });
        continue;
      }
      if (ic.podAntiAffinity === undefined) {
        ctx.unverified({
          element: ic.id,
          reads: READS,
          property: 'podAntiAffinity',
          check: `the replicas of ingress controller ${ic.name} survive the loss of a zone (zone pod anti-affinity)`,
          fact: 'pod anti-affinity of the replicas',
        });
        continue;
      }
      ctx.report({
        messageId: 'notSpread',
        data: {
          controller: ic.name,
          type: ic.type,
          replicas,
          // Reached only with topology spread stated off and anti-affinity stated per node.
          placement: 'no zone topology spread, pod anti-affinity per node only',
          cluster: c.name,
          zones: zones.size,
        },
        element: ic.id,
        reads: READS,
        // The cluster's pools and their zones.
        dependsOn: [{ element: c.id, reads: ['name', 'nodePools'] }, ...ctx.q.pools(c.id).map((p) => ({ element: p.id, reads: ['zones'] }))],
        property: 'zoneSpread',
        evidence: { controller: ic.name, replicas, zones: zones.size },
      });
    }
  },
});
