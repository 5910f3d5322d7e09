import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { withFrontDoor } from './_fixtures.js';

const ID = 'ingress/front-door-private-link-sku';

describe(ID, () => {
  it('passes with Front Door Premium', async () => {
    expect(await runRule(ID, withFrontDoor('Premium').arch)).toEqual([]);
  });

  it('reports Front Door Standard with a Private Link origin', async () => {
    const f = await runRule(ID, withFrontDoor('Standard').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe(
      'Front Door afd-global (Standard) forwards path global to Private Link service pls-ingress (hop 2); Private Link origins need Front Door Premium',
    );
    expect(f[0]!.path).toBe('ingress[1].hops[0].via.sku');
  });
});
