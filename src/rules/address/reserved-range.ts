import { cidr, overlaps } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';
import { clusterVnets, vnetRanges } from './_net.js';

const RESERVED = ['169.254.0.0/16', '172.30.0.0/16', '172.31.0.0/16', '192.0.2.0/24'];
const RANGES = RESERVED.map((t) => ({ text: t, range: cidr(t)! }));

export default defineRule({
  meta: {
    id: 'address/reserved-range',
    title: 'Service CIDR, pod CIDR and cluster VNets avoid the ranges AKS reserves',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability'],
    waf: ['RE:03'],
    rationale:
      'AKS uses 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 and 192.0.2.0/24 internally (link-local services, the Docker bridge and documentation space). AKS rejects a service CIDR, pod CIDR or cluster VNet that overlaps them, which also rules out wide blocks such as 172.16.0.0/12.',
    fix: 'Choose ranges that do not touch the reserved blocks, e.g. a /16 inside 172.16.0.0–172.29.255.255 or inside 10.0.0.0/8.',
    example: `network: { cni: 'azure-overlay', podCidr: '192.168.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' }`,
    references: [
      { title: 'AKS CNI overview: reserved address ranges', url: 'https://learn.microsoft.com/azure/aks/concepts-network-cni-overview' },
      { title: 'Configure kubenet networking', url: 'https://learn.microsoft.com/azure/aks/configure-kubenet' },
    ],
    messages: {
      clusterRange: '{{label}} {{cidr}} of {{cluster}} overlaps the AKS reserved range {{reserved}}',
      vnetRange: 'VNet {{vnet}} ({{cidr}}) hosts cluster {{cluster}} and overlaps the AKS reserved range {{reserved}}',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const vnetsSeen = new Set<string>();
    for (const c of q.all('cluster')) {
      for (const [label, prop, text] of [
        ['service CIDR', 'network.serviceCidr', c.network.serviceCidr],
        ['pod CIDR', 'network.podCidr', c.network.podCidr],
      ] as const) {
        const r = text ? cidr(text) : undefined;
        if (!r) continue;
        for (const res of RANGES) {
          if (!overlaps(r, res.range)) continue;
          ctx.report({
            messageId: 'clusterRange',
            data: { label, cidr: text ?? '', cluster: c.name, reserved: res.text },
            element: c.id,
            // A pod CIDR is kept only for the CNIs that use one.
            reads: prop === 'network.podCidr' ? [prop, 'network.cni'] : [prop],
            property: prop,
            evidence: { cidr: text ?? '', reserved: res.text },
          });
        }
      }
      for (const v of clusterVnets(q, c)) {
        if (vnetsSeen.has(v.id)) continue;
        vnetsSeen.add(v.id);
        for (const vr of vnetRanges(q, v.id)) {
          for (const res of RANGES) {
            if (!overlaps(vr.range, res.range)) continue;
            ctx.report({
              messageId: 'vnetRange',
              data: { vnet: v.name, cidr: vr.text, cluster: c.name, reserved: res.text },
              element: v.id,
              reads: ['addressSpace'],
              // The VNet is one of the cluster's through its pools' subnets.
              dependsOn: q.pools(c.id).map((p) => ({ element: p.id, reads: ['subnet', 'podSubnet'] })),
              property: `addressSpace[${vr.index}]`,
              evidence: { cidr: vr.text, reserved: res.text, cluster: c.name },
            });
          }
        }
      }
    }
  },
});
