/**
 * Handlebars templates of the pack: `templates/pack.hbs` plus one partial per section, and
 * `styles.css`. A user directory (`--templates dir` or `templates` in aksnet.config.ts) overrides
 * any of them by file name; files it adds become partials too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { AksnetError, ExitCode } from '../shared/errors.js';
import { templatesDir } from './assets.js';
import { noun } from './plural.js';

export interface TemplateSet {
  /** name (file name without .hbs) → source. */
  templates: Map<string, string>;
  css: string;
  /** Where each file came from, for error messages. */
  origin: Map<string, string>;
}

function readDir(dir: string, into: TemplateSet): void {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (!statSync(p).isFile()) continue;
    if (f.endsWith('.hbs')) {
      into.templates.set(basename(f, '.hbs'), readFileSync(p, 'utf8'));
      into.origin.set(basename(f, '.hbs'), p);
    } else if (f === 'styles.css') {
      into.css = readFileSync(p, 'utf8');
      into.origin.set('styles.css', p);
    }
  }
}

/** The built-in templates, overridden by files of the same name in `overrideDir`. */
export function loadTemplates(overrideDir?: string): TemplateSet {
  const set: TemplateSet = { templates: new Map(), css: '', origin: new Map() };
  readDir(templatesDir(), set);
  if (overrideDir) {
    if (!existsSync(overrideDir) || !statSync(overrideDir).isDirectory()) {
      throw new AksnetError(`template directory not found: ${overrideDir}`, undefined, ExitCode.usage);
    }
    readDir(overrideDir, set);
  }
  if (!set.templates.has('pack')) throw new AksnetError(`no pack.hbs template found in ${templatesDir()}`, undefined, ExitCode.output);
  return set;
}

const fmt = new Intl.NumberFormat('en-US');

/** A Handlebars environment with aksnet's few formatting helpers (no logic). */
export function handlebarsFor(set: TemplateSet): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('num', (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? fmt.format(v) : '—'));
  // Headings: the title escaped, its white space collapsed to single spaces. Printed, headings keep their white space
  // (`white-space: pre-wrap` in styles.css) so that Chromium's PDF bookmarks keep the space at a soft line break,
  // and a tab or line break in a title would show there.
  hb.registerHelper('heading', (v: unknown) =>
    new hb.SafeString(hb.Utils.escapeExpression(String(v ?? '').replace(/\s+/g, ' ').trim())),
  );
  // A word in agreement with a count: {{num n}} {{plural n 'warning'}} reads "1 warning", "2 warnings"; an irregular
  // plural or a verb names both forms, {{plural n 'has' 'have'}}. Handlebars passes its options object last.
  hb.registerHelper('plural', (n: unknown, one: unknown, ...rest: unknown[]) =>
    noun(n === 1 ? 1 : 2, String(one), rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined),
  );
  // Text with a line-break opportunity after each "@" and "." (an e-mail address, a domain), so a narrow cell wraps
  // it there rather than mid-word.
  hb.registerHelper('breakAt', (v: unknown) =>
    new hb.SafeString(hb.Utils.escapeExpression(String(v ?? '')).replace(/([@.])(?=.)/g, '$1<wbr>')),
  );
  hb.registerHelper('pct', (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? `${v.toFixed(1)} %` : '—'));
  for (const [name, src] of set.templates) {
    if (name !== 'pack') hb.registerPartial(name, src);
  }
  return hb;
}

/** Renders the pack template with a context. Errors are one line naming the template file (exit 3). */
export function renderTemplate(set: TemplateSet, context: object): string {
  const hb = handlebarsFor(set);
  // Partials compile lazily, on first use; parse them all first so a syntax error names its own file.
  for (const [name, src] of set.templates) {
    try {
      hb.parse(src);
    } catch (e) {
      throw templateError(set, name, e);
    }
  }
  try {
    const tpl = hb.compile(set.templates.get('pack')!, { strict: false, preventIndent: true });
    return tpl(context, { allowProtoPropertiesByDefault: false });
  } catch (e) {
    const partial = /partial (\S+) could not be found/.exec(String((e as Error)?.message))?.[1];
    throw templateError(set, partial && set.templates.has(partial) ? partial : 'pack', e);
  }
}

function templateError(set: TemplateSet, name: string, e: unknown): AksnetError {
  const origin = set.origin.get(name) ?? `${name}.hbs`;
  const lines = String((e as Error)?.message ?? e)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^[-^.]*$/.test(l));
  const at = /on line (\d+)/.exec(lines[0] ?? '');
  // "Parse error on line 3:" / code excerpt / "Expecting 'ID', got 'EOF'": keep the first and last lines.
  const message = at ? `${lines[0]!.replace(/:$/, '')}: ${lines[lines.length - 1]}` : (lines[0] ?? 'unknown error');
  const cleaned = message.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return new AksnetError(`report template error: ${cleaned}`, { file: origin, line: at ? Number(at[1]) : 1, column: 1 }, ExitCode.output);
}
