import { cidr, contains } from '../../model/cidr.js';
import { snatAllowList } from '../../model/snat.js';
import { defineRule } from '../../validate/rule.js';
import { authorizedRanges, restricts } from './_api.js';
import type { ModelQuery } from '../../model/query.js';
import type { Id } from '../../model/types.js';

/**
 * The elements a cluster's egress addresses rest on, besides the cluster: its pools, every element on its ways out
 * (node and pod paths), the subnets and route tables of their default routes, the devices of the outbound type and
 * the NAT gateway behind a firewall.
 */
function egressElements(q: ModelQuery, cluster: Id): Id[] {
  const path = q.egressPathOf(cluster);
  const ids = [
    ...q.pools(cluster).map((p) => p.id),
    ...(path?.hops ?? []),
    ...(path?.nextHop ? [path.nextHop] : []),
    ...(path?.outboundDevice ? [path.outboundDevice] : []),
    ...(path?.defaultRoutes ?? []).flatMap((r) => [r.subnet, ...(r.routeTable ? [r.routeTable] : [])]),
    ...(path?.podEgress ?? []).flatMap((pe) => [...pe.hops, ...pe.subnets, ...(pe.nextHop ? [pe.nextHop] : [])]),
  ];
  const dev = q.get(path?.nextHop);
  if (dev?.kind === 'azureFirewall' && dev.natGateway) ids.push(dev.natGateway);
  // Not the cluster (its reads say which of its fields), and only declared elements (`internet` is none).
  return [...new Set(ids)].filter((id) => id !== cluster && q.get(id) !== undefined);
}

export default defineRule({
  meta: {
    id: 'control-plane/authorized-ranges-egress-ips',
    title: 'Authorized IP ranges include the cluster’s own egress IPs when egress leaves through a firewall or NAT gateway',
    severity: 'warning',
    kind: 'best-practice',
    pillars: ['reliability', 'security'],
    waf: ['SE:06', 'RE:02'],
    rationale:
      'Nodes talk to a public API server through its public endpoint. AKS adds the load balancer outbound IP to the authorized ranges automatically, but when egress goes through a firewall, NVA or NAT gateway their public IPs must be authorized explicitly or nodes lose the control plane. When the design declares those addresses (publicIpAddresses) they are checked; otherwise the rule reminds at info level.',
    fix: 'Add the public IPs (or prefix) of the egress firewall / NAT gateway to apiServer.authorizedIpRanges, record them in publicIpAddresses, and keep both in sync when IPs are added.',
    example: `const nat = natGateway({ name: 'ng-aks', publicIpPrefixLength: 31, publicIpAddresses: ['20.96.14.38/31'] });
apiServer: { mode: 'public', authorizedIpRanges: ['20.96.14.38/31', '203.0.113.0/28'] }`,
    references: [
      { title: 'Secure access to the API server using authorized IP address ranges', url: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges' },
      { title: 'Limit AKS egress traffic', url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic' },
    ],
    messages: {
      egressNotAuthorized:
        '{{cluster}} egresses through {{device}} from {{missing}}, which {{verb}} not among its {{ranges}} ' +
        'authorized IP ranges; nodes would lose the API server',
      egressUnknown:
        '{{cluster}} egresses through {{device}} ({{ips}} public IP{{plural}}, addresses not declared); make sure ' +
        'they are among the {{ranges}} authorized IP ranges, or nodes lose the API server',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      // With VNet integration nodes reach the API server on its internal address.
      if (c.apiServer.mode !== 'public') continue;
      const ranges = authorizedRanges(c);
      if (!restricts(ranges)) continue;
      // The effective egress path decides which public addresses nodes come from (a firewall route
      // bypasses the load balancer AKS would have authorized automatically).
      const path = q.egressPathOf(c.id);
      let device: string | undefined;
      let ips = 0;
      let declared: string[] | undefined;
      if (path?.via === 'appliance') {
        const dev = q.get(path.nextHop);
        if (dev?.kind === 'azureFirewall' || dev?.kind === 'nva') {
          const nat = dev.kind === 'azureFirewall' ? q.getAs(dev.natGateway, 'natGateway') : undefined;
          device = nat ? `NAT gateway ${nat.name} behind ${dev.name}` : `${dev.kind === 'azureFirewall' ? 'firewall' : 'NVA'} ${dev.name}`;
          ips = nat ? nat.publicAddressCount : dev.publicIps;
          declared = nat ? nat.publicIpAddresses : dev.publicIpAddresses;
        }
      } else if (path?.via === 'natGateway') {
        const nat = q.getAs(path.hops.find((h) => q.getAs(h, 'natGateway')), 'natGateway');
        if (nat && (c.outbound.type === 'managedNATGateway' || c.outbound.type === 'managedNATGatewayV2') && nat.id === path.outboundDevice) {
          device = 'the managed NAT gateway';
          ips = c.outbound.outboundIps;
        } else if (nat) {
          device = `NAT gateway ${nat.name}`;
          ips = nat.publicAddressCount;
          declared = nat.publicIpAddresses;
        }
      }
      if (!device) continue;
      // The count a reader must authorize is the SNAT allow-list the egress view and narrative give (one
      // function, so the three never disagree); the device's own count is the fallback for a path it skips.
      const allow = snatAllowList(q.model, [c.id]);
      if (allow.sources.length > 0) ips = allow.total;
      // The API server's mode and ranges, and the egress path: the outbound settings, the pools (their subnets, and
      // node public IPs and counts for the SNAT allow-list), every hop and the device whose addresses leave.
      const at = {
        element: c.id,
        reads: ['name', 'apiServer', 'outbound', 'network', 'nodePools'],
        dependsOn: egressElements(q, c.id),
        property: 'apiServer.authorizedIpRanges',
      };
      if (declared && declared.length > 0) {
        const allowed = ranges.map(cidr).filter((r) => r !== undefined);
        const missing = declared.filter((ip) => {
          const r = cidr(ip.includes('/') ? ip : `${ip}/32`);
          return r !== undefined && !allowed.some((x) => contains(x, r));
        });
        if (missing.length === 0) continue;
        ctx.report({
          ...at,
          messageId: 'egressNotAuthorized',
          data: {
            cluster: c.name,
            device,
            missing: missing.join(', '),
            verb: missing.length === 1 ? 'is' : 'are',
            ranges: ranges.length,
          },
          evidence: { device, missing: missing.join(', '), ranges: ranges.length },
        });
        continue;
      }
      ctx.report({
        ...at,
        severity: 'info',
        messageId: 'egressUnknown',
        data: { cluster: c.name, device, ips, plural: ips === 1 ? '' : 's', ranges: ranges.length },
        evidence: { device, publicIps: ips, ranges: ranges.length },
      });
    }
  },
});
