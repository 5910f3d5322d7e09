import { cidr, type CidrRange } from '../../model/cidr.js';
import type { NsgResource, SubnetResource } from '../../model/types.js';
import { defineRule } from '../../validate/rule.js';
import { verdictAt, type Flow, type FlowEnd } from '../ingress/_nsg.js';
import { apiSubnets } from './_apisubnet.js';

/** The NSG's rules (and name); a subnet's range and NSG (and name); the cluster's API server settings and pools. */
const NSG_READS = ['name', 'rules'];
const SUBNET_READS = ['name', 'cidr', 'nsg'];
const CLUSTER_READS = ['name', 'apiServer', 'nodePools'];

/** The flows API Server VNet Integration needs an NSG to admit, as its documentation lists them. */
const NODE_PORTS = [443, 4443];
const LOAD_BALANCER_PORT = 9988;

/**
 * The AzureLoadBalancer service tag: the host address Azure's load balancer health probes come from. A rule naming the
 * tag, `*`, or a range holding this address matches it; the VirtualNetwork tag does not.
 * https://learn.microsoft.com/azure/virtual-network/service-tags-overview
 */
const AZURE_LOAD_BALANCER: FlowEnd = { tags: ['azureloadbalancer'], range: cidr('168.63.129.16/32')!, inVnet: false };

const subnetEnd = (subnet: SubnetResource, range: CidrRange): FlowEnd => ({ tags: [], range, subnet: subnet.id, inVnet: true });

export default defineRule({
  meta: {
    id: 'control-plane/apiserver-subnet-nsg',
    title: 'NSGs let the nodes (TCP 443 and 4443) and Azure Load Balancer (TCP 9988) reach a VNet-integrated API server',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:03', 'SE:06'],
    rationale:
      'With API Server VNet Integration the API server sits behind an internal load balancer in its own delegated subnet, and the nodes talk to it there, directly by its private IP. Its documentation lists two flows an NSG must admit when rules restrict traffic between subnets: from the cluster (node) subnet to the API server subnet on TCP 443 and 4443, and from Azure Load Balancer to the API server subnet on TCP 9988. A rule that denies either one, outbound on the node subnet or inbound on the API server subnet, cuts the nodes off from their control plane.',
    fix: "Allow TCP 443 and 4443 from the node subnets to the API server subnet, and TCP 9988 from the 'AzureLoadBalancer' service tag to it, with a higher priority (lower number) than any deny rule that matches these flows.",
    example: `nsg({ name: 'nsg-aks-apiserver', rules: [
  { name: 'allow-nodes', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: nodes, destination: '*', ports: [443, 4443] },
  { name: 'allow-azure-lb', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source: 'AzureLoadBalancer', destination: '*', ports: [9988] },
  { name: 'deny-vnet', direction: 'inbound', access: 'deny', priority: 4000, protocol: '*', source: 'VirtualNetwork', destination: '*', ports: '*' },
] })`,
    references: [
      { title: 'API Server VNet Integration: NSG security rules', url: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration#nsg-security-rules' },
      { title: 'Service tags: AzureLoadBalancer', url: 'https://learn.microsoft.com/azure/virtual-network/service-tags-overview' },
    ],
    messages: {
      denied:
        'NSG {{nsg}} on {{where}} denies TCP {{ports}} from node subnet {{nodeSubnet}} ({{nodeCidr}}) to API server ' +
        'subnet {{apiSubnet}} ({{apiCidr}}) with rule {{rule}} (priority {{priority}}); the nodes of {{cluster}} ' +
        'cannot reach their API server',
      loadBalancerDenied:
        'NSG {{nsg}} on API server subnet {{apiSubnet}} denies TCP 9988 from AzureLoadBalancer with rule {{rule}} ' +
        '(priority {{priority}}); Azure Load Balancer cannot reach the API server of {{cluster}}',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const { cluster, subnet: api } of apiSubnets(q)) {
      const apiRange = cidr(api.cidr);
      if (!apiRange) continue;
      const apiNsg = q.getAs(api.nsg, 'nsg');
      // An NSG whose rules are not listed cannot be judged: the check names the flows whose rules to state.
      if (apiNsg && apiNsg.rules === undefined) {
        const check = `NSG ${apiNsg.name} on API server subnet ${api.name} admits the nodes (TCP 443 and 4443) and Azure Load Balancer (TCP 9988) to the API server of ${cluster.name}`;
        ctx.unverified({ element: apiNsg.id, property: 'rules', check, reads: NSG_READS });
      }
      for (const node of q.nodeSubnets(cluster.id)) {
        const nodeRange = cidr(node.cidr);
        if (!nodeRange) continue;
        const checks: Array<{ nsg: NsgResource | undefined; direction: 'inbound' | 'outbound'; where: string }> = [
          { nsg: q.getAs(node.nsg, 'nsg'), direction: 'outbound', where: `node subnet ${node.name}` },
          { nsg: apiNsg, direction: 'inbound', where: `API server subnet ${api.name}` },
        ];
        for (const { nsg, direction, where } of checks) {
          if (!nsg?.rules) {
            if (nsg && nsg !== apiNsg) {
              const check = `NSG ${nsg.name} on ${where} lets its nodes reach the API server of ${cluster.name} on TCP 443 and 4443`;
              ctx.unverified({ element: nsg.id, property: 'rules', check, reads: NSG_READS });
            }
            continue;
          }
          const rules = nsg.rules;
          const flow: Flow = { direction, protocol: 'tcp', source: subnetEnd(node, nodeRange), destination: subnetEnd(api, apiRange) };
          const blocked = NODE_PORTS.flatMap((port) => {
            const v = verdictAt(rules, flow, port);
            return v.access === 'deny' && v.rule ? [{ port, rule: v.rule, index: v.index }] : [];
          });
          if (blocked.length === 0) continue;
          const { rule, index } = blocked[0]!;
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
            reads: NSG_READS,
            // The two subnets' ranges and NSGs, the cluster's API server and pools, and the pools' subnets.
            dependsOn: [
              { element: api.id, reads: SUBNET_READS },
              { element: node.id, reads: SUBNET_READS },
              { element: cluster.id, reads: CLUSTER_READS },
              ...q.pools(cluster.id).map((p) => ({ element: p.id, reads: ['subnet'] })),
            ],
            property: `rules[${index}]`,
            evidence: { nsg: nsg.name, rule: rule.name, priority: rule.priority, ports: blocked.map((b) => b.port).join(',') },
          });
        }
      }
      if (!apiNsg?.rules) continue;
      const lbFlow: Flow = { direction: 'inbound', protocol: 'tcp', source: AZURE_LOAD_BALANCER, destination: subnetEnd(api, apiRange) };
      const v = verdictAt(apiNsg.rules, lbFlow, LOAD_BALANCER_PORT);
      if (v.access !== 'deny' || !v.rule) continue;
      ctx.report({
        messageId: 'loadBalancerDenied',
        data: { nsg: apiNsg.name, apiSubnet: api.name, rule: v.rule.name, priority: v.rule.priority, cluster: cluster.name },
        element: apiNsg.id,
        reads: NSG_READS,
        dependsOn: [
          { element: api.id, reads: SUBNET_READS },
          { element: cluster.id, reads: CLUSTER_READS },
        ],
        property: `rules[${v.index}]`,
        evidence: { nsg: apiNsg.name, rule: v.rule.name, priority: v.rule.priority, ports: String(LOAD_BALANCER_PORT) },
      });
    }
  },
});
