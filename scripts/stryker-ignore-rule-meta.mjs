// A Stryker ignorer (see stryker.config.mjs): leaves a rule's `meta` object unmutated. Metadata is
// documentation (title, rationale, references, message templates) that test/rules/docs.test.ts and the
// rule tester's exact messages check; it is evaluated once when the rule module loads, so per-test
// coverage cannot attribute it to the tests that read it and its mutants would only add noise.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const DEFINERS = new Set(['defineRule', 'defineDatedRule']);

function isRuleMeta(p) {
  if (!p.isObjectProperty() || p.node.computed) return false;
  const key = p.node.key;
  if (!(key.type === 'Identifier' ? key.name === 'meta' : key.type === 'StringLiteral' && key.value === 'meta')) return false;
  const call = p.parentPath?.parentPath;
  return Boolean(call?.isCallExpression() && call.node.callee.type === 'Identifier' && DEFINERS.has(call.node.callee.name));
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'rule-meta', {
    shouldIgnore(path) {
      return path.findParent(isRuleMeta) ? 'Rule metadata: checked by the docs and rule tester tests, not by behaviour' : undefined;
    },
  }),
];
