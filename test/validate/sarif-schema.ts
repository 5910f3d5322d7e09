/** The official SARIF 2.1.0 schema (test/fixtures), compiled with ajv for draft 2020-12 plus formats. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';

// ajv-formats is CommonJS with `exports.default`: take the plugin whichever way the loader hands it over.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule) as unknown as FormatsPlugin;

export function sarifValidator() {
  const text = readFileSync(join(import.meta.dirname, '../fixtures/sarif-schema-2.1.0.json'), 'utf8');
  const schema = JSON.parse(text) as Record<string, unknown>;
  if (schema.$schema !== 'https://json-schema.org/draft/2020-12/schema') throw new Error(`unexpected $schema ${String(schema.$schema)}`);
  // Two defects of the published file, fixed in memory only (see test/fixtures/README.md):
  // `(?i)` is not valid in ECMAScript regular expressions; use the equivalent explicit class.
  const patched = JSON.parse(text.replaceAll('^(?i)[a-zA]{2}(-[a-z]{2})?$', '^[a-zA-Z]{2}(-[a-zA-Z]{2})?$')) as {
    definitions: { region: { properties: Record<string, unknown>; anyOf?: unknown } };
  };
  // `region.anyOf` is misplaced inside `region.properties`; move it where it belongs.
  const region = patched.definitions.region;
  if (Array.isArray(region.properties.anyOf)) {
    region.anyOf = region.properties.anyOf;
    delete region.properties.anyOf;
  }
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(patched);
}
