import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'control-plane/kubenet-byo-route-table-dns',
    title: 'A private kubenet cluster does not combine its own route table with its own private DNS zone',
    severity: 'warning',
    kind: 'platform-limit',
    pillars: ['reliability', 'operational-excellence'],
    waf: ['RE:03', 'OE:05'],
    rationale:
      'The private cluster documentation lists this combination as a known creation failure: a kubenet cluster that ' +
      'brings its own route table and its own private DNS zone fails to create. The documented way through is to ' +
      'associate the route table AKS put in the node resource group with the node subnet after the failed create and ' +
      'run the create again, a manual step that an infrastructure-as-code pipeline does not expect.',
    fix:
      'Move the cluster to Azure CNI Overlay (kubenet retires on 31 March 2028), or let AKS manage the private DNS zone ' +
      '(privateDnsZone: system), or plan the documented manual step into the first deployment.',
    example:
      "const aksZone = privateDnsZone({ name: 'privatelink.westeurope.azmk8s.io', links: [hub, spoke] });\n" +
      "network: { cni: 'azure-overlay', podCidr: '100.64.0.0/16' },\n" +
      "apiServer: { mode: 'private', privateDnsZone: aksZone, publicFqdn: false }",
    references: [
      { title: 'Create a private AKS cluster: limitations', url: 'https://learn.microsoft.com/azure/aks/private-clusters#limitations' },
      {
        title: 'Configure kubenet networking: bring your own subnet and route table',
        url: 'https://learn.microsoft.com/azure/aks/configure-kubenet#bring-your-own-subnet-and-route-table-with-kubenet',
      },
    ],
    messages: {
      combined:
        'private kubenet cluster {{cluster}} brings route table {{routeTable}} and private DNS zone {{zone}}; this ' +
        'combination fails at cluster creation until the route table is associated by hand',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      const a = c.apiServer;
      if (c.network.cni !== 'kubenet' || c.managedVnet || a.mode !== 'private') continue;
      const zone = a.privateDnsZone === 'system' || a.privateDnsZone === 'none' ? undefined : q.getAs(a.privateDnsZone, 'privateDnsZone');
      if (!zone) continue;
      // The table the design brings: the one the cluster names, else one already on a node subnet (AKS then writes
      // its routes there too, which is what "bring your own" means for kubenet).
      const declared = q.getAs(c.network.routeTable, 'routeTable');
      const onSubnet = q
        .nodeSubnets(c.id)
        .map((s) => q.getAs(s.routeTable, 'routeTable'))
        .find((t) => t !== undefined);
      const table = declared ?? onSubnet;
      if (!table) continue;
      ctx.report({
        messageId: 'combined',
        data: { cluster: c.name, routeTable: table.name, zone: zone.name },
        element: c.id,
        reads: ['apiServer', 'network.cni', 'network.routeTable', 'managedVnet'],
        dependsOn: q.nodeSubnets(c.id).map((s) => ({ element: s.id, reads: ['routeTable'] })),
        property: 'apiServer.privateDnsZone',
        evidence: { cni: 'kubenet', routeTable: table.name, privateDnsZone: zone.name },
      });
    }
  },
});
