/**
 * Bridge to the diagram module (`src/diagram/index.ts`). It is imported lazily so the report can
 * be built and tested without it; when it is missing the pack says so instead of showing images.
 */
import type { Model } from '../model/types.js';
import type { Finding } from '../validate/finding.js';
import type { RenderedDiagramLike } from './view-model.js';

export interface DiagramModule {
  VIEWS: readonly string[];
  renderDiagrams(model: Model, opts?: { views?: string[]; findings?: Finding[]; iconPack?: string; metadata?: boolean }): Promise<RenderedDiagramLike[]>;
}

let cached: Promise<DiagramModule | undefined> | undefined;

/** The diagram module, or undefined when this build has none. */
export function diagramModule(): Promise<DiagramModule | undefined> {
  cached ??= (async () => {
    const spec = '../diagram/index.js';
    try {
      const mod = (await import(spec)) as Partial<DiagramModule>;
      return typeof mod.renderDiagrams === 'function' ? (mod as DiagramModule) : undefined;
    } catch (e) {
      const code = (e as { code?: string }).code;
      const msg = (e as Error).message ?? '';
      if (code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|does not exist/i.test(msg)) return undefined;
      throw e;
    }
  })();
  return cached;
}

export interface DiagramResult {
  diagrams: RenderedDiagramLike[];
  note?: string;
  /** True when the diagram module threw. */
  failed?: boolean;
}

/** Every view of an architecture, with its findings as overlays. */
export async function diagramsFor(model: Model, findings: Finding[], iconPack?: string): Promise<DiagramResult> {
  const mod = await diagramModule();
  if (!mod) return { diagrams: [], note: 'Diagrams are not available: this aksnet build has no diagram module.' };
  try {
    const diagrams = await mod.renderDiagrams(model, {
      views: [...mod.VIEWS],
      findings: findings.filter((f) => f.status !== 'suppressed'),
      ...(iconPack ? { iconPack } : {}),
      metadata: false,
    });
    return { diagrams };
  } catch (e) {
    // One architecture the layout cannot draw must not cost the whole pack; the pack and stderr say so.
    return { diagrams: [], note: `Diagrams could not be drawn: ${(e as Error).message?.split('\n')[0] ?? String(e)}`, failed: true };
  }
}
