/** The Chromium the PDF tests print with: the one installed on this machine, or undefined (those tests are skipped). */
import { findBrowser } from '../../src/report/browser.js';

export function installedBrowser(): string | undefined {
  try {
    // AKSNET_BROWSER emptied: the tests use the installed browser, never one a user pointed aksnet at.
    return findBrowser(undefined, { ...process.env, AKSNET_BROWSER: '' }).path;
  } catch {
    return undefined;
  }
}
