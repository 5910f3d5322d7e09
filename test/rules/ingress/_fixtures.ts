/** Ingress fixture variants shared by the ingress rule tests. */
import { frontDoor, loadBalancer, privateLinkService, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { mutable } from '../../helpers/mutable.js';

/** Baseline plus a Front Door → Private Link service → internal LB → controller path named "global". */
export function withFrontDoor(sku: 'Standard' | 'Premium' | 'Classic' = 'Premium') {
  const b = baseline();
  const plsSubnet = subnet({ name: 'snet-pls', cidr: '10.1.5.0/28', purpose: 'private-link-service' });
  mutable(b.spoke.subnets).push(plsSubnet);
  const fd = frontDoor({ name: 'afd-global', sku, waf: { mode: 'Prevention', managedRules: true } });
  const ilb = loadBalancer({ name: 'ilb-pls', visibility: 'internal', subnet: b.nodes, cluster: b.aks });
  const pls = privateLinkService({ name: 'pls-ingress', subnet: plsSubnet, loadBalancer: ilb });
  mutable(b.arch.ingress!).push({
    kind: 'ingressPath',
    name: 'global',
    from: { kind: 'internet' },
    hops: [
      { via: fd, protocol: 'https', port: 443, tls: 'reencrypt' },
      { via: pls, protocol: 'https', port: 443, tls: 'passthrough' },
      { via: ilb, protocol: 'https', port: 443, tls: 'passthrough' },
      { via: b.ic, protocol: 'https', port: 443, tls: 'reencrypt' },
    ],
    to: { cluster: b.aks, namespace: 'web', service: 'web', protocol: 'https', port: 8443 },
  });
  return { ...b, fd, pls, plsIlb: ilb, plsSubnet };
}
