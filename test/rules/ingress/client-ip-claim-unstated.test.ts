/**
 * ingress/client-ip-claim and a load balancer that does not say whether it keeps the client's address: a later claim
 * rests on it, so the rule asks for it (an unverified check naming preservesClientIp) instead of assuming either way.
 */
import { expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRuleResult } from '../../helpers/run-rule.js';

const ID = 'ingress/client-ip-claim';

/** The baseline's ILB then nginx (terminating), nginx claiming the client IP; the ILB as given. */
function design(lb: boolean | undefined) {
  const b = baseline();
  b.path.hops = [
    { via: b.ilb, protocol: 'tcp', port: 443, tls: 'passthrough', ...(lb === undefined ? {} : { preservesClientIp: lb }) },
    { via: b.ic, protocol: 'https', port: 443, tls: 'reencrypt', preservesClientIp: true },
  ];
  return b.arch;
}

it(`${ID}: a claim behind a load balancer that does not say: asked for, not judged`, async () => {
  const res = await runRuleResult(ID, design(undefined));
  expect(res.findings).toEqual([]);
  expect((res.unverified ?? []).map((u) => [u.factPath, u.check, u.elementName])).toEqual([
    [
      'ingress[0].hops[0].preservesClientIp',
      'hop 2 (nginx) of ingress path web can pass the client IP on, which hop 1 (ilb-ingress) must keep',
      'ingress path web, hop 1',
    ],
  ]);
  expect(res.unverified![0]!.fact).toMatch(/^whether the load balancer keeps the client's source IP/);
});

it(`${ID}: a load balancer that states it keeps the address: nothing to ask, no finding`, async () => {
  const res = await runRuleResult(ID, design(true));
  expect(res.findings).toEqual([]);
  expect(res.unverified ?? []).toEqual([]);
});

it(`${ID}: a load balancer that states it replaces the address: the claim behind it is a finding`, async () => {
  const res = await runRuleResult(ID, design(false));
  expect(res.findings.map((f) => [f.messageId, f.path])).toEqual([['lostEarlier', 'ingress[0].hops[1].preservesClientIp']]);
  expect(res.unverified ?? []).toEqual([]);
});

it(`${ID}: an unstated load balancer with no claim behind it asks nothing (the baseline)`, async () => {
  const res = await runRuleResult(ID, baseline().arch);
  expect(res.findings).toEqual([]);
  expect(res.unverified ?? []).toEqual([]);
});

it(`${ID}: behind a proxy that replaced the address, an unstated load balancer changes nothing: the claim is a finding`, async () => {
  const b = baseline();
  // App Gateway (replaces it) → ILB (not stated) → nginx claiming the client IP.
  b.path.hops = [b.path.hops[0]!, b.path.hops[1]!, { via: b.ic, protocol: 'https', port: 443, tls: 'reencrypt', preservesClientIp: true }];
  const res = await runRuleResult(ID, b.arch);
  expect(res.findings.map((f) => [f.messageId, f.path, f.message])).toEqual([
    [
      'lostEarlier',
      'ingress[0].hops[2].preservesClientIp',
      'ingress path web, hop 3 (nginx) claims the client IP reaches the next hop, but hop 1 (agw-test) already replaced the client address',
    ],
  ]);
  expect(res.unverified ?? []).toEqual([]);
});
