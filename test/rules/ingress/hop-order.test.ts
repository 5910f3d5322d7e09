import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { withFrontDoor } from './_fixtures.js';

const ID = 'ingress/hop-order';

describe(ID, () => {
  it('passes for App Gateway → ILB → controller and Front Door → PLS → its ILB', async () => {
    expect(await runRule(ID, withFrontDoor().arch)).toEqual([]);
  });

  it('reports a Private Link service followed by something other than its load balancer', async () => {
    const b = withFrontDoor();
    const path = b.arch.ingress![1]!;
    path.hops.splice(2, 1); // drop the PLS's own ILB
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe(
      'ingress path global: Private Link service pls-ingress (hop 2) is followed by nginx (hop 3), but it can only forward to its load balancer ilb-pls',
    );
    expect(f[0]!.path).toBe('ingress[1].hops[2]');
  });

  it('reports an internet path that starts at an internal load balancer', async () => {
    const b = baseline();
    b.path.hops.shift();
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('internet-facing ingress path web starts at internal load balancer ilb-ingress; internet clients cannot reach hop 1');
    expect(f[0]!.path).toBe('ingress[0].hops[0]');
  });

  it('partners from private ranges reach a private-frontend App Gateway; from a public range they cannot', async () => {
    const b = baseline();
    b.appGw.frontend = 'private';
    b.path.from = { kind: 'partner', sourceRanges: ['172.20.0.0/16'], label: 'Partner over ExpressRoute' };
    expect(await runRule(ID, b.arch)).toEqual([]);
    b.path.from = { kind: 'partner', sourceRanges: ['198.51.100.0/24'], label: 'Partner over the internet' };
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => x.message)).toEqual([
      'internet-facing ingress path web starts at Application Gateway agw-test, which has only a private frontend; internet clients cannot reach hop 1',
    ]);
  });
});
