/**
 * ESLint rule `aksnet/layers`: imports point only down the pipeline. Each folder of `src/` (and the
 * DSL) is a layer; a module may import its own layer and the layers below it, never one above. Because
 * the order is strict (validate sits just below rules), no import cycle between stage folders can
 * exist either. Type-only imports count: they are dependencies on another stage's contract too.
 * Tests, scripts and config files are not in a layer and may import anything.
 */
import { dirname, relative, resolve, sep } from 'node:path';

/** Bottom to top. ARCHITECTURE.md and the README list the same order. */
export const LAYERS = [
  'shared',
  'dsl',
  'model',
  'normalize',
  'load',
  'validate',
  'rules',
  'layout',
  'render',
  'diagram',
  'report',
  'import',
  'diff',
  'drift',
  'workflow',
  'cli',
  'index',
];

/**
 * Imports allowed although they run up the layers, as `from file → to file` (repository-relative).
 * Keep this empty; every entry says who removes it and when.
 */
export const EXCEPTIONS = [];

/** The layer of a repository-relative path, `undefined` outside the layered code, `null` for an unknown folder. */
export function layerOf(rel) {
  const parts = rel.split(sep).join('/').split('/');
  if (parts[0] === 'dsl') return 'dsl';
  if (parts[0] !== 'src') return undefined;
  if (parts.length === 2) return parts[1] === 'index.ts' || parts[1] === 'index.js' ? 'index' : null;
  return LAYERS.includes(parts[1]) ? parts[1] : null;
}

function sourceOf(rel) {
  return rel.split(sep).join('/').replace(/\.js$/, '.ts');
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports point only down the pipeline layers (see ARCHITECTURE.md)' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      upward: '{{from}} (layer "{{fromLayer}}") must not import {{to}} (layer "{{toLayer}}"): imports point down the pipeline ({{order}}). Move the shared part down instead.',
      unknown: '"{{folder}}" is not a pipeline layer: add it to LAYERS in eslint/layers.mjs and to ARCHITECTURE.md.',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = relative(root, context.filename);
    const fromLayer = layerOf(file);
    if (fromLayer === undefined) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), spec));
      const toLayer = layerOf(target);
      if (toLayer === undefined) return;
      if (toLayer === null || fromLayer === null) {
        const folder = (toLayer === null ? target : file).split(sep).slice(0, 2).join('/');
        context.report({ node, messageId: 'unknown', data: { folder } });
        return;
      }
      if (LAYERS.indexOf(toLayer) <= LAYERS.indexOf(fromLayer)) return;
      const from = sourceOf(file);
      const to = sourceOf(target);
      if (EXCEPTIONS.some(([a, b]) => a === from && b === to)) return;
      const order = LAYERS.slice(0, -1).join(' → ');
      context.report({ node, messageId: 'upward', data: { from, to, fromLayer, toLayer, order } });
    };
    return {
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source, n.source.value),
    };
  },
};

export default { rules: { layers: layersRule } };
