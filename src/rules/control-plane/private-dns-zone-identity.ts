import { defineRule } from '../../validate/rule.js';

const NEEDED = ['Network Contributor', 'Private DNS Zone Contributor'] as const;

/** The cluster's fields the verdict reads: the API server's zone, whether AKS manages the VNet, and the identity. */
const READS = ['apiServer', 'managedVnet', 'identity'];

export default defineRule({
  meta: {
    id: 'control-plane/private-dns-zone-identity',
    title: 'A private cluster with its own private DNS zone runs as a user-assigned identity with the two roles it needs',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:03', 'SE:05'],
    rationale:
      'With a private DNS zone of your own, AKS writes the API server record into that zone and links the cluster VNet ' +
      'to it, acting as the cluster identity. AKS does not support a system-assigned identity for this: the identity ' +
      'has to exist before the cluster, so it is user-assigned (or a service principal), and it needs Private DNS Zone ' +
      'Contributor on the zone and Network Contributor on the cluster VNet. Without them cluster creation fails.',
    fix:
      "Create a user-assigned managed identity, grant it Private DNS Zone Contributor on the zone and Network Contributor " +
      "on the cluster VNet, pass it with --assign-identity, and state it: identity: { type: 'user-assigned', roles: " +
      "['Network Contributor', 'Private DNS Zone Contributor'] }.",
    example:
      "const aksZone = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: [hub, spoke] });\n" +
      "identity: { type: 'user-assigned', roles: ['Network Contributor', 'Private DNS Zone Contributor'] },\n" +
      "apiServer: { mode: 'private', privateDnsZone: aksZone, publicFqdn: false }",
    references: [
      {
        title: 'Create a private AKS cluster: configure a private DNS zone',
        url: 'https://learn.microsoft.com/azure/aks/private-clusters#configure-a-private-dns-zone',
      },
      { title: 'Use a managed identity in AKS', url: 'https://learn.microsoft.com/azure/aks/use-managed-identity' },
    ],
    messages: {
      systemAssigned:
        'private cluster {{cluster}} brings private DNS zone {{zone}} but runs as a system-assigned identity, which AKS ' +
        'does not support with a zone of your own; use a user-assigned identity',
      missingRoles:
        'the identity of private cluster {{cluster}} is not granted {{missing}}, which it needs to manage private DNS ' +
        'zone {{zone}} and link the cluster VNet',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      const a = c.apiServer;
      const privateEndpoint = a.mode === 'private' || (a.mode === 'vnet-integration' && a.private);
      if (!privateEndpoint || c.managedVnet || a.privateDnsZone === 'system' || a.privateDnsZone === 'none') continue;
      const zone = q.getAs(a.privateDnsZone, 'privateDnsZone');
      if (!zone) continue;
      const check = `the identity of private cluster ${c.name} may manage its private DNS zone ${zone.name}`;
      if (!c.identity) {
        ctx.unverified({ element: c.id, property: 'identity', check, reads: READS });
        continue;
      }
      if (c.identity.type === 'system-assigned') {
        ctx.report({
          messageId: 'systemAssigned',
          data: { cluster: c.name, zone: zone.name },
          element: c.id,
          reads: READS,
          property: 'identity.type',
          evidence: { identity: 'system-assigned', privateDnsZone: zone.name },
        });
        continue;
      }
      if (!c.identity.roles) {
        ctx.unverified({ element: c.id, property: 'identity.roles', check, reads: READS });
        continue;
      }
      const missing = NEEDED.filter((r) => !c.identity!.roles!.includes(r));
      if (missing.length === 0) continue;
      ctx.report({
        messageId: 'missingRoles',
        data: { cluster: c.name, zone: zone.name, missing: missing.join(' and ') },
        element: c.id,
        reads: READS,
        property: 'identity.roles',
        evidence: { identity: c.identity.type, missing: missing.join(', '), privateDnsZone: zone.name },
      });
    }
  },
});
