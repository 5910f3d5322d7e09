import { isIpv4 } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'structure/ip-malformed',
    title: 'Every private IP address is a valid IPv4 address',
    severity: 'error',
    kind: 'structure',
    pillars: ['operational-excellence'],
    waf: ['OE:05'],
    rationale:
      'A private IP such as 10.0.0.256 does not exist, and aksnet models IPv4 networks only, so an IPv6 address cannot be placed in any subnet. Route next hops, placement and conflict checks cannot use an address that does not parse.',
    fix: 'Write the address as four decimal numbers from 0 to 255 without leading zeros, e.g. `10.0.0.4`.',
    references: [{ title: 'Private IP addresses in Azure', url: 'https://learn.microsoft.com/azure/virtual-network/ip-services/private-ip-addresses' }],
    messages: { malformed: 'private IP "{{ip}}" of {{resource}} is {{why}}' },
  },
  check(ctx) {
    for (const r of ctx.model.resources) {
      if (r.kind !== 'azureFirewall' && r.kind !== 'nva' && r.kind !== 'applicationGateway' && r.kind !== 'loadBalancer') continue;
      const ip: unknown = r.privateIp;
      if (ip === undefined || isIpv4(ip)) continue;
      const why = typeof ip === 'string' && ip.includes(':') ? 'an IPv6 address (aksnet models IPv4 networks)' : 'not a valid IPv4 address';
      ctx.report({ messageId: 'malformed', data: { ip: String(ip), resource: r.name, why }, element: r.id, property: 'privateIp', reads: ['privateIp'] });
    }
  },
});
