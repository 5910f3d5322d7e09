/**
 * Maps DSL paths (`ingress[0].hops[2].tls`) to 1-based line:column in the architecture file.
 *
 * Purely syntactic (no type checker, so it stays fast): start at the default export, look through
 * calls (`defineArchitecture({…})`, `subnet({…})`), `as`/`satisfies`, parentheses and identifiers
 * declared in the same file, then walk object properties and array elements. When a segment cannot
 * be followed (a value built in a loop or imported from another module), the nearest ancestor wins.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Node as TsNode, SourceFile } from 'ts-morph';
import type * as TsMorph from 'ts-morph';

export interface Position {
  line: number;
  column: number;
  /** Whether the whole path was found (false: an ancestor's position). */
  exact: boolean;
}

type Morph = typeof TsMorph;
let morph: Morph | undefined;

function loadMorph(): Promise<Morph> {
  // require(), not import(): ts-morph's package declares no module type, so import() would first make
  // Node parse its 0.7 MB main file to detect the format and scan it for named exports.
  morph ??= createRequire(import.meta.url)('ts-morph') as Morph;
  return Promise.resolve(morph);
}

/** Splits `a.b[2].c` into `['a', 'b', 2, 'c']`. */
export function parsePath(path: string): Array<string | number> {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

export class PositionMap {
  private readonly cache = new Map<string, Position>();

  private constructor(
    private readonly m: Morph,
    private readonly sf: SourceFile | undefined,
    private readonly root: TsNode | undefined,
  ) {}

  /** Parses a file once; later look-ups are cheap. */
  static async forFile(file: string): Promise<PositionMap> {
    const m = await loadMorph();
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return new PositionMap(m, undefined, undefined);
    }
    const project = new m.Project({
      useInMemoryFileSystem: true,
      skipAddingFilesFromTsConfig: true,
      skipFileDependencyResolution: true,
      compilerOptions: { noLib: true, allowJs: true },
    });
    const name = /\.(m?js|cjs)$/.test(file) ? '/arch.js' : '/arch.ts';
    const sf = project.createSourceFile(name, text);
    const exp = sf.getExportAssignment((e) => !e.isExportEquals());
    return new PositionMap(m, sf, exp?.getExpression() ?? exp);
  }

  /** Position of a DSL path; `''` is the default export itself. */
  locate(path: string): Position {
    const hit = this.cache.get(path);
    if (hit) return hit;
    const pos = this.compute(path);
    this.cache.set(path, pos);
    return pos;
  }

  private at(node: TsNode, exact: boolean): Position {
    const pos = node.getStart();
    return { line: this.lineAt(pos), column: this.columnAt(pos), exact };
  }

  /**
   * Offsets of every `\n`, found once per file. ts-morph's getLineAndColumnAtPos counts newlines from
   * the start of the file on every call, which made thousands of findings quadratic in file size.
   */
  private newlines: number[] | undefined;

  /** 1-based line of `pos`, counted as ts-morph counts it (`\n` only). */
  private lineAt(pos: number): number {
    if (!this.newlines) {
      const text = this.sf!.getFullText();
      this.newlines = [];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.newlines.push(i);
    }
    // Newlines before pos: binary search for the first offset ≥ pos.
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.newlines[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  /** 1-based column of `pos`: its distance from the previous `\n` or `\r`, as ts-morph measures it. */
  private columnAt(pos: number): number {
    const text = this.sf!.getFullText();
    let start = pos;
    while (start > 0) {
      const c = text.charCodeAt(start - 1);
      if (c === 10 || c === 13) break;
      start--;
    }
    return pos - start + 1;
  }

  private unwrap(n: TsNode | undefined, depth = 0): TsNode | undefined {
    const { Node } = this.m;
    for (let i = 0; n && i < 20 && depth < 20; i++) {
      if (Node.isCallExpression(n)) {
        const arg = n.getArguments()[0];
        if (!arg) return n;
        n = arg;
      } else if (Node.isAsExpression(n) || Node.isSatisfiesExpression(n) || Node.isParenthesizedExpression(n) || Node.isNonNullExpression(n)) {
        n = n.getExpression();
      } else if (Node.isIdentifier(n)) {
        const decl = this.sf!.getVariableDeclaration(n.getText());
        const init = decl?.getInitializer();
        if (!init) return n;
        n = init;
      } else if (Node.isArrowFunction(n)) {
        const body = n.getBody();
        n = Node.isBlock(body) ? body : body;
        if (Node.isBlock(n)) return n;
      } else return n;
    }
    return n;
  }

  private compute(path: string): Position {
    if (!this.sf || !this.root) return { line: 1, column: 1, exact: false };
    return this.walk(this.root, parsePath(path));
  }

  /**
   * Position of `segments` inside the part built by the call at line:column (a builder's call site,
   * recorded at run time), for parts made in functions and loops the syntactic walk cannot follow.
   */
  locateFrom(line: number, column: number, segments: Array<string | number>): Position {
    if (!this.sf) return { line, column, exact: false };
    const { Node } = this.m;
    let pos: number;
    try {
      pos = this.sf.compilerNode.getPositionOfLineAndCharacter(line - 1, column - 1);
    } catch {
      return { line, column, exact: false };
    }
    const at = this.sf.getDescendantAtPos(pos);
    const call = at && (Node.isCallExpression(at) ? at : at.getFirstAncestor((a) => Node.isCallExpression(a)));
    if (!call) return { line, column, exact: false };
    return this.walk(call, segments);
  }

  private walk(start: TsNode, segments: Array<string | number>): Position {
    const { Node } = this.m;
    let node: TsNode | undefined = start;
    let best: TsNode = start;
    for (const seg of segments) {
      const cur = this.unwrap(node);
      node = undefined;
      if (typeof seg === 'number' && cur && Node.isArrayLiteralExpression(cur)) {
        const el = cur.getElements()[seg];
        if (el && !Node.isSpreadElement(el)) node = el;
      } else if (typeof seg === 'string' && cur && Node.isObjectLiteralExpression(cur)) {
        const prop = cur.getProperty(seg);
        if (prop && Node.isPropertyAssignment(prop)) {
          best = prop;
          node = prop.getInitializer();
          if (node) continue;
        } else if (prop && Node.isShorthandPropertyAssignment(prop)) {
          best = prop;
          node = prop.getNameNode();
          continue;
        }
      }
      if (!node) return this.missing(best, cur);
      best = node;
    }
    return this.atDeclaration(best, true);
  }

  /**
   * A path that stops early names a property the object does not have. When that object was reached
   * through a variable (`via: appGw`), point at the object's own declaration, not at the reference.
   */
  private missing(best: TsNode, cur: TsNode | undefined): Position {
    const { Node } = this.m;
    const outside = cur && (cur.getStart() < best.getStart() || cur.getStart() >= best.getEnd());
    if (!cur || !outside || !Node.isObjectLiteralExpression(cur)) return this.atDeclaration(best, false);
    const decl = cur.getFirstAncestor((a) => Node.isVariableDeclaration(a) || Node.isStatement(a));
    return this.at(decl && Node.isVariableDeclaration(decl) ? decl : cur, false);
  }

  /** A node that is a variable points at the variable's declaration, where its value is written. */
  private atDeclaration(node: TsNode, exact: boolean): Position {
    const { Node } = this.m;
    if (Node.isIdentifier(node)) {
      const decl = this.sf!.getVariableDeclaration(node.getText());
      if (decl) return this.at(decl, exact);
    }
    // `const aks = cluster({…})` reached through its call site: the declaration names the part.
    const parent = node.getParent();
    if (Node.isCallExpression(node) && parent && Node.isVariableDeclaration(parent)) return this.at(parent, exact);
    return this.at(node, exact);
  }
}
