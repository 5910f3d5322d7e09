/**
 * Finds a Chromium or Chrome executable for PDF output: `AKSNET_BROWSER`, then `browser` in
 * aksnet.config.ts, then the usual install locations on Linux, macOS and Windows, then the PATH.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { AksnetError, ExitCode } from '../shared/errors.js';

export interface BrowserChoice {
  path: string;
  /** Where the path came from. */
  source: 'AKSNET_BROWSER' | 'config' | 'install path' | 'PATH';
}

const LINUX = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium-browser/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge',
  '/opt/microsoft/msedge/msedge',
];

const MAC = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

function windowsPaths(env: NodeJS.ProcessEnv): string[] {
  const roots = [env['PROGRAMFILES'] ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env['LOCALAPPDATA']].filter(
    (r): r is string => !!r,
  );
  const rel = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
  return roots.flatMap((r) => rel.map((p) => `${r}\\${p}`));
}

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'msedge'];

function executable(p: string): boolean {
  try {
    if (!existsSync(p) || !statSync(p).isFile()) return false;
    if (process.platform !== 'win32') accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  if (isAbsolute(name) || name.includes('/') || name.includes('\\')) return executable(name) ? name : undefined;
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of process.platform === 'win32' ? ['.exe', ''] : ['']) {
      const p = join(dir, name + ext);
      if (executable(p)) return p;
    }
  }
  return undefined;
}

/** The candidate install paths for this platform, in search order. */
export function candidatePaths(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') return MAC;
  if (platform === 'win32') return windowsPaths(env);
  return LINUX;
}

export const INSTALL_HINT =
  'PDF output needs Chromium or Google Chrome. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
  'Fedora: `sudo dnf install chromium`; macOS: `brew install --cask chromium` or install Google Chrome; ' +
  'Windows: install Google Chrome or Microsoft Edge), or point AKSNET_BROWSER (or `browser` in aksnet.config.ts) at its executable. ' +
  'HTML, Markdown, JSON and CSV output need no browser.';

/**
 * Resolves the browser executable or throws AksnetError with exit code 3 and the install hint.
 * An explicit choice (env or config) that does not exist is an error, not a reason to search on.
 */
export function findBrowser(configured?: string, env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = candidatePaths(process.platform, env)): BrowserChoice {
  const fromEnv = env['AKSNET_BROWSER'];
  if (fromEnv) {
    const p = onPath(fromEnv, env);
    if (p) return { path: p, source: 'AKSNET_BROWSER' };
    throw new AksnetError(`AKSNET_BROWSER points at "${fromEnv}", which is not an executable browser. ${INSTALL_HINT}`, undefined, ExitCode.output);
  }
  if (configured) {
    const p = onPath(configured, env);
    if (p) return { path: p, source: 'config' };
    throw new AksnetError(`the browser set in aksnet.config ("${configured}") is not an executable. ${INSTALL_HINT}`, undefined, ExitCode.output);
  }
  for (const p of candidates) if (executable(p)) return { path: p, source: 'install path' };
  for (const n of PATH_NAMES) {
    const p = onPath(n, env);
    if (p) return { path: p, source: 'PATH' };
  }
  throw new AksnetError(`no Chromium or Chrome browser found. ${INSTALL_HINT}`, undefined, ExitCode.output);
}
