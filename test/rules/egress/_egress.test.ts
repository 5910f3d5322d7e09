/** The pure helpers the egress (and other) rules share: production detection, number and zone wording, FQDN matching. */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/normalize/normalize.js';
import { fmt, fqdnAllowed, isProduction, plural, zonesText } from '../../../src/rules/egress/_egress.js';
import { baseline } from '../../helpers/fixture.js';

function modelIn(environment: string | undefined) {
  const b = baseline();
  if (environment !== undefined) b.arch.metadata.environment = environment;
  return normalize(b.arch).model;
}

describe('isProduction', () => {
  it.each(['prod', 'production', 'Production', 'prod-weu', 'eu prod'])('%s is production', (env) => {
    expect(isProduction(modelIn(env))).toBe(true);
  });
  const notProduction = ['nonprod', 'non-prod', 'Non-Production', 'nonprod copy of prod', 'preproduction', 'dev', ''];
  it.each([...notProduction, 'products'])('%s is not', (env) => {
    expect(isProduction(modelIn(env))).toBe(false);
  });
  it('an environment that is not stated is not production', () => {
    expect(isProduction(modelIn(undefined))).toBe(false);
  });
});

describe('fmt and plural', () => {
  it('groups thousands locale-independently and drops fractions', () => {
    expect(fmt(0)).toBe('0');
    expect(fmt(999)).toBe('999');
    expect(fmt(1000)).toBe('1,000');
    expect(fmt(64000)).toBe('64,000');
    expect(fmt(1234567)).toBe('1,234,567');
    expect(fmt(1999.9)).toBe('1,999');
  });
  it('writes a non-finite number as it is', () => {
    expect(fmt(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(fmt(Number.NaN)).toBe('NaN');
  });
  it('uses the singular for exactly one, a given plural otherwise', () => {
    expect(plural(1, 'node')).toBe('1 node');
    expect(plural(0, 'node')).toBe('0 nodes');
    expect(plural(2000, 'port')).toBe('2,000 ports');
    expect(plural(2, 'address', 'addresses')).toBe('2 addresses');
  });
});

describe('fqdnAllowed', () => {
  it('matches an exact name, ignoring case, surrounding space and a trailing dot on either side', () => {
    expect(fqdnAllowed('api.example.com', 'api.example.com')).toBe(true);
    expect(fqdnAllowed(' API.Example.com. ', 'api.example.com')).toBe(true);
    expect(fqdnAllowed('api.example.com', ' Api.EXAMPLE.com. ')).toBe(true);
    expect(fqdnAllowed('api.example.com', 'web.example.com')).toBe(false);
  });
  it('lets `*` allow every name but not an empty one', () => {
    expect(fqdnAllowed('*', 'anything.example.org')).toBe(true);
    expect(fqdnAllowed('*', '')).toBe(false);
    expect(fqdnAllowed('', '')).toBe(false);
    expect(fqdnAllowed(' ', 'api.example.com')).toBe(false);
  });
  it('lets `*.domain` allow names below the domain, not the domain itself or a look-alike', () => {
    expect(fqdnAllowed('*.example.com', 'api.example.com')).toBe(true);
    expect(fqdnAllowed('*.example.com', 'a.b.example.com')).toBe(true);
    expect(fqdnAllowed('*.example.com', '*.example.com')).toBe(true);
    expect(fqdnAllowed('*.example.com', 'example.com')).toBe(false);
    expect(fqdnAllowed('*.example.com', 'badexample.com')).toBe(false);
  });
  it('treats a wildcard only at the start as one', () => {
    expect(fqdnAllowed('api.*.com', 'api.example.com')).toBe(false);
    expect(fqdnAllowed('*example.com', 'api.example.com')).toBe(false);
  });
});

describe('zonesText', () => {
  it('tells unknown, none, one and several zones apart', () => {
    expect(zonesText(undefined)).toBe('availability zones not stated');
    expect(zonesText([])).toBe('no zones');
    expect(zonesText([2])).toBe('zone 2');
    expect(zonesText([1, 2, 3])).toBe('zones 1, 2, 3');
  });
});
