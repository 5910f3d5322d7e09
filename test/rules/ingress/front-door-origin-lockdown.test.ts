import { describe, expect, it } from 'vitest';
import { frontDoor, ingressPath, nsg } from '../../../dsl/index.js';
import type { NsgRule } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule, runRuleResult } from '../../helpers/run-rule.js';
import { testRule, type InvalidCase, type ValidCase } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const ID = 'ingress/front-door-origin-lockdown';

function behindFrontDoor(source: 'Internet' | 'AzureFrontDoor.Backend' | undefined) {
  const b = baseline();
  const fd = frontDoor({ name: 'afd-web', sku: 'Premium', waf: { mode: 'Prevention' } });
  mutable(b.path.hops).unshift({ via: fd, protocol: 'https', port: 443, tls: 'reencrypt' });
  if (source) {
    b.appGwSubnet.nsg = nsg({
      name: 'nsg-appgw',
      rules: [
        { name: 'allow-gwm', direction: 'inbound', access: 'allow', priority: 100, protocol: 'tcp', source: 'GatewayManager', destination: '*', ports: '65200-65535' },
        { name: 'allow-https', direction: 'inbound', access: 'allow', priority: 110, protocol: 'tcp', source, destination: '*', ports: 443 },
      ],
    });
  }
  return b;
}

describe(ID, () => {
  it('passes when only Front Door may reach the gateway, and without Front Door', async () => {
    expect(await runRule(ID, behindFrontDoor('AzureFrontDoor.Backend').arch)).toEqual([]);
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('reports a gateway subnet that admits the internet', async () => {
    const f = await runRule(ID, behindFrontDoor('Internet').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      'Application Gateway agw-test sits behind Front Door afd-web (path web) but NSG nsg-appgw rule allow-https (priority 110) admits Internet; restrict it to AzureFrontDoor.Backend',
    );
    expect(f[0]!.path).toBe('network.vnets[1].subnets[1].nsg.rules[1].source');
  });

  it('reports a gateway subnet without an NSG', async () => {
    const f = await runRule(ID, behindFrontDoor(undefined).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('its subnet snet-appgw has no NSG');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[1].nsg');
  });

  describe('public origins of Front Door routes', () => {
    const withOrigin = (lockdown?: Array<'x-azure-fdid' | 'service-tag'> | 'none') => {
      const b = baseline();
      const afd = frontDoor({
        name: 'afd-web',
        sku: 'Premium',
        routes: [{ name: 'web', origins: [{ name: 'agw', originKind: 'application-gateway', target: b.appGw, connection: 'public', ...(lockdown ? { lockdown } : {}) }] }],
      });
      b.arch.network.frontDoors = [afd];
      return b.arch;
    };

    it('passes with both the service tag and the X-Azure-FDID check', async () => {
      expect(await runRule(ID, withOrigin(['x-azure-fdid', 'service-tag']))).toEqual([]);
    });

    it('reports an origin with only one of the two, or none', async () => {
      const one = await runRule(ID, withOrigin(['service-tag']));
      expect(one.map((f) => [f.severity, f.path])).toEqual([['warning', 'network.frontDoors[0].routes[0].origins[0].lockdown']]);
      expect(one[0]!.message).toBe('public origin agw of Front Door afd-web (route web) lacks the X-Azure-FDID header check, so traffic can reach it without passing Front Door');
      const none = await runRule(ID, withOrigin('none'));
      expect(none[0]!.message).toContain('lacks the AzureFrontDoor.Backend service tag and the X-Azure-FDID header check');
    });

    it('does not judge an unstated lockdown: one unverified check names it', async () => {
      const r = await runRuleResult(ID, withOrigin());
      expect(r.findings).toEqual([]);
      expect(r.unverified?.map((u) => u.factPath)).toEqual(['network.frontDoors[0].routes[0].origins[0].lockdown']);
    });
  });
});

type Kind = 'application-gateway' | 'agc' | 'public-ip' | 'app-service' | 'storage' | 'other';

/** A Front Door whose only origin is of the given kind, public unless it goes over Private Link. */
function origin(kind: Kind | 'private-link-service', lockdown?: Array<'x-azure-fdid' | 'service-tag'> | 'none') {
  return () => {
    const b = baseline();
    const target = kind === 'application-gateway' ? { target: b.appGw } : {};
    const connection = kind === 'private-link-service' ? 'private-link' : 'public';
    const afd = frontDoor({
      name: 'afd-web',
      sku: 'Premium',
      routes: [{ name: 'web', origins: [{ name: 'o1', originKind: kind, connection, hostName: 'o1.example.com', ...target, ...(lockdown ? { lockdown } : {}) }] }],
    });
    b.arch.network.frontDoors = [afd];
    return b.arch;
  };
}

const ORIGIN = 'network.frontDoors[0].routes[0].origins[0].lockdown';
const KINDS: Kind[] = ['application-gateway', 'agc', 'public-ip', 'app-service', 'storage', 'other'];


type B = ReturnType<typeof baseline>;

/** The App Gateway behind Front Door, its subnet NSG holding `rules`. */
function gatewayNsg(rules: NsgRule[], change: (b: B) => void = () => {}) {
  return () => {
    const b = behindFrontDoor(undefined);
    b.appGwSubnet.nsg = nsg({ name: 'nsg-appgw', rules });
    change(b);
    return b.arch;
  };
}

const IN = { direction: 'inbound', priority: 200, destination: '*', ports: 443 } as const;
const fromInternet: NsgRule = { ...IN, name: 'allow-internet', access: 'allow', source: 'Internet' };

const gatewayValid: ValidCase[] = [
    {
      name: 'an App Gateway behind an Azure Firewall, not Front Door, may admit the internet',
      arch: gatewayNsg([fromInternet], (b) => {
        mutable(b.path.hops).shift();
        mutable(b.path.hops).unshift({ via: b.firewall, protocol: 'https', port: 443, tls: 'passthrough' });
      }),
    },
    {
      name: 'a private App Gateway frontend behind Front Door is not reached from the internet',
      arch: gatewayNsg([fromInternet], (b) => (b.appGw.frontend = 'private')),
    },
    {
      name: 'outbound, deny and subnet-scoped rules do not admit the internet',
      arch: gatewayNsg([
        { ...IN, name: 'out', direction: 'outbound', access: 'allow', source: '*' },
        { ...IN, name: 'deny', access: 'deny', source: 'Internet' },
      ]),
    },
];

const gatewayInvalid: InvalidCase[] = [
    {
      name: 'the only rule admits 0.0.0.0/0',
      arch: gatewayNsg([{ ...fromInternet, source: '0.0.0.0/0' }]),
      findings: [
        {
          messageId: 'gatewayOpenToInternet',
          path: 'network.vnets[1].subnets[1].nsg.rules[0].source',
          severity: 'warning',
          message: /NSG nsg-appgw rule allow-internet \(priority 200\) admits 0\.0\.0\.0\/0;/,
          evidence: { gateway: 'agw-test', frontDoor: 'afd-web', nsg: 'nsg-appgw', rule: 'allow-internet' },
        },
      ],
    },
    {
      name: 'the first rule that admits the internet is named, after outbound and deny rules',
      arch: gatewayNsg([
        { ...IN, name: 'out', direction: 'outbound', access: 'allow', source: '*' },
        { ...IN, name: 'deny', access: 'deny', source: 'Internet' },
        { ...IN, name: 'allow-any', access: 'allow', source: 'Any' },
      ]),
      findings: [
        {
          messageId: 'gatewayOpenToInternet',
          path: 'network.vnets[1].subnets[1].nsg.rules[2].source',
          severity: 'warning',
          message: /rule allow-any \(priority 200\) admits Any;/,
        },
      ],
    },
    {
      name: 'two paths through the same Front Door and App Gateway: one finding',
      arch: gatewayNsg([fromInternet], (b) => {
        mutable(b.arch.ingress!).push(ingressPath({ ...b.path, name: 'web-2' }));
      }),
      findings: [
        {
          messageId: 'gatewayOpenToInternet',
          path: 'network.vnets[1].subnets[1].nsg.rules[0].source',
          severity: 'warning',
        },
      ],
    },
    {
      name: 'an App Gateway behind Front Door whose subnet has no NSG: evidence',
      arch: () => behindFrontDoor(undefined).arch,
      findings: [
        {
          messageId: 'gatewaySubnetNoNsg',
          path: 'network.vnets[1].subnets[1].nsg',
          severity: 'warning',
          evidence: { gateway: 'agw-test', frontDoor: 'afd-web', subnet: 'snet-appgw' },
        },
      ],
    },
    {
      name: 'an origin with neither lockdown: evidence lists both',
      arch: origin('agc', 'none'),
      findings: [
        {
          messageId: 'originNotLocked',
          path: ORIGIN,
          severity: 'warning',
          evidence: { frontDoor: 'afd-web', origin: 'o1', missing: 'service-tag,x-azure-fdid' },
        },
      ],
    },
];

testRule(ID, {
  valid: [
    ...KINDS.map((k) => ({ name: `a ${k} origin with both the tag and the header check`, arch: origin(k, ['x-azure-fdid', 'service-tag']) })),
    { name: 'a Private Link origin is locked down by design', arch: origin('private-link-service') },
    { name: 'an App Gateway behind Front Door admitting only AzureFrontDoor.Backend', arch: () => behindFrontDoor('AzureFrontDoor.Backend').arch },
    ...gatewayValid,
  ],
  invalid: [
    ...KINDS.map((k) => ({
      name: `a ${k} origin with only the service tag`,
      arch: origin(k, ['service-tag']),
      findings: [{ messageId: 'originNotLocked', path: ORIGIN, severity: 'warning' as const, message: /lacks the X-Azure-FDID header check,/ }],
    })),
    {
      name: 'an origin with lockdown none',
      arch: origin('agc', 'none'),
      findings: [
        {
          messageId: 'originNotLocked',
          path: ORIGIN,
          severity: 'warning',
          message:
            'public origin o1 of Front Door afd-web (route web) lacks the AzureFrontDoor.Backend service tag and the ' +
            'X-Azure-FDID header check, so traffic can reach it without passing Front Door or from another Front Door profile',
        },
      ],
    },
    {
      name: 'an App Gateway behind Front Door whose subnet has no NSG',
      arch: () => behindFrontDoor(undefined).arch,
      findings: [{ messageId: 'gatewaySubnetNoNsg', path: 'network.vnets[1].subnets[1].nsg', severity: 'warning' }],
    },
    {
      name: 'an App Gateway behind Front Door admitting the internet',
      arch: () => behindFrontDoor('Internet').arch,
      findings: [{ messageId: 'gatewayOpenToInternet', path: 'network.vnets[1].subnets[1].nsg.rules[1].source', severity: 'warning' }],
    },
    ...gatewayInvalid,
  ],
});

describe(`${ID}: unstated facts`, () => {
  it('an unstated origin lockdown names the check; a Private Link origin asks nothing', async () => {
    const open = await runRuleResult(ID, origin('application-gateway')());
    expect(open.unverified?.map((u) => u.check)).toEqual([
      'origin o1 of Front Door afd-web accepts traffic only from this profile',
    ]);
    const privateLink = await runRuleResult(ID, origin('private-link-service')());
    expect(privateLink.unverified ?? []).toEqual([]);
  });
  it("an NSG whose rules are not stated: one unverified check on the gateway's NSG", async () => {
    const arch = gatewayNsg([], (b) => (b.appGwSubnet.nsg = nsg({ name: 'nsg-appgw' })))();
    const r = await runRuleResult(ID, arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.check])).toEqual([
      [
        'network.vnets[1].subnets[1].nsg.rules',
        'the public frontend of Application Gateway agw-test admits only Front Door afd-web',
      ],
    ]);
  });
});

describe(`${ID}: a lockdown entry stated wrongly`, () => {
  it('holds the verdict instead of judging the list without it (it was reported as missing the header check)', async () => {
    const arch = origin('agc', ['service-tag', 'x-azure-fdid'])();
    const o = arch.network.frontDoors![0]!.routes![0]!.origins[0]!;
    (o as { lockdown: unknown }).lockdown = ['service-tag', 'x-azure-fd-id'];
    const r = await runRuleResult(ID, arch);
    expect(r.findings).toEqual([]);
    expect(r.unverified!.map((u) => u.factPath)).toEqual([ORIGIN]);
  });
});
