/**
 * A worker's 'error' event carries whatever the worker failed with. The parent must describe it without
 * running hostile code paths into an internal error (exit 4): one clear load error instead.
 */
import { describe, expect, it } from 'vitest';
import { describeWorkerError } from '../../src/load/evaluate.js';

describe('describeWorkerError', () => {
  it('keeps name, message and stack of an Error', () => {
    const e = new TypeError('bad value');
    const d = describeWorkerError(e);
    expect(d.name).toBe('TypeError');
    expect(d.message).toBe('bad value');
    expect(d.stack).toContain('TypeError: bad value');
  });

  it('survives getters that throw', () => {
    const hostile = {
      get name(): string {
        throw new Error('name');
      },
      get message(): string {
        throw new Error('message');
      },
      get stack(): string {
        throw new Error('stack');
      },
    };
    expect(describeWorkerError(hostile)).toEqual({ message: 'the design failed with a value that cannot be printed' });
  });

  it('prints a primitive, and describes a value whose toString throws', () => {
    expect(describeWorkerError('plain text').message).toBe('plain text');
    expect(describeWorkerError(42).message).toBe('42');
    const odd = Object.create(null) as object;
    expect(describeWorkerError(odd).message).toBe('the design failed with a value that cannot be printed');
  });
});
