/**
 * Facts a reviewer found dropped, widened or misread by the import, each reproduced by copying the
 * hub-spoke `az` fixture folder and editing one file (as with jq): the import must state the fact in
 * the design, or say on stderr and in the header notes what it could not import.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { designSource, importAzure, type ImportedDesign } from '../../src/import/import.js';
import type { Decl, Value } from '../../src/import/design.js';

const fixtures = resolve(import.meta.dirname, '../fixtures/azure/hub-spoke/az');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The az fixture folder with some files edited, imported. */
function variant(edits: Record<string, (j: Json) => void>): { design: ImportedDesign; source: string } {
  const d = join(mkdtempSync(join(tmpdir(), 'aksnet-import-review-')), 'export');
  dirs.push(d);
  cpSync(fixtures, d, { recursive: true });
  for (const [f, edit] of Object.entries(edits)) {
    const p = join(d, f);
    const j = JSON.parse(readFileSync(p, 'utf8')) as Json;
    edit(j);
    writeFileSync(p, JSON.stringify(j, null, 2));
  }
  const design = importAzure(d);
  return { design, source: designSource(design) };
}

const decl = (design: ImportedDesign, builder: Decl['builder']): Decl => {
  const d = design.decls.find((x) => x.builder === builder);
  if (!d) throw new Error(`no ${builder}`);
  return d;
};
const spec = (v: Value | undefined) => v as Record<string, Value>;

describe('aksnet import: cluster outbound and load balancer profile', () => {
  it('imports outbound type managedNATGatewayV2 with its managed IP count and idle timeout', () => {
    const { design } = variant({
      'aks-show.json': (j) => {
        j.networkProfile.outboundType = 'managedNATGatewayV2';
        j.networkProfile.natGatewayProfile = { managedOutboundIPProfile: { count: 2 }, idleTimeoutInMinutes: 10 };
      },
    });
    expect(decl(design, 'cluster').spec.outbound).toEqual({
      type: 'managedNATGatewayV2',
      outboundIps: 2,
      idleTimeoutMinutes: 10,
    });
  });

  it('imports loadBalancerProfile.backendPoolType, and notes outbound IP prefixes the DSL cannot state', () => {
    const prefix = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPPrefixes/ippre-aks';
    const { design, source } = variant({
      'aks-show.json': (j) => {
        j.networkProfile.outboundType = 'loadBalancer';
        j.networkProfile.loadBalancerProfile = {
          backendPoolType: 'nodeIP',
          outboundIPPrefixes: { publicIPPrefixes: [{ id: prefix }] },
        };
      },
    });
    const c = decl(design, 'cluster');
    expect(spec(c.spec.network).loadBalancerBackendPoolType).toBe('nodeIP');
    expect(c.spec.outbound).toEqual({ type: 'loadBalancer' });
    const note = design.unmapped.find((u) => u.property === 'networkProfile.loadBalancerProfile.outboundIPPrefixes');
    expect(note?.reason).toMatch(/ippre-aks.*no outbound IP prefix.*outboundIps is left unknown/);
    expect(source).toContain('networkProfile.loadBalancerProfile.outboundIPPrefixes of aks-payments-weu: 1 public IP prefix');

    const other = variant({
      'aks-show.json': (j) => {
        j.networkProfile.loadBalancerProfile = { backendPoolType: 'NodeIPConfiguration' };
      },
    });
    expect(spec(decl(other.design, 'cluster').spec.network).loadBalancerBackendPoolType).toBe('nodeIPConfiguration');
  });
});
