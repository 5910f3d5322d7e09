// Generated designs for the scale bench (issue #15): the hub-spoke design of hub-spoke.mjs with an
// addressing scheme that holds thousands of spokes (spoke i owns a /20 of 10.0.0.0/8), and a single
// VNet with many subnets. Both are valid designs, so every rule runs over the whole of them.
import * as d from '../dist/dsl/index.js';

/** Dotted quad of an unsigned 32-bit number. */
const ip = (n) => `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
const TEN = 10 * 2 ** 24;

export function manySpokes(n) {
  const fwSubnet = d.subnet({ name: 'AzureFirewallSubnet', cidr: '10.0.0.0/26', purpose: 'firewall' });
  const basSubnet = d.subnet({ name: 'AzureBastionSubnet', cidr: '10.0.0.64/26', purpose: 'bastion' });
  const hub = d.vnet({ name: 'vnet-hub', region: 'westeurope', role: 'hub', addressSpace: ['10.0.0.0/22'], subnets: [fwSubnet, basSubnet] });
  const firewall = d.azureFirewall({ name: 'afw-hub', tier: 'Premium', subnet: fwSubnet, privateIp: '10.0.0.4', publicIps: 4, dnsProxy: true, aksFqdnTag: true, zones: [1, 2, 3], threatIntel: 'Deny' });
  const bas = d.bastion({ name: 'bas-hub', subnet: basSubnet, sku: 'Standard' });
  const rt = d.routeTable({ name: 'rt-egress', bgpRoutePropagation: false, routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: firewall }] });
  const vnets = [hub];
  const peerings = [];
  const clusters = [];
  const ingress = [];
  for (let i = 1; i <= n; i++) {
    const base = TEN + i * 4096;
    const nodes = d.subnet({ name: 'snet-nodes', cidr: `${ip(base)}/22`, purpose: 'aks-nodes', routeTable: rt, defaultOutboundAccess: false });
    const agw = d.subnet({ name: 'snet-appgw', cidr: `${ip(base + 1024)}/24`, purpose: 'application-gateway' });
    const ing = d.subnet({ name: 'snet-ingress', cidr: `${ip(base + 1280)}/28`, purpose: 'ingress', routeTable: rt });
    const spoke = d.vnet({ name: `vnet-spoke-${i}`, region: 'westeurope', role: 'spoke', addressSpace: [`${ip(base)}/20`], subnets: [nodes, agw, ing] });
    vnets.push(spoke);
    peerings.push(d.peering({ from: hub, to: spoke, allowForwardedTraffic: true }));
    const aks = d.cluster({
      name: `aks-${i}`,
      region: 'westeurope',
      network: { cni: 'azure-overlay', dataplane: 'cilium', podCidr: '192.168.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10', networkPolicy: 'cilium' },
      nodePools: [
        d.nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 5, zones: [1, 2, 3], subnet: nodes }),
        d.nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D8ds_v5', minCount: 3, maxCount: 20, zones: [1, 2, 3], subnet: nodes }),
      ],
      apiServer: { mode: 'private', privateDnsZone: 'system', publicFqdn: false },
      controlPlaneAccess: [{ kind: 'admins', via: bas }],
      outbound: { type: 'userDefinedRouting', via: firewall },
    });
    clusters.push(aks);
    const appGw = d.applicationGateway({ name: `agw-${i}`, sku: 'WAF_v2', subnet: agw, frontend: 'public', management: 'standalone', waf: { mode: 'Prevention', managedRules: true }, zones: [1, 2, 3], minCapacity: 2, maxCapacity: 10 });
    const ilb = d.loadBalancer({ name: `ilb-${i}`, visibility: 'internal', subnet: ing, cluster: aks, zones: [1, 2, 3] });
    const ic = d.ingressController({ name: `nginx-${i}`, type: 'nginx', cluster: aks, replicas: 3, zoneSpread: true });
    ingress.push(
      d.ingressPath({
        name: `app-${i}`,
        from: { kind: 'internet', label: `Users ${i}` },
        hops: [
          { via: appGw, protocol: 'https', port: 443, tls: 'reencrypt' },
          { via: ilb, protocol: 'https', port: 443, tls: 'passthrough' },
          { via: ic, protocol: 'https', port: 443, tls: 'reencrypt' },
        ],
        to: { cluster: aks, namespace: 'app', service: 'web', protocol: 'https', port: 8443 },
      }),
    );
  }
  return d.defineArchitecture({
    metadata: { title: `Generated hub-spoke, ${n} spokes`, owner: 'bench', status: 'draft', date: '2026-11-23' },
    network: { vnets, peerings, firewalls: [firewall], bastions: [bas] },
    clusters,
    ingress,
  });
}

/** One VNet (10.0.0.0/8) with n /28 subnets. */
export function manySubnets(n) {
  const subnets = [];
  for (let i = 0; i < n; i++) subnets.push(d.subnet({ name: `snet-${i}`, cidr: `${ip(TEN + i * 16)}/28` }));
  const v = d.vnet({ name: 'vnet-big', region: 'westeurope', addressSpace: ['10.0.0.0/8'], subnets });
  return d.defineArchitecture({ metadata: { title: `Generated VNet, ${n} subnets`, status: 'draft', date: '2026-11-23' }, network: { vnets: [v] }, clusters: [] });
}
