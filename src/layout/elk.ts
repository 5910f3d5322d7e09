/**
 * A typed adapter around elkjs: plain input boxes and edges in, absolute boxes and routes out.
 *
 * One ELK instance per process (created lazily, reused warm). Guards the known pitfalls: duplicate
 * ids are rejected before ELK sees them (ELK accepts them silently), every edge must come back with
 * a route (ELK drops cross-hierarchy routes silently in some modes), and the raw ELK output (which
 * carries process-dependent `$H` fields) never leaves this module: results are copied into fresh
 * objects with rounded numbers.
 */
import type { ELK, ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { Box, Point } from '../model/diagram-target.js';

export type { Box, Point } from '../model/diagram-target.js';

export interface Padding {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface LayoutNode {
  id: string;
  parent?: string;
  /** Leaf size, or a container's minimum size. */
  width: number;
  height: number;
  container: boolean;
  /** Container padding (the top one holds the header). */
  padding?: Padding;
  /** West in-port and east out-port with FIXED_SIDE. */
  ports?: boolean;
  layer?: 'first' | 'last';
  /**
   * Rank of the box among the boxes ELK puts in one layer with it (a column of spokes): a lower rank comes first
   * (above in a left-to-right layout, left in a top-down one). Read only when the request sets `orderHints`.
   */
  order?: number;
  /**
   * An undrawn column of a grid (render/grid.ts): the hints chaining the columns end at ports at its top, so that
   * ELK, keeping those hints straight, aligns the columns' tops.
   */
  column?: boolean;
}

export interface LayoutEdge {
  id: string;
  from: string;
  to: string;
  /** Size of the label block drawn at the middle of the edge. */
  label?: { width: number; height: number };
  /**
   * Lay the edge out as if it ran the other way (a return flow, such as the overview's egress, then shares columns
   * with the flow it comes back along instead of adding its own); the route still comes back from `from` to `to`.
   */
  reverse?: boolean;
}

export interface LayoutRequest {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  direction?: 'RIGHT' | 'DOWN';
  /** Preserve model order (stable but costly on big graphs); default true. */
  modelOrder?: boolean;
  /** Extra root layout options (override the defaults). */
  options?: LayoutOptions;
  /**
   * Keep boxes with an `order` in that order within their layer: crossing minimisation is semi-interactive and
   * reads the order from position hints, which holds where model order alone does not (nested boxes, big graphs).
   */
  orderHints?: boolean;
}

export interface Route {
  points: Point[];
  label?: Box;
}

export interface LayoutResult {
  width: number;
  height: number;
  nodes: Map<string, Box>;
  edges: Map<string, Route>;
}

/** An internal error: a bug in view derivation or in ELK's output, never a user mistake. */
export class LayoutError extends Error {
  override name = 'LayoutError';
}

let instance: Promise<ELK> | undefined;
let saveCache: (() => void) | undefined;

/** The process-wide ELK instance (elkjs loaded on first use, with a V8 code cache: see elk-loader). */
export function elk(): Promise<ELK> {
  instance ??= import('./elk-loader.js').then(async (m) => {
    const loaded = m.loadElk();
    saveCache = loaded.saveCache;
    const engine = new loaded.Ctor();
    // The constructor registers ELK's algorithms through the API's timer hop: layouts dispatched directly
    // (runLayout) must come after it, and a request sent the same way is answered after it.
    await engine.knownLayoutAlgorithms();
    return engine;
  });
  return instance;
}

/** elkjs's in-process stand-in for a web worker: its dispatcher lays out synchronously and answers by onmessage. */
interface InProcessWorker {
  dispatcher: { saveDispatch(message: { data: unknown }): void };
  onmessage: (answer: { data: { id?: number; data?: ElkNode; error?: unknown } }) => void;
}

/** The in-process worker behind an elkjs instance, when it is one (elk.bundled.js in Node). */
function inProcessWorker(engine: ELK): InProcessWorker | undefined {
  const w = (engine as unknown as { worker?: { worker?: Partial<InProcessWorker> } }).worker?.worker;
  return typeof w?.dispatcher?.saveDispatch === 'function' ? (w as InProcessWorker) : undefined;
}

/**
 * Lays `root` out with `engine`. elkjs's API passes each layout to its in-process worker and back through two
 * setTimeout(0) hops, which Node clamps to 1 ms each: about 2.5 ms of idle per layout, a tenth of a small graph's
 * layout. The worker's dispatcher is synchronous, so the layout is dispatched to it directly after a setImmediate,
 * which, like the timers, lets I/O and the layout thread's answers in between two layouts, without the clamp.
 * The same dispatcher lays the graph out, so the result is the same as through the API.
 */
export async function runLayout(engine: ELK, root: ElkNode, layoutOptions: LayoutOptions): Promise<ElkNode> {
  const worker = inProcessWorker(engine);
  if (!worker) return engine.layout(root, { layoutOptions });
  await new Promise<void>((r) => setImmediate(r));
  let answer: { data?: ElkNode; error?: unknown } | undefined;
  const apiAnswer = worker.onmessage;
  worker.onmessage = (a) => {
    answer = a.data;
  };
  try {
    worker.dispatcher.saveDispatch({ data: { cmd: 'layout', graph: root, layoutOptions, options: {}, id: -1 } });
  } finally {
    worker.onmessage = apiAnswer;
  }
  if (!answer) throw new LayoutError('internal error: ELK gave no answer to a layout');
  // GWT throws its Java exceptions as JS Errors; anything else is wrapped, as a rejection of the API would carry it.
  if (answer.error !== undefined) {
    throw answer.error instanceof Error ? answer.error : new LayoutError(`ELK failed: ${JSON.stringify(answer.error)}`);
  }
  return answer.data!;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

export const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.randomSeed': '1',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
  'elk.spacing.nodeNode': '24',
  'elk.spacing.edgeNode': '16',
  'elk.spacing.edgeEdge': '12',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.componentComponent': '40',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.layered.cycleBreaking.strategy': 'GREEDY_MODEL_ORDER',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.edgeLabels.sideSelection': 'ALWAYS_UP',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
  'elk.layered.mergeEdges': 'true',
};

/** Lays out a graph; throws LayoutError on duplicate ids, dangling references or unrouted edges. */
export async function layout(req: LayoutRequest): Promise<LayoutResult> {
  const ids = new Map<string, string>();
  const byId = new Map<string, LayoutNode>();
  req.nodes.forEach((n, i) => {
    if (ids.has(n.id)) throw new LayoutError(`internal error: duplicate diagram node id ${JSON.stringify(n.id)}`);
    ids.set(n.id, `n${i}`);
    byId.set(n.id, n);
  });
  const edgeIds = new Set<string>();
  for (const e of req.edges) {
    if (edgeIds.has(e.id)) throw new LayoutError(`internal error: duplicate diagram edge id ${JSON.stringify(e.id)}`);
    edgeIds.add(e.id);
    for (const end of [e.from, e.to]) if (!ids.has(end)) throw new LayoutError(`internal error: edge ${JSON.stringify(e.id)} refers to unknown node ${JSON.stringify(end)}`);
  }
  for (const n of req.nodes) {
    if (n.parent !== undefined && !byId.get(n.parent)?.container) throw new LayoutError(`internal error: node ${JSON.stringify(n.id)} has parent ${JSON.stringify(n.parent)}, which is not a container`);
  }

  // The graphs (root: undefined) holding boxes with an order: their crossing minimisation reads position hints.
  const ordered = new Set(req.orderHints ? req.nodes.filter((n) => n.order !== undefined).map((n) => n.parent) : []);
  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      ...ROOT_OPTIONS,
      'elk.direction': req.direction ?? 'RIGHT',
      ...(req.modelOrder === false ? {} : { 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES' }),
      ...(ordered.has(undefined) ? { 'elk.layered.crossingMinimization.semiInteractive': 'true' } : {}),
      ...req.options,
    },
    children: [],
    edges: [],
  };
  // In-ports face where the flow comes from: west for a left-to-right layout, north for a top-down one.
  const [inSide, outSide] = (req.options?.['elk.direction'] ?? req.direction) === 'DOWN' ? ['NORTH', 'SOUTH'] : ['WEST', 'EAST'];
  for (const n of req.nodes) {
    const id = ids.get(n.id)!;
    const opts: LayoutOptions = {};
    if (n.container) {
      const p = n.padding ?? { top: 24, left: 12, bottom: 12, right: 12 };
      opts['elk.padding'] = `[top=${p.top},left=${p.left},bottom=${p.bottom},right=${p.right}]`;
      opts['elk.nodeSize.constraints'] = 'MINIMUM_SIZE';
      // Each nested graph reads its own crossing-minimisation options.
      if (ordered.has(n.id)) opts['elk.layered.crossingMinimization.semiInteractive'] = 'true';
      // ELK's layered algorithm rotates a top-down graph internally and then applies a compound node's minimum
      // size unrotated (width becomes height): hand it over transposed so the box comes out as measured.
      opts['elk.nodeSize.minimum'] = inSide === 'NORTH' ? `(${r2(n.height)},${r2(n.width)})` : `(${r2(n.width)},${r2(n.height)})`;
    }
    if (n.layer) opts['elk.layered.layering.layerConstraint'] = n.layer === 'first' ? 'FIRST' : 'LAST';
    // The position hint semi-interactive crossing minimisation sorts a layer by (y across, x down).
    if (req.orderHints && n.order !== undefined) opts['elk.position'] = `(${n.order * 10},${n.order * 10})`;
    const en: ElkNode = { id, layoutOptions: opts, width: n.width, height: n.height };
    if (n.container) en.children = [];
    if (n.ports) opts['elk.portConstraints'] = 'FIXED_SIDE';
    if (n.column) {
      opts['elk.portConstraints'] = 'FIXED_SIDE';
      opts['elk.portAlignment.default'] = 'BEGIN';
    }
    elkNodes.set(n.id, en);
  }
  // Every edge gets ports of its own at both ends: two edges between the same boxes (http:80 and https:443)
  // become two lines with their own labels, and many edges into one box (the API server) arrive side by side
  // instead of merging into one arrow. Ported boxes keep their in/out sides; the others let ELK choose.
  const portOf = (node: string, edge: number, dir: 'in' | 'out'): string => {
    const en = elkNodes.get(node)!;
    const id = `${en.id}_${dir}${edge}`;
    const side = byId.get(node)!.ports || byId.get(node)!.column ? (dir === 'in' ? inSide : outSide) : undefined;
    (en.ports ??= []).push({ id, width: 0, height: 0, ...(side ? { layoutOptions: { 'elk.port.side': side } } : {}) });
    return id;
  };
  for (const n of req.nodes) {
    const parent = n.parent === undefined ? root : elkNodes.get(n.parent)!;
    (parent.children ??= []).push(elkNodes.get(n.id)!);
  }

  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    for (let p = byId.get(id)?.parent; p !== undefined; p = byId.get(p)?.parent) out.push(p);
    return out;
  };
  // Containers and the ends of layout hints take edges on the box itself.
  const direct = (node: string, hint: boolean): boolean =>
    !byId.get(node)!.column && (byId.get(node)!.container || (hint && !byId.get(node)!.ports));
  req.edges.forEach((e, i) => {
    const a = ancestors(e.from);
    const b = new Set(ancestors(e.to));
    const lca = a.find((x) => b.has(x) && x !== e.from && x !== e.to);
    const holder = lca === undefined ? root : elkNodes.get(lca)!;
    const hint = e.id.startsWith('hint:');
    const [src, dst] = e.reverse ? [e.to, e.from] : [e.from, e.to];
    const edge: ElkExtendedEdge = {
      id: `e${i}`,
      sources: [direct(src, hint) ? ids.get(src)! : portOf(src, i, 'out')],
      targets: [direct(dst, hint) ? ids.get(dst)! : portOf(dst, i, 'in')],
    };
    if (e.label) edge.labels = [{ id: `e${i}_l`, text: ' ', width: e.label.width, height: e.label.height }];
    (holder.edges ??= []).push(edge);
  });

  const engine = await elk();
  const out = await runLayout(engine, root, {
    'org.eclipse.elk.json.shapeCoords': 'ROOT',
    'org.eclipse.elk.json.edgeCoords': 'ROOT',
  });
  // After the first layout the code cache also holds the functions it compiled.
  saveCache?.();

  const nodeOut = new Map<string, Box>();
  const edgeOut = new Map<string, Route>();
  const nodeKey = new Map([...ids].map(([k, v]) => [v, k]));
  const edgeKey = new Map(req.edges.map((e, i) => [`e${i}`, e.id]));
  const reversed = new Set(req.edges.filter((e) => e.reverse).map((e) => e.id));
  const walk = (n: ElkNode): void => {
    for (const c of n.children ?? []) {
      const key = nodeKey.get(c.id);
      if (key === undefined) throw new LayoutError(`internal error: ELK returned an unknown node ${c.id}`);
      nodeOut.set(key, { x: r2(c.x ?? 0), y: r2(c.y ?? 0), width: r2(c.width ?? 0), height: r2(c.height ?? 0) });
      walk(c);
    }
    for (const e of (n.edges ?? []) as ElkExtendedEdge[]) {
      const key = edgeKey.get(e.id)!;
      const sections = e.sections ?? [];
      if (sections.length === 0) throw new LayoutError(`internal error: ELK returned no route for diagram edge ${JSON.stringify(key)}`);
      const points: Point[] = [];
      for (const s of sections) {
        for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]) {
          const q = { x: r2(p.x), y: r2(p.y) };
          const last = points[points.length - 1];
          if (!last || last.x !== q.x || last.y !== q.y) points.push(q);
        }
      }
      if (reversed.has(key)) points.reverse();
      const l = e.labels?.[0];
      edgeOut.set(key, { points, ...(l ? { label: { x: r2(l.x ?? 0), y: r2(l.y ?? 0), width: r2(l.width ?? 0), height: r2(l.height ?? 0) } } : {}) });
    }
  };
  walk(out);
  for (const e of req.edges) if (!edgeOut.has(e.id)) throw new LayoutError(`internal error: ELK returned no route for diagram edge ${JSON.stringify(e.id)}`);
  return { width: r2(out.width ?? 0), height: r2(out.height ?? 0), nodes: nodeOut, edges: edgeOut };
}
