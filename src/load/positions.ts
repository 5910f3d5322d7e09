/**
 * Maps DSL paths (`ingress[0].hops[2].tls`) to 1-based line:column in the architecture file.
 *
 * Purely syntactic (no type checker, so it stays fast): start at the default export, look through
 * calls (`defineArchitecture({…})`, `subnet({…})`), `as`/`satisfies`, parentheses and identifiers
 * declared in the same file, then walk object properties and array elements. When a segment cannot
 * be followed (a value built in a loop or imported from another module), the nearest ancestor wins.
 */
import { readFileSync } from 'node:fs';
import type { ts as Ts } from 'ts-morph';
import { requireWithCodeCache } from '../shared/code-cache.js';
import { positionMemo, type PositionMemo } from './position-cache.js';

export interface Position {
  line: number;
  column: number;
  /** Whether the whole path was found (false: an ancestor's position). */
  exact: boolean;
}

type TsApi = typeof Ts;
let tsApi: TsApi | undefined;

/**
 * The TypeScript parser bundled with ts-morph, used directly: a walk over one file's syntax tree needs
 * no Project, language service or node wrappers, which cost more than the parse itself with many designs.
 */
function loadTs(): TsApi {
  // require(), not import(): ts-morph's package declares no module type, so import() would first make
  // Node parse its 0.7 MB main file to detect the format and scan it for named exports. Compiling its
  // bundled TypeScript (9 MB) was the largest single cost of validating many designs: it comes from
  // V8's code cache where Node has no compile cache of its own.
  tsApi ??= (requireWithCodeCache(import.meta.url, 'ts-morph') as { ts: TsApi }).ts;
  return tsApi;
}

/** Splits `a.b[2].c` into `['a', 'b', 2, 'c']`. */
export function parsePath(path: string): Array<string | number> {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/**
 * Positions in one source file. Answers come from the position cache when the file is unchanged
 * since a run that asked the same question; otherwise the file is parsed (once, on the first such
 * question) and walked.
 */
export class PositionMap {
  private readonly cache = new Map<string, Position>();
  private parsed: ParsedSource | undefined;

  private constructor(
    private readonly text: string | undefined,
    private readonly js: boolean,
    private readonly memo: PositionMemo | undefined,
  ) {}

  /** Reads a file; it is parsed on the first position not found in the cache. */
  static forFile(file: string): Promise<PositionMap> {
    return Promise.resolve(PositionMap.parse(file));
  }

  /** As forFile(), synchronously. */
  static parse(file: string): PositionMap {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return new PositionMap(undefined, false, undefined);
    }
    return new PositionMap(text, /\.(m?js|cjs)$/.test(file), positionMemo(file, text));
  }

  private source(): ParsedSource {
    this.parsed ??= ParsedSource.of(loadTs(), this.text!, this.js);
    return this.parsed;
  }

  /** Position of a DSL path; `''` is the default export itself. */
  locate(path: string): Position {
    const hit = this.cache.get(path);
    if (hit) return hit;
    const pos = this.text === undefined ? { line: 1, column: 1, exact: false } : this.remembered(`p:${path}`, () => this.source().locate(path));
    this.cache.set(path, pos);
    return pos;
  }

  /**
   * Position of `segments` inside the part built by the call at line:column (a builder's call site,
   * recorded at run time), for parts made in functions and loops the syntactic walk cannot follow.
   */
  locateFrom(line: number, column: number, segments: Array<string | number>): Position {
    if (this.text === undefined) return { line, column, exact: false };
    return this.remembered(`f:${line}:${column}:${JSON.stringify(segments)}`, () => this.source().locateFrom(line, column, segments));
  }

  private remembered(key: string, compute: () => Position): Position {
    const hit = this.memo?.get(key);
    if (hit) return { line: hit.line, column: hit.column, exact: hit.exact };
    const pos = compute();
    this.memo?.set(key, pos);
    return pos;
  }
}

/** One parsed file and the syntactic walk over it. */
class ParsedSource {
  private constructor(
    private readonly ts: TsApi,
    private readonly sf: Ts.SourceFile,
    private readonly root: Ts.Node | undefined,
  ) {}

  static of(ts: TsApi, text: string, js: boolean): ParsedSource {
    const sf = ts.createSourceFile(js ? '/arch.js' : '/arch.ts', text, ts.ScriptTarget.Latest, true, js ? ts.ScriptKind.JS : ts.ScriptKind.TS);
    const exp = sf.statements.find((st): st is Ts.ExportAssignment => ts.isExportAssignment(st) && !st.isExportEquals);
    return new ParsedSource(ts, sf, exp?.expression ?? exp);
  }

  locate(path: string): Position {
    if (!this.root) return { line: 1, column: 1, exact: false };
    return this.walk(this.root, parsePath(path));
  }

  private at(node: Ts.Node, exact: boolean): Position {
    const pos = node.getStart(this.sf);
    return { line: this.lineAt(pos), column: this.columnAt(pos), exact };
  }

  /** Offsets of every `\n`, found once per file (a binary search then gives any line number). */
  private newlines: number[] | undefined;

  /** 1-based line of `pos`, counted as ts-morph counts it (`\n` only). */
  private lineAt(pos: number): number {
    if (!this.newlines) {
      const text = this.sf.text;
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
    const text = this.sf.text;
    let start = pos;
    while (start > 0) {
      const c = text.charCodeAt(start - 1);
      if (c === 10 || c === 13) break;
      start--;
    }
    return pos - start + 1;
  }

  /** The initializer of the top-level `const`/`let`/`var` of that name (the first one), if any. */
  private variable(name: string): Ts.VariableDeclaration | undefined {
    const { ts } = this;
    for (const st of this.sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) if (this.declares(d.name, name)) return d;
    }
    return undefined;
  }

  /** Whether a declaration's name (or, for `const { a, b } = …`, one of the names it binds) is `name`. */
  private declares(n: Ts.BindingName, name: string): boolean {
    const { ts } = this;
    if (ts.isObjectBindingPattern(n) || ts.isArrayBindingPattern(n)) {
      return n.elements.some((e) => !ts.isOmittedExpression(e) && this.declares(e.name, name));
    }
    return n.getText(this.sf) === name;
  }

  private unwrap(n: Ts.Node | undefined, depth = 0): Ts.Node | undefined {
    const { ts } = this;
    for (let i = 0; n && i < 20 && depth < 20; i++) {
      if (ts.isCallExpression(n)) {
        const arg = n.arguments[0];
        if (!arg) return n;
        n = arg;
      } else if (ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n)) {
        n = n.expression;
      } else if (ts.isIdentifier(n)) {
        const init = this.variable(n.text)?.initializer;
        if (!init) return n;
        n = init;
      } else if (ts.isArrowFunction(n)) {
        n = n.body;
        if (ts.isBlock(n)) return n;
      } else return n;
    }
    return n;
  }

  locateFrom(line: number, column: number, segments: Array<string | number>): Position {
    const { ts } = this;
    let pos: number;
    try {
      pos = this.sf.getPositionOfLineAndCharacter(line - 1, column - 1);
    } catch {
      return { line, column, exact: false };
    }
    const at = this.descendantAt(pos);
    let call: Ts.Node | undefined = at;
    while (call && !ts.isCallExpression(call)) call = call.parent;
    if (!call) return { line, column, exact: false };
    return this.walk(call, segments);
  }

  /** The deepest node (token included) whose full span holds `pos`. */
  private descendantAt(pos: number): Ts.Node | undefined {
    const sf = this.sf;
    if (pos < sf.pos || pos >= sf.end) return undefined;
    let node: Ts.Node | undefined;
    for (let cur: Ts.Node = sf; ; ) {
      const next = cur.getChildren(sf).find((c) => pos >= c.pos && pos < c.end);
      if (!next) return node;
      node = cur = next;
    }
  }

  private walk(start: Ts.Node, segments: Array<string | number>): Position {
    const { ts } = this;
    let node: Ts.Node | undefined = start;
    let best: Ts.Node = start;
    for (const seg of segments) {
      const cur = this.unwrap(node);
      node = undefined;
      if (typeof seg === 'number' && cur && ts.isArrayLiteralExpression(cur)) {
        const el = cur.elements[seg];
        if (el && !ts.isSpreadElement(el)) node = el;
      } else if (typeof seg === 'string' && cur && ts.isObjectLiteralExpression(cur)) {
        const prop = cur.properties.find((p) => p.name !== undefined && p.name.getText(this.sf) === seg);
        if (prop && ts.isPropertyAssignment(prop)) {
          best = prop;
          node = prop.initializer;
          continue;
        } else if (prop && ts.isShorthandPropertyAssignment(prop)) {
          best = prop;
          node = prop.name;
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
  private missing(best: Ts.Node, cur: Ts.Node | undefined): Position {
    const { ts } = this;
    const start = cur?.getStart(this.sf);
    const outside = cur && start !== undefined && (start < best.getStart(this.sf) || start >= best.getEnd());
    if (!cur || !outside || !ts.isObjectLiteralExpression(cur)) return this.atDeclaration(best, false);
    let decl: Ts.Node | undefined = cur.parent;
    while (decl && !ts.isVariableDeclaration(decl) && !isStatement(ts, decl)) decl = decl.parent;
    return this.at(decl && ts.isVariableDeclaration(decl) ? decl : cur, false);
  }

  /** A node that is a variable points at the variable's declaration, where its value is written. */
  private atDeclaration(node: Ts.Node, exact: boolean): Position {
    const { ts } = this;
    if (ts.isIdentifier(node)) {
      const decl = this.variable(node.text);
      if (decl) return this.at(decl, exact);
    }
    // `const aks = cluster({…})` reached through its call site: the declaration names the part.
    const parent = node.parent as Ts.Node | undefined;
    if (ts.isCallExpression(node) && parent && ts.isVariableDeclaration(parent)) return this.at(parent, exact);
    return this.at(node, exact);
  }
}

/** The statement kinds ts-morph's Node.isStatement accepts (where an upward search stops). */
function isStatement(ts: TsApi, n: Ts.Node): boolean {
  const K = ts.SyntaxKind;
  switch (n.kind) {
    case K.Block:
    case K.BreakStatement:
    case K.ClassDeclaration:
    case K.ContinueStatement:
    case K.DebuggerStatement:
    case K.DoStatement:
    case K.EmptyStatement:
    case K.EnumDeclaration:
    case K.ExportAssignment:
    case K.ExportDeclaration:
    case K.ExpressionStatement:
    case K.ForInStatement:
    case K.ForOfStatement:
    case K.ForStatement:
    case K.FunctionDeclaration:
    case K.IfStatement:
    case K.ImportDeclaration:
    case K.ImportEqualsDeclaration:
    case K.InterfaceDeclaration:
    case K.LabeledStatement:
    case K.ModuleBlock:
    case K.ModuleDeclaration:
    case K.NotEmittedStatement:
    case K.ReturnStatement:
    case K.SwitchStatement:
    case K.ThrowStatement:
    case K.TryStatement:
    case K.TypeAliasDeclaration:
    case K.VariableStatement:
    case K.WhileStatement:
    case K.WithStatement:
      return true;
    default:
      return false;
  }
}
