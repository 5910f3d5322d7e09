/**
 * `aksnet serve`: a live preview on 127.0.0.1. One page per design with every view, the findings
 * (each linked to its element in the drawings) and the review pack; the page reloads through
 * server-sent events when a design or a helper module it imports is saved. Load errors are shown
 * in the page with file:line:col.
 *
 * Designs are executed code: the server runs only the files named on the command line (or by the
 * config's inputs) and what they import. It listens on 127.0.0.1 only, answers only requests whose
 * Host is that address or localhost (against DNS rebinding), and serves pages whose content
 * security policy allows no inline script; the review pack is shown in a sandboxed frame.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { findConfig, loadConfig } from '../load/config.js';
import { AksnetError, ExitCode } from '../shared/errors.js';
import { displayPath, dropLoadsAhead, loadAhead, startLoadRecord } from '../load/load-module.js';
import { CLIENT_JS, designPage, indexPage, type Page } from './serve-pages.js';
import { ConfigCache, validateOutcome } from '../validate/run-files.js';
import { expandInputs } from './inputs.js';
import { designStems } from './output-names.js';
import { debouncedRunner, watchRoots } from './watch.js';
import { watchSources } from './source-watch.js';

export interface ServeOptions {
  /** Design files, folders or globs; none: the config's `inputs`. */
  args: string[];
  /** 0 picks a free port. */
  port: number;
  /** Explicit config file, or false for none. */
  config?: string | false;
  log?: (line: string) => void;
}

export interface ServeHandle {
  url: string;
  /** Resolves after the next complete re-render (for tests). */
  rendered(): Promise<number>;
  close(): Promise<void>;
}

export const HOST = '127.0.0.1';

export async function startServer(opts: ServeOptions): Promise<ServeHandle> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const { args, roots, configPath, cwd } = await resolveInputs(opts);
  let pages: Page[] = [];
  let generation = 0;
  let inputs: string[] = [];
  /** Every input of a render in this session (watched from then on). */
  const watched = new Set<string>();
  let waiters: Array<(g: number) => void> = [];
  const clients = new Set<ServerResponse>();

  const render = async (): Promise<void> => {
    const next: Page[] = [];
    const seen = new Set<string>();
    try {
      const { files, root } = await expandInputs(args, { cwd });
      const stems = designStems(files, root);
      const configs = new ConfigCache();
      for (const file of files) {
        seen.add(file);
        next.push(
          await renderPage(
            file,
            stems.get(file)!,
            configPath ?? (opts.config === false ? false : undefined),
            configs,
            seen,
          ),
        );
      }
    } catch (e) {
      next.push({
        kind: 'error',
        stem: '',
        file: '(inputs)',
        error: e instanceof AksnetError ? e.format() : String((e as Error)?.message ?? e),
      });
    }
    pages = next;
    inputs = [...seen];
    generation++;
    for (const c of clients) c.write(`data: ${generation}\n\n`);
    const w = waiters;
    waiters = [];
    for (const f of w) f(generation);
    const errors = pages.filter((p) => p.kind === 'error').length;
    log(
      `aksnet serve: ${pages.filter((p) => p.kind === 'ok').length} design(s) rendered` +
        (errors ? `, ${errors} failed to load` : ''),
    );
  };

  // As in watch mode: unchanged views come from memory (the first render's layouts included, so the first save
  // lays out only what it changed), and a second ELK shares each save's layouts (warm from the first render).
  (await import('../layout/cache.js')).useLayoutMemory(256);
  (await import('../layout/layout-thread.js')).startLayoutThread({ when: 'spare-core' });
  // Every render makes each design's review pack: the pack pictures of a design the save did not change are read
  // from the drawing cache, as `aksnet report` reads them, instead of being fitted to pages again.
  const drawings = await import('../diagram/drawing-cache.js');
  drawings.useDrawingCache(drawings.defaultDrawingCacheDir());
  const layoutThread = await import('../layout/layout-thread.js');
  const evaluate = await import('../load/evaluate.js');
  // Re-render on any change of a source file under the inputs' folders or of a file a design imports.
  // Each save's design gets a pre-booted fresh worker.
  evaluate.keepSpareEvaluator(true);
  // The watch loop's debounce and re-run rule (watch.ts): a change during a render renders once more after it.
  const runner = debouncedRunner(async () => {
    layoutThread.chooseLayoutThreadForRun();
    startLoadRecord();
    try {
      await render();
      // As in watch.ts, inputs stay watched for the session: a render that fails to load cannot name them.
      for (const i of inputs) watched.add(resolve(i));
      await watcher.add(inputs);
    } finally {
      evaluate.refillSpareEvaluator();
    }
  });
  // Watched before the first render starts (runner.now() below), so that a save during it is rendered after it.
  const watcher = await watchSources({
    roots,
    isInput: (abs) => watched.has(abs),
    onEvents: (relevant) => {
      // As in watch.ts: what was loaded ahead before any event is stale; a relevant one loads the design again at once.
      dropLoadsAhead();
      if (!relevant) return;
      runner.trigger();
      loadAhead();
    },
  });

  await runner.now();

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e: unknown) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`internal error: ${(e as Error)?.message ?? String(e)}`);
    }
  });

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const port = (server.address() as AddressInfo).port;
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('forbidden host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    const path = decodeURIComponent(url.pathname);
    if (path === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`retry: 500\ndata: ${generation}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (path === '/client.js') return send(res, 200, 'text/javascript; charset=utf-8', CLIENT_JS);
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', indexPage(pages, generation), PAGE_CSP);
    const design = /^\/design\/(.+)$/.exec(path);
    const page = design && pages.find((p) => p.stem === design[1]);
    if (page) return send(res, 200, 'text/html; charset=utf-8', designPage(page, pages, generation), PAGE_CSP);
    const report = /^\/report\/(.+)$/.exec(path);
    const rp = report && pages.find((p) => p.stem === report[1]);
    if (rp && rp.kind === 'ok' && rp.report) return send(res, 200, 'text/html; charset=utf-8', rp.report, REPORT_CSP);
    send(res, 404, 'text/plain; charset=utf-8', 'not found');
  }

  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', (e: NodeJS.ErrnoException) =>
        fail(
          e.code === 'EADDRINUSE'
            ? new AksnetError(`port ${opts.port} is in use; pick another with --port`, undefined, ExitCode.usage)
            : e,
        ),
      );
      server.listen(opts.port, HOST, () => ok());
    });
  } catch (e) {
    // Nothing is served: the watcher and the spare evaluator would keep the process alive for nothing.
    runner.cancel();
    await watcher.close();
    evaluate.keepSpareEvaluator(false);
    throw e;
  }
  const url = `http://${HOST}:${(server.address() as AddressInfo).port}/`;

  return {
    url,
    rendered: () => new Promise((r) => waiters.push(r)),
    async close() {
      runner.cancel();
      for (const c of clients) c.end();
      clients.clear();
      await watcher.close();
      await runner.running();
      (await import('../load/evaluate.js')).keepSpareEvaluator(false);
      (await import('../layout/layout-thread.js')).useLayoutThread(false);
      drawings.useDrawingCache(undefined);
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
    },
  };
}

async function resolveInputs(
  opts: ServeOptions,
): Promise<{ args: string[]; roots: string[]; configPath?: string; cwd: string }> {
  if (opts.args.length > 0) {
    const configPath = typeof opts.config === 'string' ? { configPath: resolve(opts.config) } : {};
    return { args: opts.args, roots: await watchRoots(opts.args), cwd: process.cwd(), ...configPath };
  }
  const configPath =
    typeof opts.config === 'string'
      ? resolve(opts.config)
      : opts.config === false
        ? undefined
        : findConfig(process.cwd());
  if (!configPath)
    throw new AksnetError(
      'no designs given and no aksnet.config.ts with `inputs` found; try `aksnet serve designs/`',
      undefined,
      ExitCode.usage,
    );
  const { config } = await loadConfig(configPath);
  if (!config.inputs)
    throw new AksnetError(
      'no designs given and the config has no `inputs`; try `aksnet serve designs/`',
      undefined,
      ExitCode.usage,
    );
  const dir = dirname(configPath);
  return {
    args: config.inputs.include,
    roots: [...(await watchRoots(config.inputs.include, dir)), configPath],
    configPath,
    cwd: dir,
  };
}

async function renderPage(
  file: string,
  stem: string,
  config: string | false | undefined,
  configs: ConfigCache,
  seen: Set<string>,
): Promise<Page> {
  const shown = displayPath(file);
  const o = await validateOutcome(file, config !== undefined ? { config } : {}, configs);
  if (o.kind === 'skipped') return { kind: 'skipped', stem, file: shown, reason: o.reason };
  if (o.kind === 'failed') return { kind: 'error', stem, file: shown, error: o.error.format() };
  for (const i of o.validated.arch.inputs) seen.add(resolve(i));
  const { renderDiagrams } = await import('../diagram/index.js');
  const diagrams = await renderDiagrams(o.validated.arch.model, { findings: o.result.findings });
  const page: Page = {
    kind: 'ok',
    stem,
    file: shown,
    title: o.result.title || shown,
    views: diagrams.map((d) => ({ view: d.view, title: d.title, svg: d.svg })),
    findings: o.result.findings,
  };
  try {
    const { writeReport } = await import('../report/pack.js');
    let html = '';
    await writeReport({
      files: [file],
      outputs: [{ format: 'html', path: 'review-pack.html' }],
      ...(config !== undefined ? { config } : {}),
      write: (_p, data) => (html = typeof data === 'string' ? data : Buffer.from(data).toString('utf8')),
    });
    page.report = html;
  } catch (e) {
    page.reportError = e instanceof AksnetError ? e.format() : String((e as Error)?.message ?? e);
  }
  return page;
}

function send(res: ServerResponse, status: number, type: string, body: string, csp?: string): void {
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (csp) headers['content-security-policy'] = csp;
  res.writeHead(status, headers).end(body);
}

const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "frame-src 'self'",
].join('; ');
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox";
