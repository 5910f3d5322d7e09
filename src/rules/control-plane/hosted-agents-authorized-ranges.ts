import { defineRule } from '../../validate/rule.js';
import { accessOf, authorizedRanges, isPublic, restricts } from './_api.js';

export default defineRule({
  meta: {
    id: 'control-plane/hosted-agents-authorized-ranges',
    title: 'Microsoft-hosted agents are not expected to pass authorized IP ranges',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['security', 'operational-excellence'],
    waf: ['SE:06', 'OE:06'],
    rationale:
      'Microsoft-hosted agents run on shared infrastructure whose egress addresses are large, region-wide and change weekly. Allowing them means authorizing broad Azure ranges (defeating the restriction) or living with intermittently failing deployments.',
    fix: 'Use self-hosted agents (or hosted runners with static egress IPs) whose egress IPs are declared and authorized, or deploy with GitOps from inside the cluster.',
    example: `buildAgents({ name: 'gh-runners', hosting: 'self-hosted', platform: 'github-actions', subnet: agentsSubnet, egressIps: ['198.51.100.7/32'] })`,
    references: [
      { title: 'Secure access to the API server using authorized IP address ranges', url: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges' },
    ],
    messages: {
      hostedAgents:
        '{{cluster}} restricts its API server to {{ranges}} authorized IP ranges, but deploys from ' +
        'Microsoft-hosted agents {{agents}} whose egress IPs are shared and change',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      if (!isPublic(c)) continue;
      const ranges = authorizedRanges(c);
      if (!restricts(ranges)) continue;
      for (const a of accessOf(ctx.model, c)) {
        if (a.kind !== 'cicd') continue;
        const agents = q.getAs(a.from, 'buildAgents');
        if (!agents || agents.hosting !== 'microsoft-hosted' || agents.egressIps.length > 0) continue;
        ctx.report({
          messageId: 'hostedAgents',
          data: { cluster: c.name, ranges: ranges.length, agents: agents.name },
          element: c.id,
          reads: ['apiServer', 'controlPlaneAccess'],
          dependsOn: [{ element: agents.id, reads: ['hosting', 'egressIps'] }],
          path: a.source.path,
          evidence: { agents: agents.name, ranges: ranges.length },
        });
      }
    }
  },
});
