/** The IP plan's words: every Azure-managed resource of a subnet is named, and numbers read as in the other columns. */
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { ModelQuery } from '../../src/model/query.js';
import { buildIpPlan } from '../../src/report/ip-plan.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

async function plan(file: string) {
  const { model } = await loadArchitecture(join(examples, file));
  return buildIpPlan(new ModelQuery(model));
}

describe('IP plan text', () => {
  it('example f: the GatewaySubnet names both gateways that share it', async () => {
    const row = (await plan('f-internal-only.ts')).rows.find((r) => r.name === 'GatewaySubnet')!;
    expect(row.basis).toBe('managed by Azure (ergw-hub-gwc, vpngw-hub-gwc)');
  });
});
