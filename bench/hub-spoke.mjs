// Generates hub-spoke designs with n spokes for the bench: a hub with firewall, Bastion and a VPN
// gateway to on-premises; each spoke has an AKS cluster (two pools), an Application Gateway, an
// internal LB + ingress controller, private endpoints to Key Vault and ACR, and egress through the
// hub firewall.
import * as d from '../dist/dsl/index.js';

export function hubSpoke(n) {
  const fwSubnet = d.subnet({ name: 'AzureFirewallSubnet', cidr: '10.0.0.0/26', purpose: 'firewall' });
  const basSubnet = d.subnet({ name: 'AzureBastionSubnet', cidr: '10.0.0.64/26', purpose: 'bastion' });
  const gwSubnet = d.subnet({ name: 'GatewaySubnet', cidr: '10.0.1.0/27', purpose: 'gateway' });
  const hub = d.vnet({ name: 'vnet-hub', region: 'westeurope', role: 'hub', addressSpace: ['10.0.0.0/22'], subnets: [fwSubnet, basSubnet, gwSubnet] });
  const firewall = d.azureFirewall({ name: 'afw-hub', tier: 'Premium', subnet: fwSubnet, privateIp: '10.0.0.4', publicIps: 4, dnsProxy: true, aksFqdnTag: true, zones: [1, 2, 3], threatIntel: 'Deny' });
  const bas = d.bastion({ name: 'bas-hub', subnet: basSubnet, sku: 'Standard' });
  const gw = d.vnetGateway({ name: 'vpngw-hub', type: 'vpn', subnet: gwSubnet });
  const dc = d.onPremises({ name: 'dc-amsterdam', addressSpace: ['192.168.0.0/16'] });
  const vpn = d.hybridConnection({ name: 'vpn-amsterdam', gateway: gw, remote: dc });
  const rt = d.routeTable({ name: 'rt-egress', bgpRoutePropagation: false, routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: firewall }] });
  const kvZone = d.privateDnsZone({ name: 'privatelink.vaultcore.azure.net', links: [hub] });
  const vnets = [hub];
  const peerings = [];
  const clusters = [];
  const ingress = [];
  const pes = [];
  const gws = [];
  for (let i = 1; i <= n; i++) {
    const b = `10.${i + 10}`;
    const nodes = d.subnet({ name: 'snet-nodes', cidr: `${b}.0.0/22`, purpose: 'aks-nodes', routeTable: rt, defaultOutboundAccess: false });
    const agw = d.subnet({ name: 'snet-appgw', cidr: `${b}.4.0/24`, purpose: 'application-gateway' });
    const ing = d.subnet({ name: 'snet-ingress', cidr: `${b}.5.0/28`, purpose: 'ingress', routeTable: rt });
    const pe = d.subnet({ name: 'snet-pe', cidr: `${b}.6.0/27`, purpose: 'private-endpoints' });
    const spoke = d.vnet({ name: `vnet-spoke-${i}`, region: 'westeurope', role: 'spoke', addressSpace: [`${b}.0.0/16`], subnets: [nodes, agw, ing, pe] });
    vnets.push(spoke);
    peerings.push(d.peering({ from: hub, to: spoke, allowForwardedTraffic: true }));
    const kv = d.paas({ name: `kv-spoke-${i}`, service: 'keyVault', publicNetworkAccess: false });
    const kvPe = d.privateEndpoint({ name: `pe-kv-${i}`, subnet: pe, target: kv, dnsZone: kvZone });
    pes.push(kvPe);
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
      egressDestinations: [
        { name: 'Key Vault', privateEndpoint: kvPe, category: 'azure-paas' },
        { name: 'Partner API', fqdn: `api.partner${i}.example`, port: 443, protocol: 'https', category: 'partner' },
      ],
    });
    clusters.push(aks);
    const appGw = d.applicationGateway({ name: `agw-${i}`, sku: 'WAF_v2', subnet: agw, frontend: 'public', management: 'standalone', waf: { mode: 'Prevention', managedRules: true }, zones: [1, 2, 3], minCapacity: 2, maxCapacity: 10 });
    gws.push(appGw);
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
    metadata: { title: `Generated hub-spoke, ${n} spoke${n === 1 ? '' : 's'}`, version: '1.0.0', owner: 'bench', status: 'draft', date: '2026-11-23' },
    network: {
      vnets,
      peerings,
      privateDnsZones: [kvZone],
      privateEndpoints: pes,
      firewalls: [firewall],
      bastions: [bas],
      gateways: [gw],
      onPremises: [dc],
      hybridConnections: [vpn],
    },
    clusters,
    ingress,
  });
}
