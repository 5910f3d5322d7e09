/**
 * Turns a finding's DSL path into a file position. The syntactic walk of the architecture file
 * (PositionMap) is exact for values written in place; when it cannot follow a value (built in a
 * function, a loop or another module), the call site the DSL builder recorded at run time takes
 * over, and the rest of the path is walked from that call.
 */
import type { LoadedArchitecture } from './load-architecture.js';
import { displayPath, type SourceSite } from './load-module.js';
import { PositionMap, parsePath } from './positions.js';

export interface Located {
  line: number;
  column: number;
  /** Display path when the position is in another file than the architecture (a helper module). */
  file?: string;
  /** With `file`: the architecture file's call that led into that module (SourceSite.calledFrom), when there is one. */
  calledFrom?: { line: number; column: number };
}

export class SourceLocator {
  private constructor(
    private readonly arch: Pick<LoadedArchitecture, 'path' | 'value' | 'sites'>,
    private readonly maps: Map<string, PositionMap>,
  ) {}

  /** Parses the architecture file and every file a builder was called from. */
  static create(arch: Pick<LoadedArchitecture, 'path' | 'value' | 'sites'>): Promise<SourceLocator> {
    return Promise.resolve(SourceLocator.createSync(arch));
  }

  /** As create(), synchronously (the parse is synchronous). */
  static createSync(arch: Pick<LoadedArchitecture, 'path' | 'value' | 'sites'>): SourceLocator {
    const files = new Set<string>([arch.path]);
    for (const site of arch.sites.values()) files.add(site.file);
    const maps = new Map<string, PositionMap>();
    for (const f of [...files].sort()) maps.set(f, PositionMap.parse(f));
    return new SourceLocator(arch, maps);
  }

  /**
   * A locator that parses nothing until the first look-up: a design without findings never loads the
   * TypeScript parser, and one with findings has its rules run once, not once to find out and again to locate.
   */
  static lazy(arch: Pick<LoadedArchitecture, 'path' | 'value' | 'sites'>): { locate(path: string): Located; readonly used: boolean } {
    let real: SourceLocator | undefined;
    return {
      locate: (path) => (real ??= SourceLocator.createSync(arch)).locate(path),
      get used() {
        return real !== undefined;
      },
    };
  }

  locate(path: string): Located {
    const main = this.maps.get(this.arch.path)!.locate(path);
    if (main.exact) return { line: main.line, column: main.column };
    const found = this.nearestSite(parsePath(path));
    if (!found) return { line: main.line, column: main.column };
    const pos = this.maps.get(found.site.file)!.locateFrom(found.site.line, found.site.column, found.rest);
    if (found.site.file === this.arch.path) return { line: pos.line, column: pos.column };
    const call = found.site.calledFrom;
    return { line: pos.line, column: pos.column, file: displayPath(found.site.file), ...(call ? { calledFrom: { line: call.line, column: call.column } } : {}) };
  }

  /** The deepest builder-made value along the path, and the segments below it. */
  private nearestSite(segments: Array<string | number>): { site: SourceSite; rest: Array<string | number> } | undefined {
    let value: unknown = this.arch.value;
    let found: { site: SourceSite; rest: Array<string | number> } | undefined;
    for (let i = 0; i <= segments.length; i++) {
      if (typeof value !== 'object' || value === null) break;
      const site = this.arch.sites.get(value);
      if (site) found = { site, rest: segments.slice(i) };
      if (i === segments.length) break;
      value = (value as Record<string | number, unknown>)[segments[i]!];
    }
    return found;
  }
}
