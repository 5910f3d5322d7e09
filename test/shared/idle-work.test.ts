import { describe, expect, it } from 'vitest';
import { mainThreadWaits, whenMainThreadWaits } from '../../src/shared/idle-work.js';

const turn = () => new Promise((r) => setImmediate(r));

describe('idle work (work queued for the main thread\'s next wait)', () => {
  it('runs nothing before the wait, then each queued task once, after the caller has gone on', async () => {
    const ran: string[] = [];
    whenMainThreadWaits(() => ran.push('elk'));
    whenMainThreadWaits(() => ran.push('fonts'));
    await turn();
    expect(ran).toEqual([]);
    mainThreadWaits();
    // Not inside the call: the stage that waits first finishes handing its work over.
    ran.push('handed over');
    await turn();
    expect(ran).toEqual(['handed over', 'elk', 'fonts']);
    mainThreadWaits();
    await turn();
    expect(ran).toEqual(['handed over', 'elk', 'fonts']);
  });

  it('a task queued after a wait waits for the next one', async () => {
    const ran: number[] = [];
    mainThreadWaits();
    whenMainThreadWaits(() => ran.push(1));
    await turn();
    expect(ran).toEqual([]);
    mainThreadWaits();
    await turn();
    expect(ran).toEqual([1]);
  });
});

describe('the load stage opens the wait', () => {
  it('a task queued before a design loads has run by the time the design is loaded', async () => {
    const { loadArchitecture } = await import('../../src/load/load-architecture.js');
    let ran = false;
    whenMainThreadWaits(() => {
      ran = true;
    });
    const arch = await loadArchitecture(new URL('../../examples/a-hub-spoke-baseline.ts', import.meta.url).pathname);
    expect(arch.model.metadata.title).toBeTruthy();
    expect(ran).toBe(true);
  });
});
