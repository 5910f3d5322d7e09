import { cidr, overlaps, type CidrRange } from '../../model/cidr.js';
import type { ModelQuery } from '../../model/query.js';
import type { NormalizedNsgRule, SubnetResource } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';
import { apiSubnets } from './_apisubnet.js';

const PORTS = [443, 4443];

/** Whether an NSG endpoint (tag, CIDR or subnet) covers any address of `subnet`. */
function endpointMatches(q: ModelQuery, text: string, ref: string | undefined, subnet: SubnetResource, range: CidrRange): boolean {
  if (ref) return ref === subnet.id;
  if (text === '*') return true;
  if (text === 'VirtualNetwork') return true;
  const r = cidr(text);
  return r !== undefined && overlaps(r, range);
}

/** The first rule of an NSG (by priority) matching the flow, if any. */
function firstMatch(
  q: ModelQuery,
  rules: NormalizedNsgRule[],
  direction: 'inbound' | 'outbound',
  port: number,
  src: { subnet: SubnetResource; range: CidrRange },
  dst: { subnet: SubnetResource; range: CidrRange },
): NormalizedNsgRule | undefined {
  return [...rules]
    .filter((r) => r.direction === direction)
    .sort((a, b) => a.priority - b.priority)
    .find(
      (r) =>
        (r.protocol === 'tcp' || r.protocol === '*') &&
        r.ports.some(([from, to]) => port >= from && port <= to) &&
        endpointMatches(q, r.source, r.sourceSubnet, src.subnet, src.range) &&
        endpointMatches(q, r.destination, r.destinationSubnet, dst.subnet, dst.range),
    );
}

export default defineRule({
  meta: {
    id: 'control-plane/apiserver-subnet-nsg',
    title: 'NSGs let the VNet-integrated API server reach the nodes on TCP 443 and 4443',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:03', 'SE:06'],
    rationale:
      'With API Server VNet Integration the control plane talks to the nodes from the API server subnet on TCP 443 and 4443 (konnectivity, webhooks, logs and exec). An NSG rule that denies this flow on the node subnet (inbound) or the API server subnet (outbound) breaks kubectl exec/logs, admission webhooks and node registration.',
    fix: 'Add NSG rules allowing TCP 443 and 4443 from the API server subnet to the node subnets, with a higher priority (lower number) than any deny rule.',
    example: `nsg({ name: 'nsg-aks-nodes', rules: [
  { name: 'allow-apiserver', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: apiSubnet, destination: '*', ports: [443, 4443] },
  { name: 'deny-vnet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'VirtualNetwork', destination: '*', ports: '*' },
] })`,
    references: [
      { title: 'API Server VNet Integration: network security groups', url: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration' },
    ],
    messages: {
      denied:
        'NSG {{nsg}} on {{where}} denies TCP {{ports}} from API server subnet {{apiSubnet}} ({{apiCidr}}) to ' +
        '{{nodeSubnet}} ({{nodeCidr}}) with rule {{rule}} (priority {{priority}}); the API server of {{cluster}} ' +
        'cannot reach its nodes',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const { cluster, subnet: api } of apiSubnets(q)) {
      const apiRange = cidr(api.cidr);
      if (!apiRange) continue;
      const apiNsg = q.getAs(api.nsg, 'nsg');
      for (const node of q.nodeSubnets(cluster.id)) {
        const nodeRange = cidr(node.cidr);
        if (!nodeRange) continue;
        const src = { subnet: api, range: apiRange };
        const dst = { subnet: node, range: nodeRange };
        const checks: Array<{ nsg: ReturnType<typeof q.getAs<'nsg'>>; direction: 'inbound' | 'outbound'; where: string }> = [
          { nsg: q.getAs(node.nsg, 'nsg'), direction: 'inbound', where: `node subnet ${node.name}` },
          { nsg: apiNsg, direction: 'outbound', where: `API server subnet ${api.name}` },
        ];
        for (const { nsg, direction, where } of checks) {
          if (!nsg) continue;
          if (nsg.rules === undefined) {
            const check = `NSG ${nsg.name} on ${where} lets the API server of ${cluster.name} reach its nodes`;
            ctx.unverified({ element: nsg.id, property: 'rules', check });
            continue;
          }
          const rules = nsg.rules;
          const blocked = PORTS.flatMap((port) => {
            const m = firstMatch(q, rules, direction, port, src, dst);
            return m && m.access === 'deny' ? [{ port, rule: m }] : [];
          });
          if (blocked.length === 0) continue;
          const rule = blocked[0]!.rule;
          const index = rules.indexOf(rule);
          ctx.report({
            messageId: 'denied',
            data: {
              nsg: nsg.name,
              where,
              ports: blocked.map((b) => b.port).join(' and '),
              apiSubnet: api.name,
              apiCidr: api.cidr,
              nodeSubnet: node.name,
              nodeCidr: node.cidr,
              rule: rule.name,
              priority: rule.priority,
              cluster: cluster.name,
            },
            element: nsg.id,
            ...(index >= 0 ? { property: `rules[${index}]` } : {}),
            evidence: { nsg: nsg.name, rule: rule.name, priority: rule.priority, ports: blocked.map((b) => b.port).join(',') },
          });
        }
      }
    }
  },
});
