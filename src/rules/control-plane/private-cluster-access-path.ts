import { defineRule } from '../../validate/rule.js';
import { accessOf, isPrivate } from './_api.js';

/**
 * The cluster's fields the verdict reads: whether the API server is private, and the access paths (an entry's kind
 * stated wrongly stands in as 'admins'). An invalid field elsewhere (an outbound type, a pool's zones) leaves it open.
 */
const READS = ['apiServer.mode', 'apiServer.private', 'controlPlaneAccess'];

export default defineRule({
  meta: {
    id: 'control-plane/private-cluster-access-path',
    title: 'A private cluster declares how administrators and pipelines reach its API server',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['operational-excellence'],
    waf: ['OE:02', 'OE:08'],
    rationale:
      'Once the API server is private, kubectl only works from connected networks. Without a planned path (Bastion and a jump box, VPN/ExpressRoute, self-hosted agents, or az aks command invoke) operators discover during an incident that they cannot reach the cluster.',
    fix: "Declare controlPlaneAccess entries for administrators and CI/CD: Bastion or a jump box in a peered VNet, a hybrid connection, self-hosted agents, or { kind: 'command-invoke' } as break-glass.",
    example: `controlPlaneAccess: [
  { kind: 'admins', via: hubBastion },
  { kind: 'cicd', via: selfHostedAgents },
  { kind: 'command-invoke', description: 'break-glass' },
]`,
    references: [
      { title: 'Create a private AKS cluster: options for connecting to the private cluster', url: 'https://learn.microsoft.com/azure/aks/private-clusters' },
      { title: 'Access a private AKS cluster remotely with command invoke', url: 'https://learn.microsoft.com/azure/aks/command-invoke' },
    ],
    messages: {
      noAccessPath: 'private cluster {{cluster}} declares no access path for {{missing}}',
    },
  },
  check(ctx) {
    for (const c of ctx.q.all('cluster')) {
      if (!isPrivate(c)) continue;
      // Left out, the access paths are unknown, not missing.
      if (ctx.q.isUnknown(c.id, 'controlPlaneAccess')) {
        const check = `administrators and deployments have a planned way to reach the private API server of cluster ${c.name}`;
        ctx.unverified({ element: c.id, property: 'controlPlaneAccess', check, reads: READS });
        continue;
      }
      const kinds = accessOf(ctx.model, c).map((a) => a.kind);
      const human = kinds.includes('admins') || kinds.includes('command-invoke');
      const deploy = kinds.includes('cicd') || kinds.includes('gitops');
      if (human && deploy) continue;
      const missing = [human ? undefined : 'administrators (Bastion, jump box, VPN or command invoke)', deploy ? undefined : 'deployments (CI/CD agents or GitOps)'].filter(Boolean);
      ctx.report({
        messageId: 'noAccessPath',
        data: { cluster: c.name, missing: missing.join(' or ') },
        element: c.id,
        reads: READS,
        property: 'apiServer',
        evidence: { declared: kinds.filter((k) => k !== 'nodes').join(', ') || 'none' },
      });
    }
  },
});
