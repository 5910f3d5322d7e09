/** Writes an imported design as a readable TypeScript design file. */
import { Commented, Decl, declarationOrder, type Value } from './design.js';

const WIDTH = 110;

export interface EmitInput {
  decls: Decl[];
  /** The `defineArchitecture({ … })` argument. */
  architecture: Record<string, Value | undefined>;
  /** Comment lines for the top of the file. */
  header: string[];
}

export function emitDesign(input: EmitInput): string {
  const ordered = declarationOrder(input.decls);
  const builders = [...new Set(ordered.map((d) => d.builder)), 'defineArchitecture'].sort();
  const lines: string[] = [];
  lines.push('/**');
  for (const h of input.header) lines.push(h === '' ? ' *' : ` * ${commentText(h)}`);
  lines.push(' */');
  lines.push(renderImport(builders));
  lines.push('');
  for (const d of ordered) {
    for (const c of d.comments) lines.push(`// ${commentText(c)}`);
    lines.push(`const ${d.varName} = ${d.builder}(${render(d.spec, 0)});`);
    lines.push('');
  }
  lines.push(`export default defineArchitecture(${render(input.architecture, 0)});`);
  return lines.join('\n') + '\n';
}

function renderImport(names: string[]): string {
  const one = `import { ${names.join(', ')} } from 'aksnet';`;
  if (one.length <= WIDTH) return one;
  return `import {\n${names.map((n) => `  ${n},`).join('\n')}\n} from 'aksnet';`;
}

/** Comment text on one line: untrusted names and ids cannot end the comment or start a new line. */
export function commentText(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\*\//g, '* /');
}

/** A single-quoted TypeScript string literal. */
export function quote(s: string): string {
  // Control characters are matched on purpose: they are written as \u escapes.
  return `'${s.replace(/[\\'\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === "'") return "\\'";
    if (c === '\n') return '\\n';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  })}'`;
}

function key(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k);
}

function hasComment(v: Value | undefined): boolean {
  if (v instanceof Commented) return true;
  if (v instanceof Decl) return false;
  if (Array.isArray(v)) return v.some(hasComment);
  if (typeof v === 'object' && v !== null) return Object.values(v).some(hasComment);
  return false;
}

function render(v: Value | undefined, indent: number): string {
  if (v instanceof Decl) return v.varName;
  if (v instanceof Commented) return render(v.value, indent);
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === undefined) return 'undefined';
  const pad = ' '.repeat(indent + 2);
  const entries: Array<{ text: string; comment?: string }> = Array.isArray(v)
    ? v.map((x) => ({ text: render(x, indent + 2), ...(x instanceof Commented ? { comment: x.comment } : {}) }))
    : Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => ({
          text: `${key(k)}: ${render(x, indent + 2)}`,
          ...(x instanceof Commented ? { comment: x.comment } : {}),
        }));
  const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  if (!hasComment(v) && entries.every((e) => !e.text.includes('\n'))) {
    const inline = Array.isArray(v)
      ? `[${entries.map((e) => e.text).join(', ')}]`
      : `{ ${entries.map((e) => e.text).join(', ')} }`;
    if (indent + inline.length <= WIDTH - 10) return inline;
  }
  const body = entries.map((e) => `${pad}${e.text},${e.comment ? ` // ${commentText(e.comment)}` : ''}`).join('\n');
  return `${open}\n${body}\n${' '.repeat(indent)}${close}`;
}
