/**
 * A DSL builder records where it was called as an Error whose stack is captured but not formatted (the loader's
 * worker formats what it maps, once the design has run), with a stack of a few frames only (the default ten cost
 * more than the rest of evaluating a large design) yet enough to reach a design's call into a helper module. It
 * restores the design's own stack limit, and records nothing when the design set a limit too low for the caller's frame.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SOURCE_SITE, subnet } from '../../dsl/index.js';

const original = Error.stackTraceLimit;
afterEach(() => {
  Error.stackTraceLimit = original;
});

const site = (part: object): unknown => (part as Record<symbol, unknown>)[SOURCE_SITE];
const frames = (part: object): string[] => ((site(part) as Error).stack ?? '').split('\n').slice(1);
const here = (): number => Number(new Error().stack!.split('\n')[2]!.match(/:(\d+):\d+\)?$/)![1]);

describe('builder call sites', () => {
  it('names the line that called the builder and leaves the stack limit as it was', () => {
    Error.stackTraceLimit = 25;
    const line = here() + 1;
    const part = subnet({ name: 's', cidr: '10.0.0.0/24' });
    expect(site(part)).toBeInstanceOf(Error);
    // [0] the DSL's tagged(), [1] the builder, [2] its caller.
    expect(frames(part)[2]).toMatch(new RegExp(`source-site\\.test\\.ts:${line}:\\d+\\)?$`));
    expect(Error.stackTraceLimit).toBe(25);
    // The design's own errors still get its full stack.
    const deep = (n: number): string => (n === 0 ? new Error().stack! : deep(n - 1));
    expect(deep(15).split('\n').length).toBeGreaterThan(15);
  });

  it("keeps the frames outward from the caller (a helper's caller), up to eight frames in all", () => {
    Error.stackTraceLimit = 25;
    const helper = () => subnet({ name: 's', cidr: '10.0.0.0/24' });
    const nested = () => helper();
    const line = here() + 1;
    const part = nested();
    const f = frames(part);
    expect(f.findIndex((x) => new RegExp(`source-site\\.test\\.ts:${line}:\\d+\\)?$`).test(x))).toBe(4);
    expect(f).toHaveLength(8);
  });

  it('records nothing when the design set a limit below the caller frame, and keeps that limit', () => {
    Error.stackTraceLimit = 2;
    const part = subnet({ name: 's', cidr: '10.0.0.0/24' });
    expect(site(part)).toBeUndefined();
    expect(Error.stackTraceLimit).toBe(2);
  });
});
