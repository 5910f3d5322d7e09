/**
 * Hand-written SVG markup: escaping, elements, and the canonical form of icon bodies.
 *
 * The SVG renderer builds strings directly (no DOM emulation). The format is the one aksnet has
 * always written: attributes in the order given, every element closed with an end tag (never
 * `<x/>`), `& < > "` escaped in attribute values and text, numbers as JavaScript prints them.
 */

export type AttrValue = string | number | undefined;

/** Escapes text for an attribute value or element content. */
export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Attributes in the given order; `undefined` values are left out. */
export function attrs(a: Readonly<Record<string, AttrValue>>): string {
  let out = '';
  for (const k in a) {
    const v = a[k];
    if (v !== undefined) out += ` ${k}="${esc(String(v))}"`;
  }
  return out;
}

/** An element with (already serialised) children. */
export function el(name: string, a: Readonly<Record<string, AttrValue>>, children = ''): string {
  return `<${name}${attrs(a)}>${children}</${name}>`;
}

/** An element holding escaped text. */
export function textEl(name: string, a: Readonly<Record<string, AttrValue>>, text: string): string {
  return `<${name}${attrs(a)}>${esc(text)}</${name}>`;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the XML entities of a text or attribute value. */
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return ENTITY[e] ?? m;
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/** Comments and CDATA (kept), end tags, start tags with their attributes and `/`, text. */
const TOKEN = new RegExp(
  [
    String.raw`<!--[\s\S]*?-->`,
    String.raw`<!\[CDATA\[[\s\S]*?\]\]>`,
    String.raw`<\/([^\s>]+)\s*>`,
    String.raw`<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>`,
    String.raw`([^<]+)`,
  ].join('|'),
  'g',
);
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const canonical = new Map<string, string>();

/**
 * An icon body in canonical form: end tags instead of self-closing tags, attribute values in double
 * quotes with `& < > "` escaped, text re-escaped; comments and CDATA kept. Icon bodies are sanitized
 * markup (`icon-pack.ts`) or aksnet's own (`icons.ts`), so this small tokenizer covers them; anything
 * it cannot read is kept verbatim. Memoised: the same icon is drawn many times.
 */
export function canonicalMarkup(body: string): string {
  let out = canonical.get(body);
  if (out !== undefined) return out;
  out = '';
  let pos = 0;
  for (const m of body.matchAll(TOKEN)) {
    if (m.index > pos) out += body.slice(pos, m.index);
    pos = m.index + m[0].length;
    const [tok, end, name, rawAttrs, selfClose, text] = m;
    if (end !== undefined) out += `</${end}>`;
    else if (name !== undefined) {
      let a = '';
      for (const am of (rawAttrs ?? '').matchAll(ATTR)) a += ` ${am[1]}="${esc(decode(am[2] ?? am[3] ?? ''))}"`;
      out += selfClose ? `<${name}${a}></${name}>` : `<${name}${a}>`;
    } else if (text !== undefined) out += esc(decode(text));
    else out += tok;
  }
  out += body.slice(pos);
  if (canonical.size > 500) canonical.clear();
  canonical.set(body, out);
  return out;
}
