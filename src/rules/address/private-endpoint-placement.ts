import type { Id, SubnetResource } from '../../model/types.js';
import { defineRule, type Dependency, type RuleContext } from '../../validate/rule.js';
import { ROLES, subnetsFor } from './_special.js';

type Placement = { kind: 'nodes' | 'pods' | 'ilb' | 'special'; what: string };

/** Why a subnet is the wrong home for a private endpoint, if it is. */
function placementOf(ctx: RuleContext, s: SubnetResource): Placement | undefined {
  const { q } = ctx;
  for (const role of Object.values(ROLES)) {
    if (subnetsFor(q, role).some((x) => x.subnet.id === s.id)) return { kind: 'special', what: `the ${role.label} subnet` };
  }
  const pools = q.all('nodePool');
  if (pools.some((p) => p.subnet === s.id) || s.purposes.includes('aks-nodes')) return { kind: 'nodes', what: 'a node subnet' };
  if (pools.some((p) => p.podSubnet === s.id) || s.purposes.includes('aks-pods')) return { kind: 'pods', what: 'a pod subnet' };
  if (s.purposes.includes('application-gateway')) return { kind: 'special', what: 'the Application Gateway subnet' };
  if (s.purposes.includes('agc')) return { kind: 'special', what: 'the Application Gateway for Containers subnet' };
  if (s.purposes.includes('aks-apiserver')) return { kind: 'special', what: 'the API server subnet' };
  const ilb = q.all('loadBalancer').find((lb) => lb.visibility === 'internal' && lb.subnet === s.id);
  if (ilb || s.purposes.includes('ingress')) return { kind: 'ilb', what: 'an internal load balancer subnet' };
  return undefined;
}

/**
 * What the placement verdict reads of the subnet and of what is drawn in it: the subnet's name, purpose and CIDR (the
 * special roles), the firewalls, Bastions and gateways in it (a Bastion's SKU), the pools whose nodes or pods it holds
 * with their cluster's CNI (a pod subnet is kept only for the CNIs that use one), and its load balancers' visibility.
 */
function placementBasis(ctx: RuleContext, s: SubnetResource): Dependency[] {
  const { q } = ctx;
  const out: Dependency[] = [{ element: s.id, reads: ['name', 'purpose', 'cidr'] }];
  for (const r of [...q.all('azureFirewall'), ...q.all('bastion'), ...q.all('vnetGateway')]) {
    if (r.subnet === s.id) out.push({ element: r.id, reads: r.kind === 'bastion' ? ['subnet', 'sku'] : ['subnet'] });
  }
  for (const p of q.all('nodePool')) {
    if (p.subnet !== s.id && p.podSubnet !== s.id) continue;
    out.push({ element: p.id, reads: ['subnet', 'podSubnet'] }, { element: p.cluster, reads: ['network.cni'] });
  }
  for (const lb of q.all('loadBalancer')) if (lb.subnet === s.id) out.push({ element: lb.id, reads: ['visibility', 'subnet'] });
  return out;
}

/**
 * Private endpoints belong in a subnet of their own. In a node or pod subnet they take addresses the
 * cluster needs to scale and upgrade, in an internal load balancer subnet they take the addresses
 * Services claim, and special-purpose subnets (firewall, Bastion, gateway, Application Gateway, AGC,
 * API server) are reserved for their service.
 */
export default defineRule({
  meta: {
    id: 'address/private-endpoint-placement',
    title: 'Private endpoints live in their own subnet, not in node, pod, ILB or special-purpose subnets',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'security', 'operational-excellence'],
    waf: ['RE:03', 'SE:04', 'OE:05'],
    rationale:
      'A private endpoint takes one address per endpoint (more for some services) from its subnet. In a node or pod ' +
      'subnet that address is missing when the cluster scales or surges during an upgrade, and NSG and route rules ' +
      'written for nodes also apply to the endpoint; in an internal load balancer subnet it competes with Service ' +
      'IPs; special-purpose subnets are reserved for their own service. A dedicated private endpoint subnet keeps ' +
      'address planning and policy separate.',
    fix: "Move the endpoint to a dedicated subnet (purpose: 'private-endpoints') sized for every endpoint you plan.",
    example:
      "privateEndpoint({ name: 'pe-kv', subnet: subnet({ name: 'snet-pe', cidr: '10.1.8.0/27', purpose: 'private-endpoints' }), " +
      "target: { kind: 'paas', name: 'kv-app', service: 'keyVault' } });",
    references: [
      { title: 'What is a private endpoint? (network interface, addresses, NSG and UDR support)', url: 'https://learn.microsoft.com/azure/private-link/private-endpoint-overview' },
      { title: 'AKS baseline architecture: subnets', url: 'https://learn.microsoft.com/azure/architecture/reference-architectures/containers/aks/baseline-aks' },
    ],
    messages: {
      nodes:
        'private endpoint {{endpoint}} sits in {{what}} ({{subnet}}): it takes addresses the cluster needs to scale and ' +
        'upgrade, and node NSG and route rules apply to it; use a dedicated private endpoint subnet',
      pods: 'private endpoint {{endpoint}} sits in {{what}} ({{subnet}}), whose addresses belong to pods; use a dedicated private endpoint subnet',
      ilb:
        'private endpoint {{endpoint}} sits in {{what}} ({{subnet}}), where it competes with Service addresses; use a ' +
        'dedicated private endpoint subnet',
      special: 'private endpoint {{endpoint}} sits in {{what}} ({{subnet}}), which is reserved for that service; use a dedicated private endpoint subnet',
    },
  },
  check(ctx) {
    const seen = new Set<Id>();
    for (const pe of ctx.q.all('privateEndpoint')) {
      if (seen.has(pe.id)) continue;
      seen.add(pe.id);
      const s = ctx.q.getAs(pe.subnet, 'subnet');
      if (!s) continue;
      const where = placementOf(ctx, s);
      if (!where) continue;
      ctx.report({
        element: pe.id,
        reads: ['subnet'],
        dependsOn: placementBasis(ctx, s),
        property: 'subnet',
        messageId: where.kind,
        data: { endpoint: pe.name, what: where.what, subnet: s.name },
        evidence: { endpoint: pe.name, subnet: s.name, placement: where.kind },
      });
    }
  },
});
