import { defineRule } from '../../validate/rule.js';
import { accessOf, isPrivate } from './_api.js';

export default defineRule({
  meta: {
    id: 'control-plane/private-cluster-internet-admins',
    title: 'Administrators do not reach a private cluster over the internet',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['operational-excellence', 'security'],
    waf: ['OE:02', 'SE:06'],
    rationale: 'A private API server has no internet-facing endpoint; administrators who are declared to come from the internet cannot run kubectl against it.',
    fix: 'Route administrators through Bastion and a jump box, a VPN/ExpressRoute connection or az aks command invoke.',
    example: `controlPlaneAccess: [{ kind: 'admins', via: hubBastion }]`,
    references: [
      { title: 'Create a private AKS cluster: options for connecting to the private cluster', url: 'https://learn.microsoft.com/azure/aks/private-clusters' },
    ],
    messages: {
      internetAdmins:
        'administrators of private cluster {{cluster}} are declared to come from the internet, but its API ' +
        'server has no public endpoint',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      if (!isPrivate(c)) continue;
      for (const a of accessOf(ctx.model, c)) {
        if (a.kind !== 'admins' || q.get(a.from)?.kind !== 'client') continue;
        ctx.report({
          messageId: 'internetAdmins',
          data: { cluster: c.name },
          element: c.id,
          reads: ['apiServer', 'controlPlaneAccess'],
          path: `${a.source.path}.via`,
          evidence: { access: a.kind },
        });
      }
    }
  },
});
