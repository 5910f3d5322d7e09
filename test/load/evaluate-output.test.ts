/**
 * A single-use evaluation answers as soon as the design's value arrives and ends its worker meanwhile. That is
 * safe only because the worker posts the value after its stdout has reached this process: whatever the design
 * printed must be out (on stderr) when run() resolves, never after the CLI's next line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { keepSpareEvaluator, refillSpareEvaluator, startEvaluator } from '../../src/load/evaluate.js';

const dir = mkdtempSync(join(tmpdir(), 'aksnet-eval-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  keepSpareEvaluator(false);
});

/** Collects what reaches this process's stderr (the worker's stdout is piped there). */
function captureStderr(): () => string {
  const seen: string[] = [];
  const real = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    seen.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    // Only the design's own marker lines are swallowed; anything else (the runner's output) passes on.
    if (String(seen.at(-1)).includes('aksnet-test-')) return true;
    return (real as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write);
  return () => seen.join('');
}

const PRINTS = 40;
const LINE = `aksnet-test-${'x'.repeat(8_000)}\n`;

function noisyDesign(name: string): string {
  const file = join(dir, name);
  // Many writes of 8 kB: more than one round of the worker's stdout flow control (a stream's 16 kB high-water mark).
  writeFileSync(
    file,
    `for (let i = 0; i < ${PRINTS}; i++) process.stdout.write(${JSON.stringify(LINE)});\n` +
      `console.log('aksnet-test-tail');\nexport default { title: 'noisy' };\n`,
  );
  return file;
}

describe('a single-use evaluation', () => {
  it('resolves with the value only after everything the design printed is out', async () => {
    const text = captureStderr();
    const ev = startEvaluator();
    const result = await ev.run(noisyDesign('noisy.mjs'));
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toEqual({ title: 'noisy' });
    const out = text();
    expect(out.split('aksnet-test-x').length - 1).toBe(PRINTS);
    expect(out).toContain('aksnet-test-tail\n');
    // The worker is ended: the evaluator cannot be used again.
    expect(ev.usable).toBe(false);
  });

  it('takes the kept spare, and a refill boots the next one that evaluates as the first did', async () => {
    const text = captureStderr();
    keepSpareEvaluator(true);
    const first = startEvaluator();
    expect((await first.run(noisyDesign('one.mjs'))).ok).toBe(true);
    refillSpareEvaluator();
    const second = startEvaluator();
    expect(second).not.toBe(first);
    expect(second.usable).toBe(true);
    const again = await second.run(noisyDesign('two.mjs'));
    expect(again.ok && again.value).toEqual({ title: 'noisy' });
    expect(text().split('aksnet-test-tail').length - 1).toBe(2);
  });
});
