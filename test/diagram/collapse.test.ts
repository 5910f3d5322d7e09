/**
 * Collapse of repeated spokes: every spoke is either drawn or listed, never both and never lost; a spoke that
 * differs in anything a view shows (a subnet size, a VM size, a TLS state, a finding) stays drawn; a spoke that
 * differs only in names and addresses is listed with those names and addresses.
 */
import { describe, expect, it } from 'vitest';
import { collapseView, spokeOwners } from '../../src/diagram/collapse.js';
import { deriveView } from '../../src/diagram/views.js';
import type { ViewName } from '../../src/model/view-graph.js';
import type { Model } from '../../src/model/types.js';
import { normalize } from '../../src/normalize/normalize.js';
import type { Finding } from '../../src/validate/finding.js';
// @ts-expect-error the bench generator is plain JavaScript
import { hubSpoke } from '../../bench/hub-spoke.mjs';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call */
type Arch = any;
const VIEWS: ViewName[] = ['topology', 'ingress', 'egress', 'control-plane'];

function design(n: number, change: (a: Arch) => void = () => {}): Model {
  const arch: Arch = hubSpoke(n);
  change(arch);
  return normalize(arch).model;
}

/** Spoke VNet ids a (collapsed) view draws: the spoke boxes left in the graph. */
function drawnSpokes(model: Model, view: ViewName, findings: Finding[] = []) {
  const full = deriveView(model, view)!;
  const c = collapseView(full, model, findings);
  const spokes = new Set(model.resources.filter((r) => r.kind === 'vnet' && r.role === 'spoke').map((r) => r.id));
  const inFull = new Set(full.nodes.map((n) => n.element).filter((e): e is string => !!e && spokes.has(e)));
  const drawn = new Set(c.graph.nodes.map((n) => n.element).filter((e): e is string => !!e && spokes.has(e)));
  const listed = c.groups.flatMap((g) => g.members.map((m) => m.id));
  return { c, inFull, drawn, listed };
}

/** A small seeded generator, so a failing case can be replayed from the seed printed with it. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Changes a spoke so that its drawing differs from the others in the named way. */
const CHANGES: Record<string, { views: ViewName[]; apply: (a: Arch, i: number) => void }> = {
  'subnet size': {
    views: ['topology', 'egress'],
    apply: (a, i) => {
      a.network.vnets[i + 1].subnets[3].cidr = a.network.vnets[i + 1].subnets[3].cidr.replace('/27', '/26');
    },
  },
  'VM size': {
    views: ['topology', 'egress'],
    apply: (a, i) => {
      a.clusters[i].nodePools[1].vmSize = 'Standard_D16ds_v5';
    },
  },
  'TLS state': {
    views: ['ingress'],
    apply: (a, i) => {
      a.ingress[i].hops[1].tls = 'terminate';
    },
  },
  'extra subnet': {
    views: ['topology'],
    apply: (a, i) => {
      const v = a.network.vnets[i + 1];
      const base = v.addressSpace[0].split('.').slice(0, 2).join('.');
      v.subnets.push({ kind: 'subnet', name: 'snet-extra', cidr: `${base}.8.0/24` });
    },
  },
};

describe('collapseView', () => {
  it('draws one of 20 identical spokes per view and lists the other 19 with their names and address spaces', () => {
    const model = design(20);
    for (const view of VIEWS) {
      const { c, inFull, drawn, listed } = drawnSpokes(model, view);
      expect(inFull.size, view).toBe(20);
      expect([...drawn], view).toEqual(['vnet:vnet-spoke-1']);
      expect(c.groups, view).toHaveLength(1);
      const g = c.groups[0]!;
      expect(g.note).toBe('+ 19 more spokes like vnet-spoke-1');
      expect(g.members.map((m) => m.name)).toEqual(Array.from({ length: 19 }, (_, i) => `vnet-spoke-${i + 2}`));
      expect(g.members.map((m) => m.addressSpace)).toEqual(Array.from({ length: 19 }, (_, i) => `10.${i + 12}.0.0/16`));
      expect(listed).toHaveLength(19);
      // The note box is in the picture, with the drawn spoke's links to the rest of it.
      const note = c.graph.nodes.find((n) => n.id === g.noteId)!;
      expect(note.label).toBe(g.note);
      expect(c.graph.nodes.length).toBeLessThan(deriveView(model, view)!.nodes.length / 5);
      // Every edge of the collapsed view ends at a node it has.
      const ids = new Set(c.graph.nodes.map((n) => n.id));
      for (const e of c.graph.edges) expect(ids.has(e.from) && ids.has(e.to), e.id).toBe(true);
      // No note is tied after the drawn spoke (a hint would give it a layer of its own and push what it links to
      // one further): one with links sits where they put it, one without (ingress: the clients belong to the
      // spokes) is left free.
      const linked = c.graph.edges.some((e) => e.from === g.noteId || e.to === g.noteId);
      const hinted = (c.graph.hints ?? []).some((h) => h.to === g.noteId || h.from === g.noteId);
      expect(linked, view).toBe(view !== 'ingress');
      expect(hinted, view).toBe(false);
      // The note's links speak of the other spokes: none names the drawn spoke's parts.
      const ofNotes = c.graph.edges.filter((e) => e.from.startsWith(g.noteId) || e.to.startsWith(g.noteId));
      for (const e of ofNotes) expect(e.label, view).not.toMatch(/\b(aks|agw|ilb|nginx|pe-kv|kv-spoke)-1\b|spoke-1\b/);
      if (view === 'egress') {
        // The spokes' routes leave from the note; their destinations, outside the spoke, have a note of their own
        // (one note for both would close a cycle through the hub firewall and the internet).
        const sat = c.graph.nodes.find((n) => n.label === '+ 19 more like Partner API')!;
        expect(sat).toBeDefined();
        expect(ofNotes.filter((e) => e.to === sat.id).map((e) => e.label)).toEqual(['https:443 \u00d719']);
        expect(ofNotes.filter((e) => e.to === g.noteId)).toEqual([]);
        expect(ofNotes.filter((e) => e.from === g.noteId).map((e) => e.label)).toEqual(['0.0.0.0/0 UDR \u00d719']);
      }
    }
  });

  it('lists what tells a collapsed spoke apart: its subnets’ addresses and its parts’ names', () => {
    const model = design(3);
    const { c } = drawnSpokes(model, 'topology');
    const m = c.groups[0]!.members.find((x) => x.name === 'vnet-spoke-3')!;
    expect(m.differs).toEqual(
      expect.arrayContaining(['snet-nodes 10.13.0.0/22', 'snet-pe 10.13.6.0/27', 'aks-3', 'agw-3', 'kv-spoke-3']),
    );
    expect(m.differs.join(' ')).not.toContain('spoke-1');
    const egress = drawnSpokes(model, 'egress').c.groups[0]!.members.find((x) => x.name === 'vnet-spoke-3')!;
    expect(egress.differs).toContain('Partner API api.partner3.example');
  });

  it('never collapses a spoke whose drawing differs (each change, each spoke position)', () => {
    for (const [what, change] of Object.entries(CHANGES)) {
      for (const k of [0, 1, 4]) {
        const model = design(5, (a) => change.apply(a, k));
        const id = `vnet:vnet-spoke-${k + 1}`;
        for (const view of change.views) {
          const { c, drawn, listed } = drawnSpokes(model, view);
          expect(drawn.has(id), `${what} of spoke ${k + 1} in ${view}`).toBe(true);
          expect(listed, `${what} of spoke ${k + 1} in ${view}`).not.toContain(id);
          // Nor does it stand for others: it has a shape of its own.
          expect(
            c.groups.map((g) => g.representative.id),
            `${what} in ${view}`,
          ).not.toContain(id);
        }
      }
    }
  });

  it('keeps a spoke drawn when only its finding badges differ', () => {
    const model = design(4);
    const finding = {
      ruleId: 'x/y',
      severity: 'warning',
      element: 'cluster:aks-3',
      status: 'open',
    } as unknown as Finding;
    for (const view of VIEWS) {
      const { drawn, listed } = drawnSpokes(model, view, [finding]);
      if (!deriveView(model, view)!.nodes.some((n) => n.element === 'cluster:aks-3')) continue;
      expect(drawn.has('vnet:vnet-spoke-3'), view).toBe(true);
      expect(listed, view).not.toContain('vnet:vnet-spoke-3');
    }
  });

  it('collapses a spoke that differs only in a name, and lists that name', () => {
    const model = design(4, (a) => {
      a.network.vnets[3].subnets[3].name = 'snet-private';
    });
    const { listed, c } = drawnSpokes(model, 'topology');
    expect(listed).toContain('vnet:vnet-spoke-3');
    expect(c.groups[0]!.members.find((m) => m.name === 'vnet-spoke-3')!.differs).toContain('snet-private');
  });

  it('property: every spoke is drawn or listed, exactly once, whatever spokes differ', () => {
    const kinds = Object.keys(CHANGES);
    for (let seed = 1; seed <= 12; seed++) {
      const next = rng(seed);
      const n = 3 + Math.floor(next() * 8);
      const changed = new Map<number, string>();
      for (let i = 0; i < n; i++) if (next() < 0.3) changed.set(i, kinds[Math.floor(next() * kinds.length)]!);
      const model = design(n, (a) => {
        for (const [i, what] of changed) CHANGES[what]!.apply(a, i);
      });
      for (const view of VIEWS) {
        const { c, inFull, drawn, listed } = drawnSpokes(model, view);
        const label = `seed ${seed}, ${n} spokes, changed ${JSON.stringify([...changed])}, ${view}`;
        expect(new Set(listed).size, label).toBe(listed.length);
        expect(
          listed.filter((x) => drawn.has(x)),
          label,
        ).toEqual([]);
        expect(new Set([...drawn, ...listed]), label).toEqual(inFull);
        // A group only ever joins spokes with the same visible change (or none): never a changed with an unchanged one.
        const visible = (id: string) => {
          const what = changed.get(Number(/(\d+)$/.exec(id)![1]) - 1);
          return what && CHANGES[what]!.views.includes(view) ? what : 'none';
        };
        for (const g of c.groups) {
          const kinds = new Set([g.representative.id, ...g.members.map((m) => m.id)].map(visible));
          expect([...kinds], label).toHaveLength(1);
        }
      }
    }
  });

  it('assigns a spoke the parts placed in it and its cluster’s parts, never the hub’s', () => {
    const model = design(2);
    const owners = spokeOwners(model);
    expect(owners.get('cluster:aks-2')).toBe('vnet:vnet-spoke-2');
    expect(owners.get('nodePool:aks-2/apps')).toBe('vnet:vnet-spoke-2');
    expect(owners.get('egressDestination:aks-1/Partner API')).toBe('vnet:vnet-spoke-1');
    expect(owners.get('access:aks-1/admins-1')).toBe('vnet:vnet-spoke-1');
    expect(owners.has('azureFirewall:afw-hub')).toBe(false);
    expect(owners.has('routeTable:rt-egress')).toBe(false);
  });

  it('leaves a view of different spokes unchanged', () => {
    const model = design(2, (a) => CHANGES['VM size']!.apply(a, 1));
    const full = deriveView(model, 'topology')!;
    const c = collapseView(full, model);
    expect(c.groups).toEqual([]);
    expect(c.graph).toBe(full);
  });
});
