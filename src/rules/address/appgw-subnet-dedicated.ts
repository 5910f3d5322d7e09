import type { AppGatewayResource, Id, NodePoolResource, Resource } from '../../model/types.js';
import { defineRule, type Dependency } from '../../validate/rule.js';

/** How an occupant reads in the message. */
const LABEL: Partial<Record<Resource['kind'], string>> = {
  privateEndpoint: 'private endpoint',
  loadBalancer: 'load balancer',
  privateLinkService: 'Private Link service',
  azureFirewall: 'Azure Firewall',
  nva: 'network virtual appliance',
  jumpBox: 'jump box',
  bastion: 'Bastion',
  vnetGateway: 'virtual network gateway',
  agc: 'App Gateway for Containers',
  apiManagement: 'API Management',
  buildAgents: 'build agents',
};

/**
 * Everything the model places in a subnet that is not an Application Gateway, in model order, and the fields that
 * place each there (`basis`): a pool's subnets with its cluster's CNI (a pod subnet is kept only for the CNIs that use
 * one), an API server's cluster's apiServer and pools (a private one sits in the first pool's subnet), another part's
 * subnet.
 */
function nonGatewayOccupants(
  all: readonly Resource[],
  pools: Array<{ cluster: string; pool: NodePoolResource }>,
  subnetId: Id,
): { users: string[]; basis: Dependency[] } {
  const users: string[] = [];
  const basis: Dependency[] = [];
  for (const { cluster, pool } of pools) {
    const before = users.length;
    if (pool.subnet === subnetId) users.push(`node pool ${cluster}/${pool.name}`);
    if (pool.podSubnet === subnetId) users.push(`pods of ${cluster}/${pool.name}`);
    if (users.length > before) basis.push({ element: pool.id, reads: ['subnet', 'podSubnet'] }, { element: pool.cluster, reads: ['network.cni'] });
  }
  for (const r of all) {
    if (r.kind === 'applicationGateway' || r.kind === 'subnet' || r.kind === 'nodePool') continue;
    if ((r as Resource & { subnet?: unknown }).subnet !== subnetId) continue;
    // An API server endpoint is named for its cluster already ("aks-prod API server").
    users.push(r.kind === 'apiServer' ? r.name : `${LABEL[r.kind] ?? r.kind} ${r.name}`);
    basis.push(r.kind === 'apiServer' ? { element: r.cluster, reads: ['apiServer', 'nodePools'] } : { element: r.id, reads: ['subnet'] });
  }
  return { users, basis };
}

export default defineRule({
  meta: {
    id: 'address/appgw-subnet-dedicated',
    title: 'The Application Gateway subnet holds nothing but Application Gateways',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['reliability', 'security'],
    waf: ['RE:03', 'SE:04'],
    rationale:
      'Azure requires a subnet of its own for Application Gateway: several gateways may share it (all v1 or all v2, never both), but no other resource can be deployed in it. Node pools, pods, load balancer frontends, private endpoints or appliances placed there fail to deploy (or block the gateway from deploying), and the subnet’s NSG and route rules, which the gateway constrains, would apply to them as well.',
    fix: 'Give the Application Gateway a subnet of its own (a /24 is recommended for v2), move every other resource to another subnet, and keep v1 and v2 gateways in separate subnets.',
    example: `const agwSubnet = subnet({ name: 'snet-appgw', cidr: '10.240.4.0/24', purpose: 'application-gateway' });
const nodes = subnet({ name: 'snet-aks-nodes', cidr: '10.240.0.0/22' });`,
    references: [
      {
        title: 'Application Gateway infrastructure configuration: virtual network and dedicated subnet',
        url: 'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure',
      },
    ],
    messages: {
      shared:
        'Application Gateway subnet {{subnet}} ({{cidr}}) of {{gateways}} also holds {{users}}; no other resource can be ' +
        'deployed in an Application Gateway subnet',
      mixedTiers:
        'Application Gateway subnet {{subnet}} holds v1 gateways ({{v1}}) and v2 gateways ({{v2}}); v1 and v2 gateways ' +
        'cannot share a subnet',
    },
  },
  check(ctx) {
    const { q } = ctx;
    const pools = q.all('cluster').flatMap((c) => q.pools(c.id).map((pool) => ({ cluster: c.name, pool })));
    const gatewaysBySubnet = new Map<Id, AppGatewayResource[]>();
    for (const g of q.all('applicationGateway')) {
      if (!q.getAs(g.subnet, 'subnet')) continue;
      const list = gatewaysBySubnet.get(g.subnet) ?? [];
      list.push(g);
      gatewaysBySubnet.set(g.subnet, list);
    }
    for (const [sid, list] of gatewaysBySubnet) {
      const s = q.getAs(sid, 'subnet')!;
      const gateways = list.map((g) => g.name);
      const v2 = list.filter((g) => g.sku === 'Standard_v2' || g.sku === 'WAF_v2');
      const v1 = list.filter((g) => !v2.includes(g));
      if (v1.length && v2.length) {
        ctx.report({
          messageId: 'mixedTiers',
          data: { subnet: s.name, v1: v1.map((g) => `${g.name} (${g.sku})`).join(', '), v2: v2.map((g) => `${g.name} (${g.sku})`).join(', ') },
          element: s.id,
          reads: ['name'],
          dependsOn: list.map((g) => ({ element: g.id, reads: ['sku', 'subnet'] })),
          evidence: { subnet: s.name, v1: v1.length, v2: v2.length },
        });
      }
      const { users, basis } = nonGatewayOccupants(q.model.resources, pools, sid);
      if (users.length === 0) continue;
      ctx.report({
        messageId: 'shared',
        data: { subnet: s.name, cidr: s.cidr, gateways: gateways.join(', '), users: users.join(', ') },
        element: s.id,
        reads: ['name', 'cidr'],
        dependsOn: [...list.map((g) => ({ element: g.id, reads: ['subnet'] })), ...basis],
        evidence: { subnet: s.name, gateways: gateways.length, otherUses: users.length },
      });
    }
  },
});
