import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'reliability/sla-tier';

describe(ID, () => {
  it('passes for Standard in production and for Free in dev', async () => {
    const b = baseline();
    b.arch.metadata.environment = 'production';
    expect(await runRule(ID, b.arch)).toEqual([]);
    const c = baseline();
    c.arch.metadata.environment = 'dev';
    c.aks.tier = 'Free';
    expect(await runRule(ID, c.arch)).toEqual([]);
  });

  it('reports the Free tier in production', async () => {
    const b = baseline();
    b.arch.metadata.environment = 'production';
    delete b.aks.tier;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('cluster aks-test uses the Free tier (no API server uptime SLA) in a production design');
    expect(f[0]!.path).toBe('clusters[0].tier');
  });
});
