import { defineRule } from '../../validate/rule.js';
import { authorizedRanges, restricts } from './_api.js';

export default defineRule({
  meta: {
    id: 'control-plane/authorized-ranges-egress-ips',
    title: 'Authorized IP ranges include the cluster’s own egress IPs when egress leaves through a firewall or NAT gateway',
    severity: 'info',
    kind: 'best-practice',
    pillars: ['reliability', 'security'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'Nodes talk to a public API server through the public endpoint. AKS adds the load balancer outbound IP automatically, but when egress goes through a firewall, NVA or NAT gateway those public IPs must be in the authorized ranges or nodes lose the control plane. The design does not record those addresses, so this cannot be verified here.',
    fix: 'Add the public IPs (or prefix) of the egress firewall / NAT gateway to apiServer.authorizedIpRanges, and keep them in sync when IPs are added.',
    example: `apiServer: { mode: 'public', authorizedIpRanges: ['20.50.60.0/30' /* firewall egress prefix */, '203.0.113.0/28'] }`,
    references: [
      { title: 'Secure access to the API server using authorized IP address ranges', url: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges' },
      { title: 'Limit AKS egress traffic', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
    ],
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      // With VNet integration nodes reach the API server on its internal address.
      if (c.apiServer.mode !== 'public') continue;
      const ranges = authorizedRanges(c);
      if (!restricts(ranges)) continue;
      const o = c.outbound;
      let device: string | undefined;
      let ips = 0;
      if (o.type === 'userDefinedRouting') {
        const dev = q.get(o.via);
        if (dev?.kind === 'azureFirewall' || dev?.kind === 'nva') {
          const nat = dev.kind === 'azureFirewall' ? q.getAs(dev.natGateway, 'natGateway') : undefined;
          device = nat ? `NAT gateway ${nat.name} behind ${dev.name}` : `${dev.kind === 'azureFirewall' ? 'firewall' : 'NVA'} ${dev.name}`;
          ips = nat ? nat.publicAddressCount : dev.publicIps;
        }
      } else if (o.type === 'userAssignedNATGateway') {
        const nat = q.getAs(o.natGateway, 'natGateway');
        if (nat) (device = `NAT gateway ${nat.name}`), (ips = nat.publicAddressCount);
      } else if (o.type === 'managedNATGateway') {
        device = 'the managed NAT gateway';
        ips = o.outboundIps;
      }
      if (!device) continue;
      ctx.report({
        message: `${c.name} egresses through ${device} (${ips} public IP${ips === 1 ? '' : 's'}); make sure its addresses are among the ${ranges.length} authorized IP ranges, or nodes lose the API server`,
        element: c.id,
        property: 'apiServer.authorizedIpRanges',
        evidence: { device, publicIps: ips, ranges: ranges.length },
      });
    }
  },
});
