/**
 * Writing an output file without ever destroying something that is not an output:
 * - a regular file (or a new path) is replaced atomically: bytes go to a temporary sibling of the
 *   *real* target (symlinks are followed) that is renamed over it, so a reader sees old or new bytes;
 * - a character device, FIFO or socket (`/dev/null`, `/dev/stdout`, a named pipe) is written through,
 *   never replaced by a regular file;
 * - an output path that is one of the run's inputs (design, helper module, config) is refused (exit 2);
 * - a failure is one AksnetError with exit code 3 naming the output path, never the temporary file.
 * Temporary files are removed on SIGINT/SIGTERM, and ones left by a killed run are swept by the next.
 */
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AksnetError, ExitCode } from './errors.js';
import { noteOwnWrite } from './own-writes.js';

const TMP_MARK = '.aksnet-tmp-';

/** Inputs of the current run (real paths): an output must never overwrite one. */
const inputs = new Set<string>();

/** Records files the run reads (designs, helper modules, config files); outputs may not overwrite them. */
export function registerInputs(paths: Iterable<string>): void {
  for (const p of paths) inputs.add(realOrResolved(p));
}

/** Forgets the registered inputs (tests; a long-running watch re-registers). */
export function clearInputs(): void {
  inputs.clear();
}

/** Shows a path relative to the working directory when that is shorter. */
function shown(file: string): string {
  const abs = resolve(file);
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && rel.length < abs.length ? rel : file;
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** Follows a chain of symlinks to the path that would be written, also when the final target does not exist yet. */
export function followLinks(path: string): string {
  let cur = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let st;
    try {
      st = lstatSync(cur);
    } catch {
      // Not there yet: resolve the directory part (it may itself be reached through a link).
      const dir = realOrResolved(dirname(cur));
      return join(dir, basename(cur));
    }
    if (!st.isSymbolicLink()) return realOrResolved(cur);
    cur = resolve(dirname(cur), readlinkSync(cur));
  }
  throw outputError(path, { code: 'ELOOP' });
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EEXIST: 'a file is in the way',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ELOOP: 'too many levels of symbolic links',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
};

function outputError(path: string, e: unknown): AksnetError {
  const code = (e as { code?: string } | undefined)?.code;
  const fallback = e instanceof Error ? e.message.replace(/^[A-Z]+: /, '').split(',')[0] : String(e);
  const reason = (code && REASONS[code]) ?? fallback;
  const message = `cannot write ${shown(path)}: ${reason}${code ? ` (${code})` : ''}`;
  return new AksnetError(message, undefined, ExitCode.output);
}

/** Writes all bytes to an open descriptor (writeSync may write less than asked on pipes). */
function writeAll(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off);
}

/** UTF-16 code units of text encoded and written at a time (see writeData). */
export const TEXT_SLICE = 1 << 20;

/**
 * Text in pieces, written one after the other as if joined: a long output (the JSON findings of many designs)
 * without one string of it all.
 */
export interface TextPieces {
  readonly kind: 'pieces';
  /** The pieces in order, made as they are written (each call starts again from the first). */
  readonly pieces: () => Iterable<string>;
}

/** What an output file is written from. */
export type OutputData = string | Uint8Array | TextPieces;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Writes text, pieces of text or bytes to an open descriptor. Text is encoded into one buffer of at most
 * TEXT_SLICE code units at a time, not into one buffer as long as the file: in a fresh process, encoding
 * `validate`'s 14 MB JSON at once spent most of its 250–320 ms on memory touched for the first time, slice by slice
 * 120–170 ms. No slice ends between the two halves of a surrogate pair, so the bytes are those of
 * `Buffer.from(text, 'utf8')` for the text joined (a lone surrogate is U+FFFD either way).
 */
function writeData(fd: number, data: OutputData): void {
  if (data instanceof Uint8Array) return writeAll(fd, data);
  if (typeof data === 'string' && data.length <= TEXT_SLICE) return writeAll(fd, Buffer.from(data, 'utf8'));
  // At most three bytes per code unit; a slice holds at most TEXT_SLICE + 1 of them.
  const buf = Buffer.allocUnsafe(3 * (TEXT_SLICE + 1));
  let used = 0;
  const flush = () => {
    writeAll(fd, buf.subarray(0, used));
    used = 0;
  };
  /** Encodes text of at most TEXT_SLICE + 1 code units into the buffer. */
  const put = (text: string) => {
    if (used + 3 * text.length > buf.length) flush();
    used += buf.write(text, used, 'utf8');
  };
  /** Encodes any text, a slice at a time; a high surrogate whose low half follows goes with it. */
  const putLong = (text: string) => {
    for (let at = 0; at < text.length; ) {
      let end = Math.min(at + TEXT_SLICE, text.length);
      if (isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end))) end++;
      put(text.slice(at, end));
      at = end;
    }
  };
  if (typeof data === 'string') putLong(data);
  else {
    // A piece ending in the first half of a pair is held back until the next piece's first code unit is known.
    let held = '';
    for (const piece of data.pieces()) {
      let text = held + piece;
      held = '';
      if (text.length > 0 && isHigh(text.charCodeAt(text.length - 1))) {
        held = text.slice(-1);
        text = text.slice(0, -1);
      }
      putLong(text);
    }
    putLong(held);
  }
  flush();
}

// Temporary files being written right now; removed if the process is interrupted.
const pending = new Set<string>();
// Child processes to stop first (the PDF browser, which writes into its temporary profile until it ends); a stop
// that returns a promise is waited for (at most CHILD_STOP_WAIT_MS) before the temporary files go.
const children = new Set<() => Promise<unknown> | undefined>();
const CHILD_STOP_WAIT_MS = 5000;
let handlersInstalled = false;

function installSignalCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    const handler = (): void => {
      process.removeListener(sig, handler);
      // Best effort throughout: a throw here would end the process with a stack trace and exit 1, which CI reads
      // as "findings". A child still starting (the browser during its launch) is stopped once it has started, so
      // that it cannot write into its temporary folder after that folder is removed.
      const waits: Array<Promise<unknown>> = [];
      for (const stop of children) {
        try {
          const w = stop();
          if (w) waits.push(w);
        } catch {
          // Already gone.
        }
      }
      children.clear();
      const finish = (): void => {
        for (const t of pending) {
          try {
            rmSync(t, { recursive: true, force: true, maxRetries: 3 });
          } catch {
            // Left for sweepStale, which removes the temporary files of dead processes.
          }
        }
        pending.clear();
        // Another part of the program (e.g. watch mode) handles the signal itself; otherwise die by it as usual.
        if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
      };
      if (waits.length === 0) return finish();
      const limit = new Promise((r) => setTimeout(r, CHILD_STOP_WAIT_MS).unref());
      void Promise.race([Promise.allSettled(waits), limit]).then(finish);
    };
    // First in line, so it can see whether another listener (e.g. watch mode) will handle the signal.
    process.prependListener(sig, handler);
  }
}

/** Registers a temporary file or folder to remove if the process is interrupted (SIGINT/SIGTERM). */
export function trackTemp(path: string): void {
  installSignalCleanup();
  pending.add(path);
}

export function untrackTemp(path: string): void {
  pending.delete(path);
}

/** Registers how to stop a child process if this one is interrupted; returns the function that unregisters it. */
export function trackChild(stop: () => Promise<unknown> | undefined): () => void {
  installSignalCleanup();
  children.add(stop);
  return () => children.delete(stop);
}

/** True when no process has this id (its temporary files are stale). */
function dead(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as { code?: string }).code === 'ESRCH';
  }
}

/** Removes `<dir>/<prefix><pid>-…` entries whose process is gone (left by `kill -9` or a crash). */
export function sweepStale(dir: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(n.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && dead(pid)) rmSync(join(dir, n), { recursive: true, force: true });
  }
}

/** Paths written through rather than replaced: devices and the process's own descriptors. */
function isSpecialPath(p: string): boolean {
  return /^\/(dev|proc)\//.test(resolve(p));
}

/**
 * Writes one output file (see the module comment). Throws AksnetError: exit 2 when the path is an
 * input of the run, exit 3 when the bytes could not be written.
 */
export function writeOutput(path: string, data: OutputData): void {
  const fdPath = /^\/(?:dev\/(stdout|stderr)|dev\/fd\/(\d+)|proc\/self\/fd\/(\d+))$/.exec(resolve(path));
  if (fdPath) {
    // The process's own descriptor: write to it (opening /proc/self/fd/N fails for sockets).
    const fd = fdPath[1] === 'stdout' ? 1 : fdPath[1] === 'stderr' ? 2 : Number(fdPath[2] ?? fdPath[3]);
    try {
      return writeData(fd, data);
    } catch (e) {
      throw outputError(path, e);
    }
  }
  // `/dev/stdout` is a link to /proc/self/fd/1, which may point at the very file the shell redirected to:
  // write through the descriptor so the shell's file (and its inode) is what receives the bytes.
  if (isSpecialPath(path)) return writeThrough(path, data);
  const target = followLinks(path);
  if (inputs.has(target)) {
    throw new AksnetError(`refusing to write ${shown(path)}: it is an input of this run`, undefined, ExitCode.usage);
  }
  noteOwnWrite(path);
  noteOwnWrite(target);
  let st;
  try {
    st = statSync(target);
  } catch {
    st = undefined;
  }
  if (st && !st.isFile()) {
    if (st.isDirectory()) throw outputError(path, { code: 'EISDIR' });
    return writeThrough(target, data, path);
  }
  const dir = dirname(target);
  const base = basename(target);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    // mkdir says EEXIST when a file sits where a folder of the path should be.
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      const message = `cannot write ${shown(path)}: a part of the path is not a folder (${code})`;
      throw new AksnetError(message, undefined, ExitCode.output);
    }
    throw outputError(path, e);
  }
  sweepStale(dir, `.${base}${TMP_MARK}`);
  const tmp = join(dir, `.${base}${TMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  installSignalCleanup();
  pending.add(tmp);
  let fd: number | undefined;
  try {
    // `wx`: never follow or reuse something already at the temporary name.
    fd = openSync(tmp, 'wx', st ? st.mode & 0o777 : 0o666);
    writeData(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw outputError(path, e);
  } finally {
    pending.delete(tmp);
  }
}

function writeThrough(target: string, data: OutputData, shownPath = target): void {
  let fd: number | undefined;
  try {
    fd = openSync(target, 'w');
    writeData(fd, data);
  } catch (e) {
    throw outputError(shownPath, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
