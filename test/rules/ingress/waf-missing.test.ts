import { hybridConnection, onPremises, subnet, vnetGateway } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

/** The baseline path without a WAF, entered with `protocol` on the first hop, from `from`. */
function noWaf(opts: { protocol?: 'https' | 'http' | 'grpc' | 'tcp' | 'udp' | 'tls'; partnerRanges?: string[] } = {}) {
  return () => {
    const b = baseline();
    delete b.appGw.waf;
    if (opts.protocol) b.path.hops[0]!.protocol = opts.protocol;
    if (opts.partnerRanges) b.path.from = { kind: 'partner', sourceRanges: opts.partnerRanges, label: 'Claims partners' };
    return b.arch;
  };
}

const PATH = 'ingress[0].hops';

testRule('ingress/waf-missing', {
  valid: [
    { name: 'the App Gateway runs a WAF', arch: () => baseline().arch },
    {
      name: 'a corporate path without WAF',
      arch: () => {
        const b = baseline();
        delete b.appGw.waf;
        const gwSubnet = subnet({ name: 'GatewaySubnet', cidr: '10.0.1.0/27', purpose: 'gateway' });
        mutable(b.hub.subnets).push(gwSubnet);
        const gw = vnetGateway({ name: 'vpngw', type: 'vpn', subnet: gwSubnet });
        const site = onPremises({ name: 'dc', addressSpace: ['192.168.0.0/16'] });
        b.path.from = { kind: 'corporate', via: hybridConnection({ name: 'vpn-dc', gateway: gw, remote: site }) };
        return b.arch;
      },
    },
    { name: 'partners from private ranges only (RFC 1918 and RFC 6598) are not internet clients', arch: noWaf({ partnerRanges: ['10.50.0.0/16', '100.64.0.0/10'] }) },
  ],
  invalid: [
    {
      name: 'an internet-facing HTTPS path with no WAF hop',
      arch: noWaf(),
      findings: [
        {
          messageId: 'noWaf',
          path: PATH,
          severity: 'warning',
          message: 'internet-facing ingress path web (agw-test → ilb-ingress → nginx) has no WAF on any of its 3 hops',
        },
      ],
    },
    { name: 'gRPC is a web protocol', arch: noWaf({ protocol: 'grpc' }), findings: [{ messageId: 'noWaf', path: PATH, severity: 'warning' }] },
    {
      name: 'a TCP path is only a note: a WAF cannot inspect it',
      arch: noWaf({ protocol: 'tcp' }),
      findings: [
        {
          messageId: 'layer4',
          path: PATH,
          severity: 'info',
          message:
            'internet-facing ingress path web (agw-test → ilb-ingress → nginx) carries tcp, which a WAF cannot inspect; ' +
            'if the service behind it speaks HTTP, route it through a WAF',
        },
      ],
    },
    { name: 'UDP too', arch: noWaf({ protocol: 'udp' }), findings: [{ messageId: 'layer4', path: PATH, severity: 'info', message: /carries udp/ }] },
    {
      name: 'partners with one public range are internet clients',
      arch: noWaf({ partnerRanges: ['10.50.0.0/16', '203.0.113.0/24'] }),
      findings: [{ messageId: 'noWaf', path: PATH, severity: 'warning' }],
    },
    {
      name: 'partners without stated ranges are treated as internet clients',
      arch: noWaf({ partnerRanges: [] }),
      findings: [{ messageId: 'noWaf', path: PATH, severity: 'warning' }],
    },
    {
      name: 'two hops with the same name are told apart by kind',
      arch: () => {
        const b = baseline();
        delete b.appGw.waf;
        b.ilb.name = 'web-ingress';
        b.ic.name = 'web-ingress';
        return b.arch;
      },
      findings: [
        {
          messageId: 'noWaf',
          path: PATH,
          severity: 'warning',
          message: /\(agw-test → web-ingress \(load balancer\) → web-ingress \(ingress controller\)\)/,
        },
      ],
    },
  ],
});
