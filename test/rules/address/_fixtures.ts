/** Fixture variants shared by the address tests. */
import { appGatewayForContainers, hybridConnection, onPremises, subnet, vnetGateway } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { mutable } from '../../helpers/mutable.js';

/** The baseline plus a GatewaySubnet in the hub, a VPN gateway and an on-premises site connected to it. */
export function withOnPrem(onPremCidrs: string[] = ['192.168.100.0/22'], connected = true) {
  const b = baseline();
  mutable(b.hub.addressSpace).push('10.0.4.0/24');
  const gwSubnet = subnet({ name: 'GatewaySubnet', cidr: '10.0.4.0/27', purpose: 'gateway' });
  mutable(b.hub.subnets).push(gwSubnet);
  const gw = vnetGateway({ name: 'vpngw-hub', type: 'vpn', subnet: gwSubnet, sku: 'VpnGw2AZ' });
  const dc = onPremises({ name: 'dc-frankfurt', addressSpace: onPremCidrs });
  b.arch.network.onPremises = [dc];
  b.arch.network.gateways = [gw];
  if (connected) b.arch.network.hybridConnections = [hybridConnection({ name: 'vpn-frankfurt', gateway: gw, remote: dc })];
  return { ...b, gwSubnet, gw, dc };
}

/** The baseline with an Application Gateway for Containers in a new spoke subnet as the only ingress hop. */
export function withAgc(cidr: string, delegation?: string) {
  const b = baseline();
  const s = subnet({ name: 'snet-agc', cidr, purpose: 'agc', ...(delegation ? { delegation } : {}) });
  mutable(b.spoke.subnets).push(s);
  const agc = appGatewayForContainers({ name: 'agc-web', deployment: 'managed', api: 'gateway-api', subnet: s, frontend: 'public' });
  b.arch.ingress![0]!.hops = [{ via: agc, protocol: 'https', port: 443, tls: 'reencrypt' }];
  return b;
}
