/**
 * Icon packs: a directory of `<key>.svg` files (for example official Azure icons the user has the
 * right to use) that replace aksnet's built-in icons.
 *
 * File names map to icon keys case-insensitively: `azureFirewall.svg` → `azureFirewall`; a variant
 * key's `:` may be written as `:`, `-`, `_`, `.`, `--` or `__`, so `paas-keyVault.svg`,
 * `paas_keyVault.svg` and `paas:keyVault.svg` all give `paas:keyVault`. Any built-in key and any
 * `kind:variant` of `ICON_VARIANTS` is accepted; other names are ignored with a warning.
 *
 * Every file is parsed with a small strict XML parser (no DTD, no external entities) and rebuilt
 * from an allow list of SVG elements and attributes: scripts, `<foreignObject>`, images, animation,
 * text, event handlers and every non-local reference (`href` other than `#…`, `url(…)` other than
 * `url(#…)`, `@import`) are dropped. Simple `<style>` rules (`.class {…}` and `element {…}`) are
 * inlined into `style` attributes so icons don't leak CSS into each other; ids are prefixed per key
 * (`aksnet-paas_keyVault--…`) with all references rewritten. The file's viewBox is scaled to fit,
 * centred, into the 24×24 icon box.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { AksnetError } from '../shared/errors.js';
import { knownIconKeys, type IconDef } from './icons.js';

/** Largest icon file read (bytes); bigger files are skipped with a warning. */
export const MAX_ICON_FILE_BYTES = 512 * 1024;

export interface IconPackResult {
  /** Icons by key (`azureFirewall`, `paas:keyVault`, …). */
  icons: Map<string, IconDef>;
  /** Files ignored or content dropped, one line each. */
  warnings: string[];
}

export interface LoadIconPackOptions {
  /** Receives each warning; by default they are written to stderr as `warning: …`. */
  onWarning?: (message: string) => void;
}

/**
 * Load an icon pack directory. Throws an `AksnetError` when the directory does not exist; files
 * that can't be used are skipped and reported through `onWarning`.
 */
export async function loadIconPack(dir: string, options: LoadIconPackOptions = {}): Promise<Map<string, IconDef>> {
  const { icons, warnings } = await readIconPack(dir);
  const warn = options.onWarning ?? ((m: string) => process.stderr.write(`warning: ${m}\n`));
  for (const w of warnings) warn(w);
  return icons;
}

/** Load an icon pack directory and return its icons with the warnings. */
export async function readIconPack(dir: string): Promise<IconPackResult> {
  let st;
  try {
    st = await stat(dir);
  } catch {
    throw new AksnetError(`icon pack directory not found: ${dir}`);
  }
  if (!st.isDirectory()) throw new AksnetError(`icon pack is not a directory: ${dir}`);

  const icons = new Map<string, IconDef>();
  const warnings: string[] = [];
  const from = new Map<string, string>();
  const names = (await readdir(dir)).sort();
  for (const name of names) {
    if (name.startsWith('.')) continue;
    if (extname(name).toLowerCase() !== '.svg') {
      warnings.push(`icon pack: ${name} is not an .svg file; ignored`);
      continue;
    }
    const key = iconKeyForFileName(name);
    if (!key) {
      warnings.push(`icon pack: ${name} does not name a known icon key; ignored (see docs/icons.md)`);
      continue;
    }
    if (from.has(key)) {
      warnings.push(`icon pack: ${name} and ${from.get(key)} both give '${key}'; ${name} ignored`);
      continue;
    }
    const path = join(dir, name);
    let source: string;
    try {
      const fst = await stat(path);
      if (!fst.isFile()) {
        warnings.push(`icon pack: ${name} is not a file; ignored`);
        continue;
      }
      if (fst.size > MAX_ICON_FILE_BYTES) {
        warnings.push(`icon pack: ${name} is larger than ${MAX_ICON_FILE_BYTES} bytes; ignored`);
        continue;
      }
      source = await readFile(path, 'utf8');
    } catch (e) {
      warnings.push(`icon pack: ${name} could not be read (${(e as NodeJS.ErrnoException).code ?? String(e)}); ignored`);
      continue;
    }
    try {
      const r = sanitizeSvgIcon(source, idPrefixFor(key));
      for (const w of r.warnings) warnings.push(`icon pack: ${name}: ${w}`);
      icons.set(key, { viewBox: '0 0 24 24', body: r.body });
      from.set(key, name);
    } catch (e) {
      warnings.push(`icon pack: ${name}: ${e instanceof Error ? e.message : String(e)}; ignored`);
    }
  }
  return { icons, warnings };
}

// ---------------------------------------------------------------------------------------------
// File names

let aliasCache: Map<string, string> | undefined;

/** The icon key a pack file name gives, or undefined. */
export function iconKeyForFileName(fileName: string): string | undefined {
  if (!aliasCache) {
    aliasCache = new Map();
    for (const key of knownIconKeys()) {
      aliasCache.set(key.toLowerCase(), key);
      const colon = key.indexOf(':');
      if (colon < 0) continue;
      for (const sep of ['-', '_', '.', '--', '__']) {
        const alias = `${key.slice(0, colon)}${sep}${key.slice(colon + 1)}`.toLowerCase();
        if (!aliasCache.has(alias)) aliasCache.set(alias, key);
      }
    }
  }
  const stem = fileName.replace(/\.svg$/i, '').toLowerCase();
  return aliasCache.get(stem);
}

/**
 * The id prefix for an icon key: `aksnet-paas_keyVault--`. Keys never contain `--`, so no id of
 * one key's icon can equal an id of another key's icon.
 */
export function idPrefixFor(key: string): string {
  return `aksnet-${key.replace(/:/g, '_').replace(/[^A-Za-z0-9_-]/g, '-')}--`;
}

// ---------------------------------------------------------------------------------------------
// XML parsing (strict, no DTD, no entity expansion beyond the predefined ones)

interface XmlElement {
  name: string;
  attrs: Array<[string, string]>;
  children: XmlNode[];
}
type XmlNode = XmlElement | { text: string };

const isElement = (n: XmlNode): n is XmlElement => 'name' in n;

class XmlError extends Error {}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?/g, (m, ent: string) => {
    if (!m.endsWith(';')) throw new XmlError(`bare '&' in text or attribute`);
    if (ent.startsWith('#')) {
      const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) throw new XmlError(`invalid character reference &${ent};`);
      return String.fromCodePoint(code);
    }
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    const v = named[ent];
    if (v === undefined) throw new XmlError(`undefined entity &${ent}; (DTD entities are not supported)`);
    return v;
  });
}

/** Parse an XML document into its root element. Throws `XmlError` when it is not well-formed. */
function parseXml(src: string): XmlElement {
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const top = (): XmlElement | undefined => stack[stack.length - 1];
  const skip = (end: string, what: string): void => {
    const j = src.indexOf(end, i);
    if (j < 0) throw new XmlError(`unterminated ${what}`);
    i = j + end.length;
  };
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > i) {
      const raw = src.slice(i, textEnd);
      const parent = top();
      if (parent) parent.children.push({ text: decodeEntities(raw) });
      else if (raw.trim()) throw new XmlError('text outside the root element');
      i = textEnd;
      continue;
    }
    if (src.startsWith('<!--', i)) {
      skip('-->', 'comment');
    } else if (src.startsWith('<![CDATA[', i)) {
      const j = src.indexOf(']]>', i);
      if (j < 0) throw new XmlError('unterminated CDATA section');
      const parent = top();
      if (!parent) throw new XmlError('CDATA outside the root element');
      parent.children.push({ text: src.slice(i + 9, j) });
      i = j + 3;
    } else if (src.startsWith('<?', i)) {
      skip('?>', 'processing instruction');
    } else if (src.startsWith('<!DOCTYPE', i) || src.startsWith('<!doctype', i)) {
      if (root || stack.length) throw new XmlError('DOCTYPE after the root element');
      // Skip the doctype including an internal subset; its entities are never expanded.
      let depth = 0;
      let j = i + 9;
      for (; j < src.length; j++) {
        const c = src[j];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      if (j >= src.length) throw new XmlError('unterminated DOCTYPE');
      i = j + 1;
    } else if (src.startsWith('</', i)) {
      NAME.lastIndex = i + 2;
      const m = NAME.exec(src);
      if (!m) throw new XmlError('malformed end tag');
      const el = stack.pop();
      if (!el || el.name !== m[0]) throw new XmlError(`mismatched end tag </${m[0]}>`);
      i = NAME.lastIndex;
      while (/\s/.test(src[i] ?? '')) i++;
      if (src[i] !== '>') throw new XmlError(`malformed end tag </${m[0]}>`);
      i++;
      if (stack.length === 0) root = el;
    } else {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(src);
      if (!m) throw new XmlError('malformed start tag');
      if (root) throw new XmlError('more than one root element');
      const el: XmlElement = { name: m[0], attrs: [], children: [] };
      i = NAME.lastIndex;
      const seen = new Set<string>();
      for (;;) {
        const ws = i;
        while (/\s/.test(src[i] ?? '')) i++;
        const c = src[i];
        if (c === undefined) throw new XmlError(`unterminated tag <${el.name}>`);
        if (c === '>' || (c === '/' && src[i + 1] === '>')) break;
        if (i === ws) throw new XmlError(`malformed attributes in <${el.name}>`);
        NAME.lastIndex = i;
        const a = NAME.exec(src);
        if (!a) throw new XmlError(`malformed attribute in <${el.name}>`);
        i = NAME.lastIndex;
        while (/\s/.test(src[i] ?? '')) i++;
        if (src[i] !== '=') throw new XmlError(`attribute ${a[0]} without a value in <${el.name}>`);
        i++;
        while (/\s/.test(src[i] ?? '')) i++;
        const q = src[i];
        if (q !== '"' && q !== "'") throw new XmlError(`unquoted attribute ${a[0]} in <${el.name}>`);
        const end = src.indexOf(q, i + 1);
        if (end < 0) throw new XmlError(`unterminated attribute ${a[0]} in <${el.name}>`);
        const raw = src.slice(i + 1, end);
        if (raw.includes('<')) throw new XmlError(`'<' in attribute ${a[0]}`);
        if (seen.has(a[0])) throw new XmlError(`duplicate attribute ${a[0]} in <${el.name}>`);
        seen.add(a[0]);
        el.attrs.push([a[0], decodeEntities(raw)]);
        i = end + 1;
      }
      const parent = top();
      if (parent) parent.children.push(el);
      if (src[i] === '/') {
        i += 2;
        if (!parent) root = el;
      } else {
        i += 1;
        stack.push(el);
      }
    }
  }
  if (stack.length) throw new XmlError(`unclosed element <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new XmlError('no root element');
  return root;
}

// ---------------------------------------------------------------------------------------------
// Sanitising

/** Elements kept (local names); everything else is dropped with its content. */
const ELEMENTS = new Set([
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'defs',
  'linearGradient',
  'radialGradient',
  'stop',
  'clipPath',
  'mask',
  'use',
  'symbol',
  'filter',
  'feGaussianBlur',
  'feOffset',
  'feFlood',
  'feComposite',
  'feMerge',
  'feMergeNode',
  'feBlend',
  'feColorMatrix',
  'feDropShadow',
]);

/** Elements dropped silently (metadata, not content). */
const QUIET_DROP = new Set(['title', 'desc', 'metadata', 'style']);

/** Elements whose children are kept but the element itself is unwrapped. */
const UNWRAP = new Set(['a', 'switch']);

/** Presentation properties, allowed as attributes and in `style`. */
const PRESENTATION = new Set([
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-opacity',
  'opacity',
  'clip-path',
  'clip-rule',
  'mask',
  'filter',
  'color',
  'display',
  'visibility',
  'vector-effect',
  'paint-order',
  'shape-rendering',
  'color-interpolation',
  'color-interpolation-filters',
  'isolation',
  'mix-blend-mode',
  'stop-color',
  'stop-opacity',
  'flood-color',
  'flood-opacity',
]);

/** Other attributes kept. */
const ATTRIBUTES = new Set([
  ...PRESENTATION,
  'id',
  'style',
  'href',
  'x',
  'y',
  'width',
  'height',
  'rx',
  'ry',
  'cx',
  'cy',
  'r',
  'fx',
  'fy',
  'fr',
  'x1',
  'y1',
  'x2',
  'y2',
  'd',
  'points',
  'pathLength',
  'transform',
  'offset',
  'viewBox',
  'preserveAspectRatio',
  'gradientUnits',
  'gradientTransform',
  'spreadMethod',
  'clipPathUnits',
  'maskUnits',
  'maskContentUnits',
  'filterUnits',
  'primitiveUnits',
  'in',
  'in2',
  'result',
  'stdDeviation',
  'dx',
  'dy',
  'operator',
  'k1',
  'k2',
  'k3',
  'k4',
  'mode',
  'type',
  'values',
]);

/** Attributes dropped without a warning: namespaces, editor and data attributes, accessibility. */
const QUIET_ATTRIBUTES = /^(xmlns|data-|aria-|role$|version$|focusable$|xml:space$|enable-background$)/i;

/** Root `<svg>` attributes carried onto the wrapper group. */
const ROOT_CARRIED = new Set([...PRESENTATION, 'style']);

interface SanitizeContext {
  prefix: string;
  warnings: Set<string>;
  /** Declarations from `<style>` rules: by class and by element name, in source order. */
  classRules: Map<string, Array<[string, string]>>;
  typeRules: Map<string, Array<[string, string]>>;
  /** `<use>` elements dropped because their target itself uses (h15: no chain can multiply). */
  chainedUses: Set<XmlElement>;
}

/**
 * Most elements an icon may draw once every `<use>` is expanded. A `<use>` may only point at an
 * element that contains no `<use>`, so expansion is at most quadratic; this caps even that.
 */
export const MAX_ICON_EXPANDED_ELEMENTS = 10_000;

/** Marks every `<use>` whose target is or contains a `<use>` (a chain: each level can double the drawing). */
function findChainedUses(root: XmlElement): Set<XmlElement> {
  const byId = new Map<string, XmlElement>();
  const uses: XmlElement[] = [];
  const walk = (el: XmlElement): void => {
    const id = el.attrs.find(([k]) => attrName(k) === 'id')?.[1];
    if (id !== undefined && !byId.has(id)) byId.set(id, el);
    if (localName(el.name) === 'use') uses.push(el);
    for (const c of el.children) if (isElement(c)) walk(c);
  };
  walk(root);
  const containsUse = (el: XmlElement): boolean =>
    localName(el.name) === 'use' || el.children.some((c) => isElement(c) && containsUse(c));
  const chained = new Set<XmlElement>();
  for (const u of uses) {
    const href = u.attrs.find(([k]) => attrName(k) === 'href')?.[1].trim() ?? '';
    const target = href.startsWith('#') ? byId.get(href.slice(1)) : undefined;
    if (target && containsUse(target)) chained.add(u);
  }
  return chained;
}

/** Elements drawn once `<use>` is expanded (after chained uses are dropped, so this terminates). */
function expandedSize(root: XmlElement, chained: Set<XmlElement>): number {
  const byId = new Map<string, XmlElement>();
  const index = (el: XmlElement): void => {
    const id = el.attrs.find(([k]) => attrName(k) === 'id')?.[1];
    if (id !== undefined && !byId.has(id)) byId.set(id, el);
    for (const c of el.children) if (isElement(c)) index(c);
  };
  index(root);
  const memo = new Map<XmlElement, number>();
  const plain = (el: XmlElement): number => {
    let n = memo.get(el);
    if (n === undefined) memo.set(el, (n = 1 + el.children.reduce((k, c) => k + (isElement(c) ? plain(c) : 0), 0)));
    return n;
  };
  const size = (el: XmlElement): number => {
    if (localName(el.name) === 'use') {
      if (chained.has(el)) return 0;
      const href = el.attrs.find(([k]) => attrName(k) === 'href')?.[1].trim() ?? '';
      const target = href.startsWith('#') ? byId.get(href.slice(1)) : undefined;
      return 1 + (target ? plain(target) : 0);
    }
    return 1 + el.children.reduce((n, c) => n + (isElement(c) ? size(c) : 0), 0);
  };
  return size(root);
}

export interface SanitizedIcon {
  /** Inner markup for a `0 0 24 24` viewBox. */
  body: string;
  /** The file's own viewBox. */
  viewBox: [number, number, number, number];
  /** What was dropped or could not be used. */
  warnings: string[];
}

/**
 * Sanitise one SVG file into an icon body: see the module comment for what is kept. Throws when
 * the file is not well-formed XML or its root is not `<svg>`.
 */
export function sanitizeSvgIcon(source: string, idPrefix: string): SanitizedIcon {
  let root: XmlElement;
  try {
    root = parseXml(source);
  } catch (e) {
    if (e instanceof XmlError) throw new Error(`not well-formed XML (${e.message})`);
    throw e;
  }
  if (localName(root.name) !== 'svg') throw new Error(`root element is <${root.name}>, not <svg>`);

  const chainedUses = findChainedUses(root);
  const ctx: SanitizeContext = { prefix: idPrefix, warnings: new Set(), classRules: new Map(), typeRules: new Map(), chainedUses };
  if (chainedUses.size) ctx.warnings.add(`dropped ${chainedUses.size} <use> pointing at an element that itself contains <use> (nested <use> can expand without bound)`);
  const expanded = expandedSize(root, chainedUses);
  if (expanded > MAX_ICON_EXPANDED_ELEMENTS) {
    throw new Error(`draws ${expanded} elements once <use> is expanded (more than ${MAX_ICON_EXPANDED_ELEMENTS})`);
  }
  collectStyles(root, ctx);

  const viewBox = rootViewBox(root);
  const [minX, minY, w, h] = viewBox;
  const s = 24 / Math.max(w, h);
  const tx = (24 - w * s) / 2 - minX * s;
  const ty = (24 - h * s) / 2 - minY * s;
  const carried: string[] = [];
  for (const [name, value] of root.attrs) {
    const local = attrName(name);
    if (!local || !ROOT_CARRIED.has(local)) continue;
    const v = local === 'style' ? sanitizeStyle(value, ctx) : sanitizeValue(local, value, ctx);
    if (v) carried.push(` ${local}="${escapeAttr(v)}"`);
  }
  const inner = root.children.map((c) => (isElement(c) ? serialize(c, ctx) : '')).join('');
  const body = `<g transform="translate(${num(tx)} ${num(ty)}) scale(${num(s)})"${carried.join('')}>${inner}</g>`;
  return { body, viewBox, warnings: [...ctx.warnings] };
}

function localName(name: string): string {
  const c = name.indexOf(':');
  if (c < 0) return name;
  // Only the svg: prefix is SVG; inkscape:, sodipodi: and friends are editor metadata.
  return name.slice(0, c) === 'svg' ? name.slice(c + 1) : '';
}

/** The kept attribute name, or '' for attributes from other namespaces. */
function attrName(name: string): string {
  if (name === 'xlink:href') return 'href';
  return name.includes(':') ? '' : name;
}

function num(v: number): string {
  return String(Math.round(v * 10000) / 10000);
}

function rootViewBox(root: XmlElement): [number, number, number, number] {
  const get = (n: string): string | undefined => root.attrs.find(([k]) => k === n)?.[1];
  const vb = get('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (vb && vb.length === 4 && vb.every(Number.isFinite) && vb[2]! > 0 && vb[3]! > 0) return vb as [number, number, number, number];
  const len = (v: string | undefined): number | undefined => {
    const m = v?.trim().match(/^([0-9]*\.?[0-9]+)(px)?$/);
    return m ? Number(m[1]) : undefined;
  };
  const w = len(get('width'));
  const h = len(get('height'));
  if (w && h) return [0, 0, w, h];
  return [0, 0, 24, 24];
}

function escapeAttr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Make an id safe and prefixed. */
function prefixId(ctx: SanitizeContext, id: string): string {
  return ctx.prefix + id.replace(/[^A-Za-z0-9_.-]/g, '_');
}

const DANGEROUS = /\\|javascript:|vbscript:|data:|expression\s*\(|@import|behavior\s*:|-moz-binding|<|>/i;

/**
 * A sanitised attribute or property value, or '' to drop it: only local `url(#id)` references
 * survive (prefixed), anything that could fetch or run something is removed.
 */
function sanitizeValue(name: string, value: string, ctx: SanitizeContext): string {
  if (DANGEROUS.test(value)) {
    ctx.warnings.add(`dropped ${name} with an unsafe value`);
    return '';
  }
  let ok = true;
  const out = value.replace(/url\(\s*(['"]?)(.*?)\1\s*\)/gi, (_m, _q: string, ref: string) => {
    if (/^#[^\s'"()]+$/.test(ref)) return `url(#${prefixId(ctx, ref.slice(1))})`;
    ok = false;
    return '';
  });
  if (!ok || /url\s*\(/i.test(out.replace(/url\(#[^)]*\)/g, ''))) {
    ctx.warnings.add(`dropped ${name} with an external url() reference`);
    return '';
  }
  return out;
}

function parseDeclarations(css: string, ctx: SanitizeContext): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const decl of css.split(';')) {
    const c = decl.indexOf(':');
    if (c < 0) continue;
    const prop = decl.slice(0, c).trim().toLowerCase();
    const value = decl
      .slice(c + 1)
      .replace(/!important/gi, '')
      .trim();
    if (!prop || !value) continue;
    if (!PRESENTATION.has(prop)) {
      ctx.warnings.add(`dropped CSS property ${prop}`);
      continue;
    }
    const v = sanitizeValue(prop, value, ctx);
    if (v) out.push([prop, v]);
  }
  return out;
}

function sanitizeStyle(css: string, ctx: SanitizeContext): string {
  return parseDeclarations(css, ctx)
    .map(([p, v]) => `${p}:${v}`)
    .join(';');
}

/** Read every `<style>` element's simple rules into the context. */
function collectStyles(el: XmlElement, ctx: SanitizeContext): void {
  for (const child of el.children) {
    if (!isElement(child)) continue;
    if (localName(child.name) === 'style') {
      const css = child.children
        .map((c) => ('text' in c ? c.text : ''))
        .join('')
        .replace(/\/\*[\s\S]*?\*\//g, '');
      if (/@import/i.test(css)) ctx.warnings.add('dropped @import in <style>');
      // Drop at-rules (with or without a block) before reading plain rules.
      let rest = css.replace(/@[^{};]*;/g, '');
      rest = rest.replace(/@[^{}]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, () => {
        ctx.warnings.add('dropped an at-rule in <style>');
        return '';
      });
      for (const m of rest.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
        const decls = parseDeclarations(m[2]!, ctx);
        for (const sel of m[1]!.split(',').map((x) => x.trim())) {
          if (/^\.[A-Za-z_][-A-Za-z0-9_]*$/.test(sel)) push(ctx.classRules, sel.slice(1), decls);
          else if (/^[A-Za-z][A-Za-z0-9]*$/.test(sel)) push(ctx.typeRules, sel, decls);
          else if (sel) ctx.warnings.add(`ignored CSS selector '${sel}' (only .class and element selectors are inlined)`);
        }
      }
    } else {
      collectStyles(child, ctx);
    }
  }
}

function push(map: Map<string, Array<[string, string]>>, key: string, decls: Array<[string, string]>): void {
  const list = map.get(key) ?? [];
  list.push(...decls);
  map.set(key, list);
}

function serialize(el: XmlElement, ctx: SanitizeContext): string {
  const name = localName(el.name);
  if (ctx.chainedUses.has(el)) return '';
  if (UNWRAP.has(name)) return el.children.map((c) => (isElement(c) ? serialize(c, ctx) : '')).join('');
  if (!ELEMENTS.has(name)) {
    if (!QUIET_DROP.has(name)) ctx.warnings.add(`dropped <${el.name}>`);
    return '';
  }
  const attrs: string[] = [];
  // Stylesheet declarations (type rules, then class rules: higher specificity wins), then inline style.
  const styled = new Map<string, string>();
  for (const [p, v] of ctx.typeRules.get(name) ?? []) styled.set(p, v);
  const classes = el.attrs.find(([k]) => k === 'class')?.[1].split(/\s+/).filter(Boolean) ?? [];
  for (const cls of classes) for (const [p, v] of ctx.classRules.get(cls) ?? []) styled.set(p, v);

  for (const [raw, value] of el.attrs) {
    const attr = attrName(raw);
    if (attr === 'class') continue;
    if (!attr || !ATTRIBUTES.has(attr)) {
      if (/^on/i.test(attr || raw)) ctx.warnings.add(`dropped event handler ${raw}`);
      else if (attr && !QUIET_ATTRIBUTES.test(raw)) ctx.warnings.add(`dropped attribute ${raw}`);
      continue;
    }
    if (attr === 'id') {
      attrs.push(` id="${escapeAttr(prefixId(ctx, value))}"`);
    } else if (attr === 'href') {
      const v = value.trim();
      if (/^#[^\s'"()]+$/.test(v)) attrs.push(` href="${escapeAttr(`#${prefixId(ctx, v.slice(1))}`)}"`);
      else ctx.warnings.add(`dropped non-local ${raw}`);
    } else if (attr === 'style') {
      for (const [p, v] of parseDeclarations(value, ctx)) styled.set(p, v);
    } else {
      const v = sanitizeValue(attr, value, ctx);
      if (v) attrs.push(` ${attr}="${escapeAttr(v)}"`);
    }
  }
  if (name === 'use' && !attrs.some((a) => a.startsWith(' href='))) return '';
  if (styled.size) attrs.push(` style="${escapeAttr([...styled].map(([p, v]) => `${p}:${v}`).join(';'))}"`);
  const children = el.children.map((c) => (isElement(c) ? serialize(c, ctx) : '')).join('');
  return children ? `<${name}${attrs.join('')}>${children}</${name}>` : `<${name}${attrs.join('')}/>`;
}
