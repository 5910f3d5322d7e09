import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';
import { runRuleResult } from '../../helpers/run-rule.js';

type Mesh = NonNullable<ReturnType<typeof baseline>['aks']['serviceMesh']>;

/** TLS terminated at the ingress controller and http:8080 to the pods, with `mesh` on the cluster. */
function behindGateway(mesh?: Mesh, istioRevision?: string) {
  const b = baseline();
  mutable(b.path.hops)[2] = { ...b.path.hops[2]!, tls: 'terminate' };
  b.path.to = { ...b.path.to!, protocol: 'http', port: 8080 };
  if (mesh) b.aks.serviceMesh = mesh;
  if (istioRevision) b.aks.addons = { istioRevision };
  return b.arch;
}

const behindMesh = (mtls: 'PERMISSIVE' | 'DISABLE') => ({
  name: `a mesh with mTLS ${mtls} leaves the last leg plaintext`,
  arch: () => behindGateway({ kind: 'istio-addon', mtls }),
  findings: [
    {
      messageId: 'plaintextBehindTls',
      path: 'ingress[0].hops[2].tls',
      severity: 'warning' as const,
      message: 'ingress path web arrives encrypted but nginx (hop 3, tls terminate) forwards plaintext http:8080 to web (web)',
    },
  ],
});

testRule('ingress/plaintext-after-tls', {
  valid: [
    { name: 'every hop re-encrypts or passes TLS through', arch: () => baseline().arch },
    {
      name: 'a path from private partner ranges is not internet-facing (not judged)',
      arch: () => {
        const b = baseline();
        b.path.from = { kind: 'partner', sourceRanges: ['10.50.0.0/16'] };
        b.path.hops = [
          { via: b.appGw, protocol: 'https', port: 443, tls: 'terminate' },
          { via: b.ilb, protocol: 'http', port: 80, tls: 'plain' },
          { via: b.ic, protocol: 'http', port: 80, tls: 'plain' },
        ];
        b.path.to = { ...b.path.to!, protocol: 'http', port: 8080 };
        return b.arch;
      },
    },
    {
      name: 'the mesh enforces mTLS on the last leg',
      arch: () => {
        const b = baseline();
        mutable(b.path.hops)[2] = { ...b.path.hops[2]!, tls: 'terminate' };
        b.path.to = { ...b.path.to!, protocol: 'http', port: 8080 };
        b.aks.serviceMesh = { kind: 'istio-addon', mtls: 'STRICT' };
        return b.arch;
      },
    },
    {
      name: 'a plaintext entry is another rule (nothing was encrypted yet)',
      arch: () => {
        const b = baseline();
        b.path.hops = [
          { via: b.appGw, protocol: 'http', port: 80, tls: 'plain' },
          { via: b.ilb, protocol: 'http', port: 80, tls: 'plain' },
          { via: b.ic, protocol: 'http', port: 80, tls: 'plain' },
        ];
        b.path.to = { ...b.path.to!, protocol: 'http', port: 8080 };
        return b.arch;
      },
    },
  ],
  invalid: [
    behindMesh('PERMISSIVE'),
    behindMesh('DISABLE'),
    {
      name: 'TLS terminated at the App Gateway and plaintext behind it (reported once, at the first plaintext leg)',
      arch: () => {
        const b = baseline();
        b.path.hops = [
          { via: b.appGw, protocol: 'https', port: 443, tls: 'terminate' },
          { via: b.ilb, protocol: 'http', port: 80, tls: 'plain' },
          { via: b.ic, protocol: 'http', port: 80, tls: 'plain' },
        ];
        b.path.to = { ...b.path.to!, protocol: 'http', port: 8080 };
        return b.arch;
      },
      findings: [
        {
          messageId: 'plaintextBehindTls',
          path: 'ingress[0].hops[0].tls',
          severity: 'warning',
          message: 'ingress path web arrives encrypted but agw-test (hop 1, tls terminate) forwards plaintext http:80 to ilb-ingress',
          evidence: { path: 'web', hop: 1, from: 'agw-test', to: 'ilb-ingress', protocol: 'http', port: 80 },
        },
      ],
    },
  ],
});

describe('ingress/plaintext-after-tls with the mesh mTLS mode unknown', () => {
  const check = (arch: ReturnType<typeof baseline>['arch']) => runRuleResult('ingress/plaintext-after-tls', arch);
  const unverified = [
    'clusters[0].serviceMesh.mtls',
    'could not check that ingress path web stays encrypted from nginx to web (web) inside the service mesh of cluster aks-test: ' +
      'state the mesh-wide mTLS mode (serviceMesh.mtls)',
  ];

  it('an Istio add-on without mtls is unverified, not a plaintext warning', async () => {
    const r = await check(behindGateway({ kind: 'istio-addon' }));
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => [u.factPath, u.message])).toEqual([unverified]);
  });

  it('a self-managed mesh without mtls is unverified too', async () => {
    const r = await check(behindGateway({ kind: 'self-managed', product: 'linkerd' }));
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['clusters[0].serviceMesh.mtls']);
  });

  it('the add-on inferred from addons.istioRevision is unverified the same way', async () => {
    const r = await check(behindGateway(undefined, 'asm-1-27'));
    expect(r.findings).toEqual([]);
    expect(r.unverified?.map((u) => u.factPath)).toEqual(['clusters[0].serviceMesh.mtls']);
  });

  it('no mesh at all is still the plaintext warning, with nothing to state', async () => {
    const r = await check(behindGateway());
    expect(r.findings.map((f) => f.ruleId)).toEqual(['ingress/plaintext-after-tls']);
    expect(r.unverified ?? []).toEqual([]);
  });

  it('a plaintext leg before the mesh leg is reported, not hidden behind the unknown mode', async () => {
    const b = baseline();
    b.path.hops = [
      { via: b.appGw, protocol: 'https', port: 443, tls: 'terminate' },
      { via: b.ilb, protocol: 'http', port: 80, tls: 'plain' },
      { via: b.ic, protocol: 'http', port: 80, tls: 'plain' },
    ];
    b.path.to = { ...b.path.to!, protocol: 'http', port: 8080 };
    b.aks.serviceMesh = { kind: 'istio-addon' };
    const r = await check(b.arch);
    expect(r.findings.map((f) => f.path)).toEqual(['ingress[0].hops[0].tls']);
  });
});
