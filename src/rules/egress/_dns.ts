/** Which VNet's Azure-provided DNS answers for a VNet: the basis of every private DNS zone link check (model/private-dns.ts). */
export { resolvingVnet, vnetHolding } from '../../model/private-dns.js';
