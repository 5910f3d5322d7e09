import { routingOf } from '../../model/egress.js';
import { routeFor } from '../../model/routing.js';
import type { Edge, Id } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'egress/peering-gateway-transit',
    title:
      'Peerings that share a hub gateway are consistent: transit allowed, remote gateways used, forwarded traffic accepted',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:03', 'SE:06'],
    rationale:
      'A spoke reaches on-premises through the hub gateway only when the hub side of the peering allows gateway ' +
      'transit and the spoke side uses remote gateways. Azure refuses "use remote gateways" when the other VNet has ' +
      'no gateway or does not allow transit, when the VNet has a gateway of its own, or on more than one peering of ' +
      'the same VNet. A spoke that routes through a firewall or NVA in the hub also needs the peering to accept ' +
      'forwarded traffic, or what the appliance forwards into the spoke (replies, other spokes, on-premises) is dropped.',
    fix:
      'Set allowGatewayTransit on the hub side and useRemoteGateways on the spoke side of one peering per spoke; ' +
      "remove the spoke's own gateway, or stop using the remote one; set allowForwardedTraffic: true on peerings of " +
      'spokes routed through a hub appliance.',
    example:
      'peering({ from: hub, to: spoke, allowGatewayTransit: true, useRemoteGateways: true, allowForwardedTraffic: true });',
    references: [
      {
        title: 'Create, change, or delete a virtual network peering (settings)',
        url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering',
      },
      {
        title: 'Configure VPN gateway transit for virtual network peering',
        url: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-peering-gateway-transit',
      },
      {
        title: 'Hub-spoke network topology in Azure',
        url: 'https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke',
      },
    ],
    messages: {
      remoteWithoutTransit:
        'VNet {{spoke}} uses the remote gateways of {{hub}}, but the peering does not allow gateway transit on the ' +
        '{{hub}} side; Azure rejects the peering setting',
      noRemoteGateway:
        'VNet {{spoke}} uses the remote gateways of {{hub}}, but {{hub}} has no VPN or ExpressRoute gateway; Azure ' +
        'rejects the peering setting',
      ownGateway:
        'VNet {{spoke}} has its own gateway {{gateway}} and also uses the remote gateways of {{hub}}; a VNet with a ' +
        'gateway cannot use remote gateways',
      twoRemotePeerings:
        'VNet {{spoke}} uses remote gateways on {{count}} peerings ({{hubs}}); only one peering of a VNet may',
      onPremUnreachable:
        '{{hub}} allows gateway transit to {{spoke}}, but {{spoke}} does not use remote gateways: subnet {{subnet}} ' +
        '(cluster nodes or pods) learns no route to on-premises {{onPrem}} and sends it to {{nextHop}}',
      forwardedTrafficOff:
        'subnet {{subnet}} of {{spoke}} routes {{prefix}} through {{appliance}} in {{hub}}, but the peering does not ' +
        'allow forwarded traffic, so traffic the appliance forwards into {{spoke}} is dropped',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const gatewaysIn = (vnet: Id) => q.all('vnetGateway').filter((g) => q.vnetOf(g.subnet)?.id === vnet);
    const peerings = q.edges('peering');
    const remoteUsers = new Map<Id, Edge[]>();
    for (const e of peerings) {
      const hub = q.name(e.from);
      const spoke = q.name(e.to);
      const data = { hub, spoke };
      const at = { path: e.source.path, evidence: { hub, spoke } };
      if (e.useRemoteGateways) {
        remoteUsers.set(e.to, [...(remoteUsers.get(e.to) ?? []), e]);
        if (!e.gatewayTransit)
          ctx.report({ messageId: 'remoteWithoutTransit', data, ...at, property: 'allowGatewayTransit' });
        if (gatewaysIn(e.from).length === 0)
          ctx.report({ messageId: 'noRemoteGateway', data, ...at, property: 'useRemoteGateways' });
        const own = gatewaysIn(e.to)[0];
        if (own)
          ctx.report({
            messageId: 'ownGateway',
            data: { ...data, gateway: own.name },
            ...at,
            property: 'useRemoteGateways',
          });
      }
      forwarded(e, hub, spoke);
      if (e.gatewayTransit && e.useRemoteGateways === false && gatewaysIn(e.to).length === 0)
        unreachable(e, hub, spoke);
    }
    for (const [vnet, list] of remoteUsers) {
      if (list.length < 2) continue;
      list.sort((a, b) => a.source.path.localeCompare(b.source.path, 'en', { numeric: true }));
      const hubs = list.map((e) => q.name(e.from));
      ctx.report({
        messageId: 'twoRemotePeerings',
        data: { spoke: q.name(vnet), count: list.length, hubs: hubs.join(', ') },
        path: list[1]!.source.path,
        property: 'useRemoteGateways',
        evidence: { spoke: q.name(vnet), peerings: list.length },
      });
    }

    /** The hub's gateway reaches on-premises, but the spoke neither learns those routes nor routes them to an appliance. */
    function unreachable(e: Edge, hub: string, spoke: string): void {
      const onPrem = q
        .all('hybridConnection')
        .filter((h) => gatewaysIn(e.from).some((g) => g.id === h.gateway))
        .flatMap((h) => q.getAs(h.remote, 'onPremises')?.addressSpace ?? []);
      // The subnets that matter here: those of the clusters' nodes and pods.
      const clusterSubnets = new Set(
        q.all('nodePool').flatMap((p) => (p.podSubnet ? [p.subnet, p.podSubnet] : [p.subnet])),
      );
      for (const s of q.all('subnet').filter((x) => x.vnet === e.to && clusterSubnets.has(x.id))) {
        const t = routingOf(q.model).get(s.id);
        const lost =
          t &&
          onPrem.find((p) => {
            const r = routeFor(t, p);
            return r !== undefined && (r.nextHopType === 'Internet' || r.nextHopType === 'None');
          });
        if (!t || !lost) continue;
        const r = routeFor(t, lost)!;
        ctx.report({
          messageId: 'onPremUnreachable',
          severity: 'info',
          data: { hub, spoke, subnet: s.name, onPrem: lost, nextHop: r.nextHopType },
          path: e.source.path,
          property: 'useRemoteGateways',
          evidence: { hub, spoke, subnet: s.name, onPremises: lost },
        });
        return;
      }
    }

    /** A spoke subnet whose routes lead to an appliance on the other side needs forwarded traffic accepted. */
    function forwarded(e: Edge, hub: string, spoke: string): void {
      if (e.forwardedTraffic === true) return;
      for (const s of q.all('subnet').filter((x) => x.vnet === e.to)) {
        const t = routingOf(q.model).get(s.id);
        const via = t?.routes.find((r) => {
          // Only user routes lead to an appliance; a learned route to the hub's gateway is not forwarding.
          if (r.state !== 'Active' || r.nextHopType !== 'VirtualAppliance') return false;
          const appliance = q.get(r.nextHopResource);
          const at = appliance && 'subnet' in appliance ? q.vnetOf(appliance.subnet)?.id : undefined;
          return at === e.from;
        });
        if (!via) continue;
        const appliance = q.name(via.nextHopResource);
        if (e.forwardedTraffic === undefined) {
          ctx.unverified({
            element: e.id,
            path: e.source.path,
            name: `peering ${hub} ↔ ${spoke}`,
            property: 'allowForwardedTraffic',
            check: `the peering of ${spoke} accepts the traffic ${appliance} in ${hub} forwards into it`,
            fact: 'forwarded-traffic setting of the peering',
          });
          return;
        }
        ctx.report({
          messageId: 'forwardedTrafficOff',
          severity: 'warning',
          data: { subnet: s.name, spoke, prefix: via.prefix, appliance, hub },
          path: e.source.path,
          property: 'allowForwardedTraffic',
          evidence: { hub, spoke, subnet: s.name, appliance },
        });
        return;
      }
    }
  },
});
