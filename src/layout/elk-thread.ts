/**
 * The entry of the layout worker thread (see layout-thread.ts): lays out the requests it is sent with
 * its own ELK instance and answers with the result as plain data. Runs only inside a worker.
 */
import { parentPort } from 'node:worker_threads';
import { elk, layout, type LayoutRequest } from './elk.js';

// Load ELK at once: the thread is started before the first layout is asked for (startLayoutThread), and the
// bundle's load then overlaps the main thread's own work. A failure here is the first layout's to report.
elk().catch(() => undefined);

parentPort?.on('message', (m: { id: number; req: LayoutRequest }) => {
  layout(m.req).then(
    (r) =>
      parentPort!.postMessage({
        id: m.id,
        ok: true,
        width: r.width,
        height: r.height,
        nodes: [...r.nodes],
        edges: [...r.edges],
      }),
    (e: unknown) =>
      parentPort!.postMessage({ id: m.id, ok: false, message: e instanceof Error ? e.message : String(e) }),
  );
});
