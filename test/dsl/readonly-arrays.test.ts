/**
 * Type-level test (checked by `tsc -p test/tsconfig.json`, as `aksnet check` checks a design): the DSL's array
 * fields take readonly arrays, so shared constants written `as const` pass without a copy (TS4104 before). The
 * builders never mutate their input, and the normalizer reads such arrays as any other.
 */
import { describe, expect, it } from 'vitest';
import { cluster, defineArchitecture, nodePool, subnet, vnet, type Zone } from '../../dsl/index.js';
import { normalize } from '../../src/normalize/normalize.js';

const ALL_ZONES = [1, 2, 3] as const;
const OFFICES = ['203.0.113.0/27', '198.51.100.64/28'] as const;
const SPACE: readonly string[] = Object.freeze(['10.1.0.0/16']);

describe('readonly arrays in the DSL', () => {
  it('accepts readonly tuples and frozen arrays in every position a design shares them', () => {
    const nodes = subnet({ name: 'snet-nodes', cidr: '10.1.0.0/22', purpose: ['aks-nodes'] as const });
    const spoke = vnet({ name: 'vnet-spoke', region: 'westeurope', addressSpace: SPACE, subnets: [nodes] as const });
    const pools = [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', count: 3, zones: ALL_ZONES, subnet: nodes })] as const;
    const aks = cluster({
      name: 'aks',
      region: 'westeurope',
      network: { cni: 'azure-overlay' },
      nodePools: pools,
      apiServer: { mode: 'public', authorizedIpRanges: OFFICES },
    });
    const arch = defineArchitecture({ metadata: { title: 'readonly', reviewers: ['Board'] as const }, network: { vnets: [spoke] as const }, clusters: [aks] as const });
    const zones: readonly Zone[] = ALL_ZONES;
    const { model, issues } = normalize(arch);
    expect(issues.filter((i) => i.ruleId.startsWith('structure/') && i.message.includes('must'))).toEqual([]);
    const pool = model.resources.find((r) => r.kind === 'nodePool');
    expect(pool && 'zones' in pool ? pool.zones : undefined).toEqual([...zones]);
  });
});
