/** The diagrams of a review pack: every view of an architecture, with its open findings as overlays. */
import { VIEWS } from '../diagram/index.js';
import type { Paper } from '../diagram/page-fit.js';
import { renderPackDiagrams } from '../diagram/pack-views.js';
import type { Model } from '../model/types.js';
import { isActive, type Finding } from '../validate/finding.js';
import type { RenderedDiagramLike } from './view-model.js';

export interface DiagramResult {
  diagrams: RenderedDiagramLike[];
  note?: string;
  /** True when the layout or rendering threw. */
  failed?: boolean;
}

/** Every view of an architecture, with its findings as overlays; views too large for a page collapsed. */
export async function diagramsFor(
  model: Model,
  findings: Finding[],
  iconPack?: string,
  paper: Paper = 'a4',
): Promise<DiagramResult> {
  try {
    const diagrams = await renderPackDiagrams(model, {
      views: [...VIEWS],
      findings: findings.filter(isActive),
      ...(iconPack ? { iconPack } : {}),
      metadata: false,
      paper,
    });
    return { diagrams };
  } catch (e) {
    // One architecture the layout cannot draw must not cost the whole pack; the pack and stderr say so.
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { diagrams: [], note: `Diagrams could not be drawn: ${reason}`, failed: true };
  }
}
