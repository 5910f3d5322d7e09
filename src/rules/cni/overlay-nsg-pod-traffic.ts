import { cidr } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { deniedPorts, firstDenied, portsText, verdictRuleName, verdictText, type Flow, type FlowEnd } from '../ingress/_nsg.js';

export default defineRule({
  meta: {
    id: 'cni/overlay-nsg-pod-traffic',
    title: 'With Azure CNI Overlay, node subnet NSGs allow node → pod and pod → pod traffic',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'Azure CNI Overlay does not encapsulate pod traffic, so the NSG of the node subnet filters it. A deny rule that ' +
      'catches traffic from the node CIDR to the pod CIDR, or between pod CIDR addresses, breaks kubelet probes, ' +
      'DNS to CoreDNS and pod-to-pod traffic across nodes, in either direction.',
    fix:
      'Add allow rules for the node subnet CIDR → pod CIDR and pod CIDR → pod CIDR, all ports and protocols, inbound ' +
      'and outbound, with a higher priority (lower number) than the deny rule.',
    example:
      "{ name: 'allow-pods', direction: 'inbound', access: 'allow', priority: 200, protocol: '*', " +
      "source: '192.168.0.0/16', destination: '192.168.0.0/16', ports: '*' }",
    references: [
      {
        title: 'Azure CNI Overlay networking: network security groups',
        url: 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay',
      },
    ],
    messages: {
      nodeToPod:
        'NSG {{nsg}} on node subnet {{subnet}} denies {{direction}} {{protocol}} on {{ports}} from the node subnet ' +
        '({{nodes}}) to the pod CIDR {{pods}} of {{cluster}} with {{by}}; overlay pod traffic is not encapsulated',
      podToPod:
        'NSG {{nsg}} on node subnet {{subnet}} denies {{direction}} {{protocol}} on {{ports}} between pod CIDR addresses ' +
        '({{pods}}) of {{cluster}} with {{by}}; overlay pod traffic is not encapsulated',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      if (c.network.cni !== 'azure-overlay' || !c.network.podCidr) continue;
      const podRange = cidr(c.network.podCidr);
      if (!podRange) continue;
      // Overlay pod CIDRs belong to the VNet's routing domain, so Azure's default rules treat them as VirtualNetwork.
      const pods: FlowEnd = { tags: [], range: podRange, inVnet: true };
      for (const s of q.nodeSubnets(c.id)) {
        const nsg = q.getAs(s.nsg, 'nsg');
        const nodeRange = cidr(s.cidr);
        if (!nsg || !nodeRange) continue;
        if (nsg.rules === undefined) {
          ctx.unverified({
            element: nsg.id,
            property: 'rules',
            check: `NSG ${nsg.name} on node subnet ${s.name} lets overlay pod traffic of ${c.name} through`,
            reads: ['rules'],
          });
          continue;
        }
        const nodes: FlowEnd = { tags: [], range: nodeRange, subnet: s.id, inVnet: true };
        const kinds = [
          { id: 'nodeToPod', source: nodes, destination: pods },
          { id: 'podToPod', source: pods, destination: pods },
        ];
        for (const { id, source, destination } of kinds) {
          let hit: { flow: Flow; denied: NonNullable<ReturnType<typeof firstDenied>> } | undefined;
          for (const direction of ['inbound', 'outbound'] as const) {
            for (const protocol of ['tcp', 'udp'] as const) {
              const flow: Flow = { direction, protocol, source, destination };
              // Ports 1-65535: port 0 carries no TCP or UDP traffic, and named as the first denied port it misled.
              const denied = hit ? undefined : firstDenied(nsg.rules, flow, [1, 65535]);
              if (denied) hit = { flow, denied };
            }
          }
          if (!hit) continue;
          const { verdict } = hit.denied;
          ctx.report({
            messageId: id,
            data: {
              nsg: nsg.name,
              subnet: s.name,
              direction: hit.flow.direction,
              protocol: hit.flow.protocol.toUpperCase(),
              ports: portsText(deniedPorts(nsg.rules, hit.flow, [1, 65535])),
              nodes: s.cidr,
              pods: c.network.podCidr,
              cluster: c.name,
              by: verdictText(verdict),
            },
            element: nsg.id,
            property: verdict.rule ? `rules[${verdict.index}]` : 'rules',
            // The NSG's rules; the cluster's CNI and pod CIDR; the node subnet's range and NSG, and the pools on it.
            reads: ['rules'],
            dependsOn: [
              { element: c.id, reads: ['network.cni', 'network.podCidr', 'nodePools'] },
              { element: s.id, reads: ['cidr', 'nsg'] },
              ...q.pools(c.id).filter((p) => p.subnet === s.id).map((p) => ({ element: p.id, reads: ['subnet'] })),
            ],
            evidence: { nsg: nsg.name, rule: verdictRuleName(verdict), direction: hit.flow.direction },
          });
        }
      }
    }
  },
});
