/**
 * A DSL builder records its caller's frame with a stack of three frames only (the default ten cost
 * more than the rest of evaluating a large design), restores the design's own stack limit, and keeps
 * recording nothing when the design set a limit too low for the caller's frame.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SOURCE_SITE, subnet } from '../../dsl/index.js';

const original = Error.stackTraceLimit;
afterEach(() => {
  Error.stackTraceLimit = original;
});

const site = (part: object): unknown => (part as Record<symbol, unknown>)[SOURCE_SITE];

describe('builder call sites', () => {
  it('names the line that called the builder and leaves the stack limit as it was', () => {
    Error.stackTraceLimit = 25;
    const line = Number(new Error().stack!.split('\n')[1]!.match(/:(\d+):\d+\)?$/)![1]) + 1;
    const part = subnet({ name: 's', cidr: '10.0.0.0/24' });
    expect(site(part)).toMatch(new RegExp(`source-site\\.test\\.ts:${line}:\\d+\\)?$`));
    expect(Error.stackTraceLimit).toBe(25);
    // The design's own errors still get its full stack.
    const deep = (n: number): string => (n === 0 ? new Error().stack! : deep(n - 1));
    expect(deep(15).split('\n').length).toBeGreaterThan(15);
  });

  it('records nothing when the design set a limit below the caller frame, and keeps that limit', () => {
    Error.stackTraceLimit = 2;
    const part = subnet({ name: 's', cidr: '10.0.0.0/24' });
    expect(site(part)).toBeUndefined();
    expect(Error.stackTraceLimit).toBe(2);
  });
});
