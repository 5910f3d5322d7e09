import { parseCidr } from '../../model/cidr.js';
import { defineRule } from '../../validate/rule.js';

export default defineRule({
  meta: {
    id: 'structure/cidr-malformed',
    title: 'Every CIDR is a valid IPv4 network address and prefix',
    severity: 'error',
    kind: 'structure',
    pillars: ['operational-excellence', 'reliability'],
    waf: ['OE:05', 'RE:03'],
    rationale:
      'Azure rejects address prefixes that are not valid IPv4 CIDRs, and a prefix with host bits set (10.0.0.1/24) is refused with InvalidCIDRNotation. Capacity and overlap checks cannot run on a range that does not parse.',
    fix: 'Write the network address with its prefix length, e.g. `10.240.0.0/22`.',
    references: [{ title: 'Add, change, or delete a virtual network subnet', url: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet' }],
    messages: { malformed: '{{what}}: {{error}}' },
  },
  check(ctx) {
    const bad = (text: string, what: string, element: string, path: string): void => {
      const r = parseCidr(text);
      if (r.ok) return;
      // The verdict reads this one value: another field of the element stated wrongly does not hold it back.
      const own = ctx.q.get(element)?.source.path;
      const reads = own && path.startsWith(`${own}.`) ? [path.slice(own.length + 1)] : undefined;
      ctx.report({ messageId: 'malformed', data: { what, error: r.error }, element, path, ...(reads ? { reads } : {}) });
    };
    for (const v of ctx.q.all('vnet')) {
      v.addressSpace.forEach((a, i) => bad(a, `address space of ${v.name}`, v.id, `${v.source.path}.addressSpace[${i}]`));
    }
    for (const s of ctx.q.all('subnet')) bad(s.cidr, `subnet ${s.name}`, s.id, `${s.source.path}.cidr`);
    for (const o of ctx.q.all('onPremises')) {
      o.addressSpace.forEach((a, i) => bad(a, `address space of ${o.name}`, o.id, `${o.source.path}.addressSpace[${i}]`));
    }
    for (const rt of ctx.q.all('routeTable')) {
      rt.routes.forEach((r, i) => bad(r.prefix, `route ${r.name} in ${rt.name}`, rt.id, `${rt.source.path}.routes[${i}].prefix`));
    }
    for (const c of ctx.q.all('cluster')) {
      const net = `${c.source.path}.network`;
      bad(c.network.serviceCidr, `service CIDR of ${c.name}`, c.id, `${net}.serviceCidr`);
      if (c.network.podCidr !== undefined) bad(c.network.podCidr, `pod CIDR of ${c.name}`, c.id, `${net}.podCidr`);
      const ranges = c.apiServer.mode === 'private' ? [] : c.apiServer.authorizedIpRanges;
      ranges.forEach((r, i) => bad(r.includes('/') ? r : `${r}/32`, `authorized IP range of ${c.name}`, c.id, `${c.source.path}.apiServer.authorizedIpRanges[${i}]`));
    }
    for (const d of ctx.q.all('egressDestination')) if (d.cidr !== undefined) bad(d.cidr, `egress destination ${d.name}`, d.id, `${d.source.path}.cidr`);
    for (const b of ctx.q.all('buildAgents')) {
      b.egressIps.forEach((r, i) => bad(r.includes('/') ? r : `${r}/32`, `egress IP of ${b.name}`, b.id, `${b.source.path}.egressIps[${i}]`));
    }
  },
});
