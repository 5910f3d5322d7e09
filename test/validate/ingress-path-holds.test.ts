/**
 * An ingress path is no element of its own, yet its hops carry the facts the ingress rules judge (TLS per hop, ports,
 * which parts traffic passes). A hop field stated wrongly reaches the model as a stand-in (a `tls` in the wrong case
 * reads as the first mode, a missing port as 0), and a hop whose `via` is no part is dropped: a verdict located on the
 * path would judge a path the design does not describe. Such verdicts become checks that could not run, naming the
 * field; free text (a hop's note) and the fields of another path hold nothing.
 */
import { describe, expect, it } from 'vitest';
import { baseline } from '../helpers/fixture.js';
import { runAllResult } from '../helpers/run-rule.js';
import { withFrontDoor } from '../rules/ingress/_fixtures.js';

type Base = ReturnType<typeof baseline>;
const RULE = 'ingress/plaintext-after-tls';

const set = (o: object, key: string, v: unknown): void => {
  (o as Record<string, unknown>)[key] = v;
};

/** The baseline with its controller terminating TLS and forwarding plain http: the rule's warning. */
async function run(change: (b: Base) => void = () => undefined) {
  const b = baseline();
  set(b.path.hops[2]!, 'tls', 'terminate');
  set(b.path, 'to', { cluster: b.aks, namespace: 'web', service: 'web', protocol: 'http', port: 8080 });
  change(b);
  return runAllResult(b.arch, { asOf: '2026-12-03' });
}

const verdicts = (r: Awaited<ReturnType<typeof run>>) => r.findings.filter((f) => f.ruleId === RULE).map((f) => f.path);
const held = (r: Awaited<ReturnType<typeof run>>) =>
  r.unverified!.filter((u) => u.ruleId === RULE).map((u) => ({ elementName: u.elementName, factPath: u.factPath, fact: u.fact }));
const schema = (r: Awaited<ReturnType<typeof run>>) =>
  r.findings.filter((f) => f.ruleId === 'structure/schema' || f.ruleId === 'structure/unknown-reference').map((f) => f.path);

describe('verdicts located on an ingress path are held by the invalid fields of that path', () => {
  it('a valid path is judged: the controller forwards plaintext behind TLS', async () => {
    const r = await run();
    expect(schema(r)).toEqual([]);
    expect(verdicts(r)).toEqual(['ingress[0].hops[2].tls']);
    expect(held(r)).toEqual([]);
  });

  it("a hop's tls in the wrong case (the stand-in is the same mode) holds the verdict and names the field", async () => {
    const r = await run((b) => set(b.path.hops[2]!, 'tls', 'Terminate'));
    expect(schema(r)).toEqual(['ingress[0].hops[2].tls']);
    expect(verdicts(r)).toEqual([]);
    expect(held(r)).toEqual([{ elementName: 'ingress path web', factPath: 'ingress[0].hops[2].tls', fact: 'a valid hops[2].tls' }]);
  });

  it('an earlier hop stated wrongly holds it too: the verdict reads every hop before the plaintext leg', async () => {
    const r = await run((b) => set(b.path.hops[0]!, 'tls', 'reencrypted'));
    expect(verdicts(r)).toEqual([]);
    expect(held(r).map((h) => h.factPath)).toEqual(['ingress[0].hops[0].tls']);
  });

  it("a hop's missing port is a stand-in, not a silent 0", async () => {
    const r = await run((b) => set(b.path.hops[1]!, 'port', undefined));
    expect(schema(r)).toEqual(['ingress[0].hops[1].port']);
    expect(verdicts(r)).toEqual([]);
    expect(held(r).map((h) => h.factPath)).toEqual(['ingress[0].hops[1].port']);
  });

  it("the target's missing port holds the verdict that names it", async () => {
    const r = await run((b) => set(b.path.to!, 'port', undefined));
    expect(schema(r)).toEqual(['ingress[0].to.port']);
    expect(verdicts(r)).toEqual([]);
    expect(held(r).map((h) => h.factPath)).toEqual(['ingress[0].to.port']);
  });

  it('a hop whose via is a name instead of a part (the hop is dropped) holds the verdict', async () => {
    const r = await run((b) => set(b.path.hops[1]!, 'via', 'ilb-ingress'));
    expect(schema(r)).toEqual(['ingress[0].hops[1].via']);
    expect(verdicts(r)).toEqual([]);
    expect(held(r).map((h) => h.factPath)).toEqual(['ingress[0].hops[1].via']);
  });

  it('an unknown key in a hop (a misspelt preservesClientIp: the field it meant reads as its default) holds it', async () => {
    const r = await run((b) => set(b.path.hops[1]!, 'preserveClientIp', true));
    expect(schema(r)).toEqual(['ingress[0].hops[1].preserveClientIp']);
    expect(verdicts(r)).toEqual([]);
    expect(held(r).map((h) => h.factPath)).toEqual(['ingress[0].hops[1].preserveClientIp']);
  });

  it("a hop's note of the wrong type is free text: the verdict stands", async () => {
    const r = await run((b) => set(b.path.hops[2]!, 'note', 42));
    expect(schema(r)).toEqual(['ingress[0].hops[2].note']);
    expect(verdicts(r)).toEqual(['ingress[0].hops[2].tls']);
    expect(held(r)).toEqual([]);
  });

  it("another path's invalid field does not hold this path's verdict", async () => {
    const r = await run((b) => {
      const other = { ...b.path, name: 'admin', hops: [{ ...b.path.hops[0]!, tls: 'bogus' }, b.path.hops[1]!, { ...b.path.hops[2]!, tls: 'reencrypt' }] };
      b.arch.ingress = [b.path, other as typeof b.path];
    });
    expect(schema(r)).toEqual(['ingress[1].hops[0].tls']);
    expect(verdicts(r)).toEqual(['ingress[0].hops[2].tls']);
  });

  it("an invalid field of a part on the path is that part's: a WAF mode in the wrong case does not hold the path's TLS verdict", async () => {
    const r = await run((b) => set(b.appGw.waf!, 'mode', 'prevention'));
    expect(schema(r)).toEqual(['ingress[0].hops[0].via.waf.mode']);
    expect(verdicts(r)).toEqual(['ingress[0].hops[2].tls']);
  });
});

describe('verdicts on a part that read an ingress path name it in dependsOn', () => {
  const judge = async (change: (b: ReturnType<typeof withFrontDoor>) => void) => {
    const b = withFrontDoor('Standard');
    change(b);
    const r = await runAllResult(b.arch, { asOf: '2026-12-03' });
    const rule = 'ingress/front-door-private-link-sku';
    return {
      verdicts: r.findings.filter((f) => f.ruleId === rule).map((f) => f.path),
      held: r.unverified!.filter((u) => u.ruleId === rule).map((u) => `${u.elementName}: ${u.factPath}`),
    };
  };

  it('Front Door Standard before a Private Link hop: the verdict on the Front Door', async () => {
    expect(await judge(() => undefined)).toEqual({ verdicts: ['ingress[1].hops[0].via.sku'], held: [] });
  });

  it('a hop between Front Door and the Private Link service dropped (its via is a name): the verdict waits', async () => {
    // The model would see Front Door forward straight to the Private Link service, which the design does not say.
    const r = await judge((b) => {
      const hops = b.arch.ingress![1]!.hops;
      set(b.arch.ingress![1]!, 'hops', [hops[0]!, { via: 'agw-regional', protocol: 'https', port: 443, tls: 'reencrypt' }, ...hops.slice(1)]);
    });
    expect(r).toEqual({ verdicts: [], held: ['ingress path global: ingress[1].hops[1].via'] });
  });

  it("another path's invalid field leaves it standing", async () => {
    const r = await judge((b) => set(b.arch.ingress![0]!.hops[0]!, 'tls', 'bogus'));
    expect(r).toEqual({ verdicts: ['ingress[1].hops[0].via.sku'], held: [] });
  });
});
