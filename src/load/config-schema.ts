/**
 * The shape of `aksnet.config.*`, checked at load time because a `.js` config is not type-checked
 * and a misspelt key would otherwise do nothing. Unknown keys are errors with a did-you-mean.
 */
import { isCalendarDate } from '../shared/date.js';
import { didYouMean } from '../shared/did-you-mean.js';
import { isRecord } from '../shared/is-record.js';

export interface ConfigProblem {
  /** DSL-style path of the offending value (`outputs.diagrams.formats[1]`), '' for the whole file. */
  path: string;
  message: string;
}

type Schema =
  | { t: 'string' }
  | { t: 'boolean' }
  | { t: 'date' }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'array'; of: Schema; nonEmpty?: boolean }
  | { t: 'record'; of: Schema; what: string }
  | { t: 'object'; fields: Record<string, Schema>; required?: readonly string[] };

const str: Schema = { t: 'string' };
const SETTINGS = ['off', 'error', 'warning', 'info'] as const;
export const CONFIG_VIEWS = ['overview', 'topology', 'ingress', 'egress', 'control-plane'] as const;

const CONFIG: Schema = {
  t: 'object',
  fields: {
    kind: { t: 'enum', values: ['config'] },
    rules: {
      t: 'record',
      of: { t: 'enum', values: SETTINGS },
      what: 'an object of rule id to "off", "error", "warning" or "info"',
    },
    asOf: { t: 'date' },
    acceptedRisks: {
      t: 'array',
      of: {
        t: 'object',
        fields: { rule: str, element: str, justification: str, owner: str, expires: { t: 'date' } },
        required: ['rule', 'justification', 'owner', 'expires'],
      },
    },
    iconPack: str,
    templates: str,
    browser: str,
    inputs: {
      t: 'object',
      fields: { include: { t: 'array', of: str, nonEmpty: true }, ignore: { t: 'array', of: str } },
      required: ['include'],
    },
    outputs: {
      t: 'object',
      fields: {
        diagrams: {
          t: 'object',
          fields: {
            dir: str,
            views: { t: 'array', of: { t: 'enum', values: CONFIG_VIEWS } },
            formats: { t: 'array', of: { t: 'enum', values: ['svg', 'png'] }, nonEmpty: true },
            findings: { t: 'boolean' },
          },
          required: ['dir'],
        },
        reports: {
          t: 'object',
          fields: {
            dir: str,
            formats: { t: 'array', of: { t: 'enum', values: ['pdf', 'html', 'md', 'json', 'csv'] }, nonEmpty: true },
            paper: { t: 'enum', values: ['a4', 'letter'] },
            asOf: { t: 'date' },
          },
          required: ['dir', 'formats'],
        },
        findings: {
          t: 'array',
          of: {
            t: 'object',
            fields: {
              file: str,
              format: { t: 'enum', values: ['text', 'json', 'sarif', 'github', 'markdown', 'junit', 'gitlab'] },
            },
            required: ['file', 'format'],
          },
        },
      },
    },
    cache: { t: 'object', fields: { dir: str }, required: ['dir'] },
  },
};

/** A real calendar date: 2026-02-30 has the right shape but is no day. */
const DATE = { test: isCalendarDate };

/** Every problem with a config value, in document order. */
export function checkConfigValue(v: unknown): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  check(CONFIG, v, '', out);
  return out;
}

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
const show = (path: string) => (path === '' ? 'the config' : path);

function check(s: Schema, v: unknown, path: string, out: ConfigProblem[]): void {
  switch (s.t) {
    case 'string':
      if (typeof v !== 'string' || v === '')
        out.push({ path, message: `${show(path)} must be a non-empty string, got ${JSON.stringify(v)}` });
      return;
    case 'boolean':
      if (typeof v !== 'boolean')
        out.push({ path, message: `${show(path)} must be true or false, got ${JSON.stringify(v)}` });
      return;
    case 'date':
      if (typeof v !== 'string' || !DATE.test(v))
        out.push({ path, message: `${show(path)} must be a date YYYY-MM-DD, got ${JSON.stringify(v)}` });
      return;
    case 'enum':
      if (typeof v !== 'string' || !s.values.includes(v)) {
        const hint = typeof v === 'string' ? didYouMean(v, s.values) : '';
        out.push({
          path,
          message:
            `${show(path)} must be one of ${s.values.map((x) => `"${x}"`).join(', ')}, ` +
            `got ${JSON.stringify(v)}${hint}`,
        });
      }
      return;
    case 'array':
      if (!Array.isArray(v)) return void out.push({ path, message: `${show(path)} must be an array` });
      if (s.nonEmpty && v.length === 0) out.push({ path, message: `${show(path)} must not be empty` });
      v.forEach((x, i) => check(s.of, x, join(path, i), out));
      return;
    case 'record':
      if (!isRecord(v)) return void out.push({ path, message: `${show(path)} must be ${s.what}` });
      for (const [k, x] of Object.entries(v)) check(s.of, x, `${path}["${k}"]`, out);
      return;
    case 'object': {
      if (!isRecord(v)) return void out.push({ path, message: `${show(path)} must be an object` });
      for (const k of s.required ?? [])
        if (v[k] === undefined) out.push({ path, message: `${show(join(path, k))} is required` });
      const known = Object.keys(s.fields);
      for (const [k, x] of Object.entries(v)) {
        const field = s.fields[k];
        if (!field) {
          out.push({ path: join(path, k), message: `unknown key "${join(path, k)}"${didYouMean(k, known)}` });
          continue;
        }
        if (x !== undefined) check(field, x, join(path, k), out);
      }
      return;
    }
  }
}

// The DSL's unknown-key check (src/normalize/unknown-keys.ts) makes the same suggestions.
export { didYouMean };
