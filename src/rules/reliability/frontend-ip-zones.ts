import type { Id, LoadBalancerResource, PublicIpResource } from '../../model/types.js';
import { zoneSupport } from '../../model/data/regions.js';
import { defineRule, type Dependency, type RuleContext } from '../../validate/rule.js';
import { zonesText } from '../egress/_egress.js';

/** One frontend address to judge: a load balancer's frontend or an Application Gateway's public IP. */
interface Frontend {
  part: LoadBalancerResource | PublicIpResource;
  what: string;
  region: string | undefined;
  serves: string;
  /** The fields of `part` the verdict reads. */
  reads: string[];
  /** What places it and gives its region: its VNet or cluster, the gateway it fronts. */
  dependsOn: Dependency[];
}

function frontends(ctx: RuleContext): Frontend[] {
  const { q } = ctx;
  const out: Frontend[] = [];
  for (const lb of q.all('loadBalancer')) {
    // Basic load balancers have no zones at all; lifecycle/basic-load-balancer judges them.
    if (lb.sku !== 'Standard') continue;
    // The cluster's outbound load balancer and its public IPs are AKS's: the design cannot say which zones they use.
    if (lb.managedByAks) continue;
    const cluster = q.getAs(lb.cluster, 'cluster');
    const region = q.vnetOf(lb.subnet)?.region ?? cluster?.region;
    const what = `${lb.visibility === 'internal' ? 'Internal' : 'Public'} load balancer ${lb.name}`;
    const vnet = q.vnetOf(lb.subnet);
    const dependsOn: Dependency[] = vnet ? [{ element: vnet.id, reads: ['region'] }] : cluster ? [{ element: cluster.id, reads: ['region'] }] : [];
    const reads = ['sku', 'visibility', 'cluster', 'subnet', 'zones'];
    out.push({ part: lb, what, region, serves: cluster ? ` (cluster ${cluster.name})` : '', reads, dependsOn });
  }
  const seen = new Set<Id>();
  for (const g of q.all('applicationGateway')) {
    const ip = q.getAs(g.publicIp, 'publicIp');
    if (!ip || seen.has(ip.id) || ip.sku === 'Basic') continue;
    seen.add(ip.id);
    const region = q.vnetOf(g.subnet)?.region;
    const vnet = q.vnetOf(g.subnet);
    const dependsOn: Dependency[] = [{ element: g.id, reads: ['publicIp', 'subnet'] }, ...(vnet ? [{ element: vnet.id, reads: ['region'] }] : [])];
    out.push({ part: ip, what: `Public IP ${ip.name}`, region, serves: ` (frontend of Application Gateway ${g.name})`, reads: ['sku', 'zones'], dependsOn });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'reliability/frontend-ip-zones',
    title: 'Load balancer frontends and gateway public IPs are zone-redundant',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability'],
    waf: ['RE:05'],
    rationale:
      'A Standard load balancer frontend or public IP created without zones is non-zonal, and one created in a single ' +
      'zone is zonal: it goes down with that zone even when the backends are spread across zones. Only a frontend ' +
      'created with several zones is zone-redundant, and the zones cannot be changed after creation.',
    fix: 'Create the frontend (load balancer or public IP) with zones: [1, 2, 3].',
    example: "loadBalancer({ name: 'ilb-ingress', visibility: 'internal', subnet: nodes, cluster: aks, zones: [1, 2, 3] });",
    references: [
      { title: 'Load Balancer and availability zones', url: 'https://learn.microsoft.com/azure/load-balancer/load-balancer-standard-availability-zones' },
      { title: 'Public IP addresses (availability zones)', url: 'https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses' },
      { title: 'Create a public IP address with a template (zone-redundant and zonal)', url: 'https://learn.microsoft.com/azure/virtual-network/ip-services/create-public-ip-template' },
    ],
    messages: {
      notZoneRedundant:
        '{{what}}{{serves}} in {{region}} has {{zones}}, so {{fails}}; create it with zones [1, 2, 3]',
      unknownRegion:
        "{{what}} has {{zones}} and its region {{region}} is not in aksnet's region table, so whether the region " +
        'offers availability zones is unknown; if it does, create it zone-redundant',
    },
  },
  check(ctx) {
    for (const f of frontends(ctx)) {
      const { part, region } = f;
      const support = zoneSupport(region);
      if (!region || support === 'non-zonal') continue;
      if (part.zones === undefined) {
        ctx.unverified({ element: part.id, property: 'zones', check: `${f.what} survives the loss of a zone in ${region}`, reads: f.reads });
        continue;
      }
      if (part.zones.length >= 2) continue;
      const evidence = { part: part.name, zones: part.zones.length, region };
      if (support === 'unknown') {
        ctx.report({
          messageId: 'unknownRegion',
          severity: 'info',
          data: { what: f.what, zones: zonesText(part.zones), region },
          element: part.id,
          property: 'zones',
          reads: f.reads,
          dependsOn: f.dependsOn,
          evidence,
        });
        continue;
      }
      const fails = part.zones.length === 0
        ? 'it is non-zonal and an outage of the zone it lands in takes it down'
        : `it is zonal and goes down with zone ${part.zones[0]}`;
      ctx.report({
        messageId: 'notZoneRedundant',
        data: { what: f.what, serves: f.serves, region, zones: zonesText(part.zones), fails },
        element: part.id,
        property: 'zones',
        reads: f.reads,
        dependsOn: f.dependsOn,
        evidence,
      });
    }
  },
});
