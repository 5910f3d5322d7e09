/**
 * Traffic flows of spokes drawn once: a flow is left out only when, read with the drawn spoke's names and
 * addresses, it is word for word the drawn spoke's flow; that flow names the ones it stands for; none is lost.
 */
import { describe, expect, it } from 'vitest';
import { collapseView } from '../../src/diagram/collapse.js';
import { deriveView } from '../../src/diagram/views.js';
import type { Model } from '../../src/model/types.js';
import type { ViewName } from '../../src/model/view-graph.js';
import { normalize } from '../../src/normalize/normalize.js';
import { buildViewModel, type ReportInput } from '../../src/report/view-model.js';
import { validateModel } from '../../src/validate/validate.js';
// @ts-expect-error the bench generator is plain JavaScript
import { hubSpoke } from '../../bench/hub-spoke.mjs';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call */
async function pack(n: number, change: (a: any) => void = () => {}) {
  const arch: any = hubSpoke(n);
  change(arch);
  const model: Model = normalize(arch).model;
  const result = await validateModel(model, [], { file: 'd.ts', asOf: '2026-11-23' });
  const views: ViewName[] = ['topology', 'ingress', 'egress', 'control-plane'];
  const diagrams = views.map((view) => {
    const c = collapseView(deriveView(model, view)!, model, result.findings);
    return {
      view,
      title: view,
      svg: '',
      width: 0,
      height: 0,
      ...(c.groups.length ? { collapsed: { groups: c.groups, spokes: c.spokes } } : {}),
    };
  });
  const input: ReportInput = { model, file: 'd.ts', result, diagrams };
  return buildViewModel([input], { version: 't', rules: [] }).architectures[0]!;
}

describe('traffic flows of collapsed spokes', () => {
  it('keeps one flow per kind for identical spokes, naming the others', async () => {
    const a = await pack(4);
    for (const [kind, first, others] of [
      ['ingress', 'Ingress: app-1', ['Ingress: app-2', 'Ingress: app-3', 'Ingress: app-4']],
      ['egress', 'Egress: aks-1', ['Egress: aks-2', 'Egress: aks-3', 'Egress: aks-4']],
      [
        'controlPlane',
        'Control plane: aks-1',
        ['Control plane: aks-2', 'Control plane: aks-3', 'Control plane: aks-4'],
      ],
    ] as const) {
      const list = a.narratives[kind];
      expect(
        list.map((n) => n.title),
        kind,
      ).toEqual([first]);
      expect(list[0]!.notes.at(-1), kind).toBe(
        `The same flow, with their own names and addresses, runs in 3 more spokes drawn as this one (see "Spokes drawn once"): ${others.join('; ')}.`,
      );
    }
  });

  it('keeps the flow of a spoke whose path differs, in full', async () => {
    const a = await pack(4, (arch) => {
      arch.ingress[2].hops[1].tls = 'terminate';
    });
    const titles = a.narratives.ingress.map((n) => n.title);
    expect(titles).toEqual(['Ingress: app-1', 'Ingress: app-3']);
    expect(a.narratives.ingress[0]!.notes.at(-1)).toContain('Ingress: app-2; Ingress: app-4.');
    expect(a.narratives.ingress[1]!.notes.join(' ')).not.toContain('The same flow');
    // Every flow is either printed or named by the flow that stands for it.
    const named = a.narratives.ingress.flatMap(
      (n) => /: (Ingress: .*)\.$/.exec(n.notes.at(-1) ?? '')?.[1]?.split('; ') ?? [],
    );
    expect([...titles, ...named].sort()).toEqual([
      'Ingress: app-1',
      'Ingress: app-2',
      'Ingress: app-3',
      'Ingress: app-4',
    ]);
  });

  it('lists a finding repeated on spokes drawn once on the drawn spoke’s row, and loses none', async () => {
    const a = await pack(4);
    const rows = a.findingsByPillar.flatMap((p) => p.groups.flatMap((g) => g.findings));
    const sla = rows.filter((r) => r.ruleId === 'reliability/sla-tier');
    expect(sla.map((r) => r.element)).toEqual(['aks-1']);
    expect(sla[0]!.alsoOn).toMatch(
      /^The same finding, in their own names, on 3 more spokes drawn as this one: aks-2, aks-3, aks-4 \(d\.ts:\d+\)\.$/,
    );
    // Every open finding is a row or named on one.
    const named = rows.reduce((n, r) => n + 1 + (r.alsoOn ? Number(/on (\d+) more/.exec(r.alsoOn)![1]) : 0), 0);
    expect(named).toBe(a.openCount);
    // Each open finding is listed once; a pillar's count also holds those of its findings listed elsewhere.
    expect(a.findingsByPillar.reduce((n, p) => n + p.listed, 0)).toBe(a.openCount);
    for (const p of a.findingsByPillar) expect(p.count).toBeGreaterThanOrEqual(p.listed);
  });

  it('keeps every flow of a view that draws both spokes, and collapses only where the view does', async () => {
    const a = await pack(2, (arch) => {
      arch.clusters[1].nodePools[1].vmSize = 'Standard_D16ds_v5';
      arch.ingress[1].hops[1].tls = 'terminate';
      arch.network.vnets[2].subnets[3].cidr = arch.network.vnets[2].subnets[3].cidr.replace('/27', '/26');
    });
    expect(a.narratives.ingress).toHaveLength(2);
    expect(a.narratives.egress).toHaveLength(2);
    // The control-plane view shows neither VM sizes, TLS nor the endpoint subnet: there the two spokes are alike.
    expect(a.narratives.controlPlane.map((n) => n.title)).toEqual(['Control plane: aks-1']);
    expect(a.collapsedSpokes.map((r) => [r.name, r.views])).toEqual([['vnet-spoke-2', 'control-plane']]);
  });
});
