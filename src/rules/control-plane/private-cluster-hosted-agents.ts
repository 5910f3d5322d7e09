import { defineRule } from '../../validate/rule.js';
import { accessOf, isPrivate } from './_api.js';

export default defineRule({
  meta: {
    id: 'control-plane/private-cluster-hosted-agents',
    title: 'Private clusters are not deployed to from Microsoft-hosted agents',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['operational-excellence', 'security'],
    waf: ['OE:06', 'SE:06'],
    rationale:
      'A private API server is reachable only from networks connected to its private endpoint. Microsoft-hosted agents run on shared public infrastructure outside your VNets, so a pipeline using them cannot reach the cluster at all.',
    fix: 'Run self-hosted agents (or managed DevOps pools / runners with VNet injection) in a subnet peered with the cluster VNet, use az aks command invoke, or switch to a GitOps pull model.',
    example: `const agents = buildAgents({ name: 'gh-runners', hosting: 'self-hosted', platform: 'github-actions', subnet: agentsSubnet });
controlPlaneAccess: [{ kind: 'cicd', via: agents }]`,
    references: [
      { title: 'Create a private AKS cluster: options for connecting to the private cluster', url: 'https://learn.microsoft.com/azure/aks/private-clusters' },
      { title: 'Access a private AKS cluster remotely with command invoke', url: 'https://learn.microsoft.com/azure/aks/command-invoke' },
    ],
    messages: {
      hostedAgents:
        'private cluster {{cluster}} is deployed from Microsoft-hosted agents {{agents}}, which cannot reach its ' +
        'private API server endpoint',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      if (!isPrivate(c)) continue;
      for (const a of accessOf(ctx.model, c)) {
        if (a.kind !== 'cicd') continue;
        const agents = q.getAs(a.from, 'buildAgents');
        if (agents?.hosting !== 'microsoft-hosted') continue;
        ctx.report({
          messageId: 'hostedAgents',
          data: { cluster: c.name, agents: agents.name },
          element: c.id,
          reads: ['apiServer', 'controlPlaneAccess'],
          dependsOn: [{ element: agents.id, reads: ['hosting'] }],
          path: a.source.path,
          evidence: { agents: agents.name, platform: agents.platform },
        });
      }
    }
  },
});
