/**
 * Grids of sibling boxes (a VNet's subnets, a cluster's node pools) arranged by their measured sizes.
 *
 * ELK's layered algorithm stacks unconnected siblings in one column. A grid spreads them over columns with invisible
 * hint edges (column k → column k + 1), and how many columns, and which boxes share one, is chosen here from the boxes'
 * sizes: a subnet holding a cluster is many times taller than one holding a single endpoint, so a fixed count per
 * column leaves large empty cells. Boxes keep their order: columns take runs of consecutive boxes (model order).
 */
import type { LayoutEdge, LayoutNode } from '../layout/elk.js';

export interface GridBox {
  id: string;
  parent?: string;
  /** Measured size of a leaf, or a container's minimum size (its header). */
  width: number;
  height: number;
  container: boolean;
  padding?: { top: number; left: number; bottom: number; right: number };
  layer?: 'first' | 'last';
}

export interface GridGroup {
  /** Siblings in model order. */
  ids: string[];
  /**
   * Width the group may take for each unit of height: the arrangement minimises max(width / aspect, height), so a
   * larger aspect gives fewer, longer rows (more columns). Without one, the group shares the printed page with the
   * rest of the picture and takes the arrangement that prints the whole picture largest.
   */
  aspect?: number;
}

export interface GridSpacing {
  /** Between boxes of one column. */
  node: number;
  /** Between columns. */
  layer: number;
}

interface Size {
  width: number;
  height: number;
}

/** A column arrangement: the runs of a group's boxes, one run a column. */
type Columns = string[][];

/** Size of a stack of boxes. */
function stack(sizes: Size[], gap: number): Size {
  return {
    width: Math.max(0, ...sizes.map((s) => s.width)),
    height: sizes.reduce((a, s) => a + s.height, 0) + gap * Math.max(0, sizes.length - 1),
  };
}

/** Size of columns side by side. */
function side(columns: Size[], gap: number): Size {
  return {
    width: columns.reduce((a, c) => a + c.width, 0) + gap * Math.max(0, columns.length - 1),
    height: Math.max(0, ...columns.map((c) => c.height)),
  };
}

/**
 * The runs of `heights` (in order) over `count` columns whose tallest column is lowest: the linear partition problem,
 * solved exactly (groups are small: a VNet's subnets, a cluster's pools).
 */
function partition(heights: number[], count: number, gap: number): number[] {
  const n = heights.length;
  const prefix = [0];
  for (const h of heights) prefix.push(prefix[prefix.length - 1]! + h);
  const run = (i: number, j: number) => prefix[j]! - prefix[i]! + gap * (j - i - 1);
  // best[k][j]: lowest tallest column for the first j boxes over k columns; cut[k][j]: where the last column starts.
  const best: number[][] = [Array.from({ length: n + 1 }, (_, j) => (j === 0 ? 0 : Infinity))];
  const cut: number[][] = [Array.from({ length: n + 1 }, () => 0)];
  for (let k = 1; k <= count; k++) {
    best.push(Array.from({ length: n + 1 }, () => Infinity));
    cut.push(Array.from({ length: n + 1 }, () => 0));
    for (let j = 1; j <= n; j++) {
      for (let i = k - 1; i < j; i++) {
        const v = Math.max(best[k - 1]![i]!, run(i, j));
        // Ties go to the later cut: earlier columns take more boxes, the last column is the short one.
        if (v <= best[k]![j]!) {
          best[k]![j] = v;
          cut[k]![j] = i;
        }
      }
    }
  }
  const starts: number[] = [];
  for (let k = count, j = n; k > 0; k--) {
    starts.unshift(cut[k]![j]!);
    j = cut[k]![j]!;
  }
  return starts;
}


/** A group laid out over more than one column: the runs of boxes, and the height the tallest is estimated at. */
export interface Arranged {
  parent: string | undefined;
  columns: string[][];
  height: number;
}

/**
 * The picture box of a printed A4 landscape page (page-fit.ts), in diagram pixels at the scale that keeps 10 px text
 * at 6 pt. A topology runs left to right, so landscape is the page it is shaped for.
 */
const PAGE = { width: 1271, height: 741 };
/** Height the picture's title block and legend add to the laid-out boxes, roughly. */
const CHROME = 80;
/**
 * How much larger ELK's layout comes out than the estimate (edge routes and their label chips between columns, ports):
 * about a fifth, measured on the examples.
 */
const SLACK = 1.2;
/** The print-scale gain a column more must bring (see arrangeGrids). */
const GAIN = 0.9;
/** The most groups judged by the whole picture (see arrangeGrids). */
const MAX_PAGED = 12;

/** How many printed pages' worth a picture of this size is: below 1 it fits one page (larger is worse). */
const pageCost = (s: Size): number => Math.max((s.width * SLACK) / PAGE.width, (s.height * SLACK + CHROME) / PAGE.height);

/**
 * The column arrangement of each group, chosen with the boxes' sizes (a container's size estimated from its
 * children: siblings joined by edges in successive columns, as ELK's layers put them, unconnected ones stacked).
 * A group with an `aspect` is shaped by it; one without (a VNet's subnets) takes the arrangement whose whole picture,
 * as estimated, prints largest. Groups that stay one column are left out.
 */
export function arrangeGrids(
  boxes: GridBox[],
  edges: Array<{ from: string; to: string }>,
  groups: GridGroup[],
  spacing: GridSpacing,
): Arranged[] {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const children = new Map<string | undefined, string[]>();
  for (const b of boxes) {
    const list = children.get(b.parent);
    if (list) list.push(b.id);
    else children.set(b.parent, [b.id]);
  }
  const chain = (id: string): string[] => {
    const out = [id];
    for (let p = byId.get(id)?.parent; p !== undefined && out.length < 64; p = byId.get(p)?.parent) out.push(p);
    return out;
  };
  // Edges lifted to the siblings they run between (the children of both ends' nearest common container).
  const after = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!byId.has(e.from) || !byId.has(e.to)) continue;
    const a = chain(e.from).reverse();
    const b = chain(e.to).reverse();
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (i >= a.length || i >= b.length) continue;
    const set = after.get(a[i]!) ?? new Set<string>();
    set.add(b[i]!);
    after.set(a[i]!, set);
  }
  // Only groups of siblings that are drawn: a part of a view keeps some boxes of a group.
  const live = groups
    .map((g) => ({ ...g, ids: g.ids.filter((id) => byId.has(id)) }))
    .filter((g) => g.ids.length > 1 && g.ids.every((id) => byId.get(id)!.parent === byId.get(g.ids[0]!)!.parent));
  const groupOf = new Map<string | undefined, GridGroup>();
  for (const g of live) if (!groupOf.has(byId.get(g.ids[0]!)!.parent)) groupOf.set(byId.get(g.ids[0]!)!.parent, g);
  const chosen = new Map<string | undefined, Columns>();

  /** Each container's children by layer: the longest path to them over the edges between them (computed once). */
  const layers = new Map<string | undefined, Map<string, number>>();
  const layersOf = (parent: string | undefined): Map<string, number> => {
    const known = layers.get(parent);
    if (known) return known;
    const kids = children.get(parent) ?? [];
    const mine = new Set(kids);
    const before = new Map<string, string[]>();
    for (const k of kids) {
      for (const next of after.get(k) ?? []) if (mine.has(next) && next !== k) before.set(next, [...(before.get(next) ?? []), k]);
    }
    const layer = new Map<string, number>();
    const depthOf = (id: string, seen: Set<string>): number => {
      const done = layer.get(id);
      if (done !== undefined) return done;
      let d = 0;
      seen.add(id);
      for (const k of before.get(id) ?? []) if (!seen.has(k)) d = Math.max(d, depthOf(k, seen) + 1);
      seen.delete(id);
      layer.set(id, d);
      return d;
    };
    for (const k of kids) depthOf(k, new Set());
    const plain = kids.filter((k) => byId.get(k)!.layer !== 'last');
    const last = Math.max(0, ...plain.map((k) => layer.get(k)!));
    const out = new Map<string, number>();
    for (const k of kids) {
      const b = byId.get(k)!;
      out.set(k, b.layer === 'first' ? 0 : b.layer === 'last' ? Math.max(last, layer.get(k)!) : layer.get(k)!);
    }
    layers.set(parent, out);
    return out;
  };
  /** The columns a container's children take: its layers, with a grid's boxes spread over columns of their own. */
  const columnsOf = (parent: string | undefined, without?: ReadonlySet<string>): Columns => {
    const at = layersOf(parent);
    const kids = (children.get(parent) ?? []).filter((k) => !without?.has(k));
    const grid = chosen.get(parent) ?? [];
    const inGrid = new Set(grid.flat());
    // A grid starts at the layer its boxes would take together (they have no edges between them); its columns after
    // the first push the layers after it one further each.
    const base = Math.max(0, ...kids.filter((k) => inGrid.has(k)).map((k) => at.get(k)!));
    const extra = Math.max(0, grid.length - 1);
    const cols: Columns = [];
    for (const k of kids) {
      if (inGrid.has(k)) continue;
      const l = at.get(k)!;
      (cols[l > base ? l + extra : l] ??= []).push(k);
    }
    grid.forEach((col, i) => (cols[base + i] ??= []).push(...col));
    // (filter skips the layers no box took.)
    return cols.filter((c) => c.length > 0);
  };
  const sizes = new Map<string, Size>();
  const boxSize = (b: GridBox, inner: Size): Size => {
    const p = b.padding ?? { top: 0, left: 0, bottom: 0, right: 0 };
    return {
      width: Math.max(b.width, inner.width + p.left + p.right),
      height: Math.max(b.height, inner.height + p.top + p.bottom),
    };
  };
  const content = (parent: string | undefined, without?: ReadonlySet<string>): Size =>
    side(columnsOf(parent, without).map((c) => stack(c.map((id) => sizes.get(id)!), spacing.node)), spacing.layer);
  // Containers after their children (deepest first).
  const order = [...boxes].sort((a, b) => chain(b.id).length - chain(a.id).length);
  const sizeOf = (b: GridBox): Size =>
    b.container && children.has(b.id) ? boxSize(b, content(b.id)) : { width: b.width, height: b.height };
  for (const b of order) sizes.set(b.id, sizeOf(b));
  /** The whole picture's size after `parent`'s arrangement changed: its box and those around it measured again. */
  const estimate = (parent: string | undefined, without?: ReadonlySet<string>): Size => {
    if (parent !== undefined) for (const id of chain(parent)) sizes.set(id, sizeOf(byId.get(id)!));
    return content(undefined, without);
  };
  const candidates = (g: GridGroup): Columns[] => {
    const heights = g.ids.map((id) => sizes.get(id)!.height);
    return g.ids.map((_, i) => {
      const starts = partition(heights, i + 1, spacing.node);
      return starts.map((s, k) => g.ids.slice(s, starts[k + 1] ?? g.ids.length)).filter((c) => c.length);
    });
  };
  /** The arrangement of `g` that scores lowest; a column more must score below `gain` times the best so far. */
  const pick = (parent: string | undefined, g: GridGroup, score: () => number, gain: number): void => {
    let best: { cols: Columns; score: number } | undefined;
    for (const cols of candidates(g)) {
      chosen.set(parent, cols);
      const v = score();
      if (!best || v < best.score * gain) best = { cols, score: v };
    }
    chosen.set(parent, best!.cols);
    estimate(parent);
  };
  // The groups that share the page are judged by the whole picture, which costs a pass over the boxes around each
  // candidate: beyond a dozen such groups (a design of many spokes, its VNets in columns of their own) each VNet is
  // shaped on its own instead, as about square.
  const paging = [...groupOf].filter(([, g]) => g.aspect === undefined).length <= MAX_PAGED;
  const aspectOf = (g: GridGroup) => g.aspect ?? (paging ? undefined : 1);
  // Shaped groups first, innermost first (a cluster's pools before the subnet and VNet around them).
  const shaped = [...groupOf].filter(([, g]) => aspectOf(g) !== undefined);
  shaped.sort(([a], [b]) => (b === undefined ? 0 : chain(b).length) - (a === undefined ? 0 : chain(a).length));
  for (const [parent, g] of shaped) {
    const own = (): Size => {
      if (parent === undefined) return content(undefined);
      const s = sizeOf(byId.get(parent)!);
      sizes.set(parent, s);
      return s;
    };
    pick(parent, g, () => {
      const s = own();
      return Math.max(s.width / aspectOf(g)!, s.height);
    }, 1);
  }
  // Then the groups that share the page: each in turn takes the arrangement whose whole picture prints best, the
  // others as chosen so far (twice round, so that the first chosen sees the others' choice).
  const paged = [...groupOf].filter(([, g]) => aspectOf(g) === undefined);
  // Several top-level boxes holding such groups (the regions of a two-region design) print one a page when the whole
  // does not fit: each group is judged by the picture of its own.
  // (Top-level boxes around a group's container, that is: a zone beside the regions is no such box.)
  const nested = (p: string | undefined) => p !== undefined && byId.get(p)!.parent !== undefined;
  const tops = new Set(paged.filter(([p]) => nested(p)).map(([p]) => chain(p!).at(-1)!));
  for (let round = 0; round < 2; round++) {
    for (const [parent, g] of paged) {
      // A group outside every region (the zones beside them) is judged with the first region.
      const mine = nested(parent) ? chain(parent!).at(-1) : [...tops][0];
      const others = new Set([...tops].filter((t) => t !== mine));
      // A column more must print the picture clearly larger: each column is one more place where ELK's placement
      // can let the tops drift apart, which the estimate does not see.
      pick(parent, g, () => pageCost(estimate(parent, others)), GAIN);
    }
  }
  const out: Arranged[] = [];
  for (const g of live) {
    const parent = byId.get(g.ids[0]!)!.parent;
    const cols = chosen.get(parent);
    if (!cols || cols.length < 2) continue;
    const height = Math.max(...cols.map((c) => stack(c.map((id) => sizes.get(id)!), spacing.node).height));
    out.push({ parent, columns: cols, height });
  }
  return out;
}

/**
 * Lays each group out as columns: every column an undrawn container (`column`) holding its boxes in order, placed
 * where the group's first box was; returns the hints that chain the columns left to right. ELK stacks a column's
 * boxes tightly, and keeping the chaining hints straight (they end at the columns' top corners) aligns the columns'
 * tops, so cells do not drift apart as they did when boxes were chained one to one.
 */
export function gridColumns(
  nodes: LayoutNode[],
  edges: readonly LayoutEdge[],
  hints: ReadonlyArray<{ from: string; to: string }>,
  groups: GridGroup[],
  spacing: GridSpacing,
): Array<{ from: string; to: string }> {
  // Edges as ELK lays them out: a reversed edge runs from its end to its start.
  const laid = [...edges.map((e) => (e.reverse ? { from: e.to, to: e.from } : e)), ...hints];
  const out: Array<{ from: string; to: string }> = [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const a of arrangeGrids(nodes, laid, groups, spacing)) {
    const ids = a.columns.map((_, k) => `grid:${a.parent ?? ''}:${k}`);
    const at = nodes.findIndex((n) => n.id === a.columns[0]![0]);
    nodes.splice(
      at,
      0,
      ...ids.map((id) => ({
        id,
        ...(a.parent !== undefined ? { parent: a.parent } : {}),
        width: 0,
        height: a.height,
        container: true,
        column: true,
        padding: { top: 0, left: 0, bottom: 0, right: 0 },
      })),
    );
    a.columns.forEach((col, k) => {
      col.forEach((id, row) => {
        const n = byId.get(id)!;
        n.parent = ids[k]!;
        // Top to bottom in the group's order: ELK would reorder a column to shorten the edges that leave it.
        n.order = row;
      });
    });
    for (let k = 1; k < ids.length; k++) out.push({ from: ids[k - 1]!, to: ids[k]! });
  }
  return out;
}
