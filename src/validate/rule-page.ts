/**
 * Where a rule's own documentation page lives for tools that follow links (SARIF `helpUri`).
 *
 * The pages are `docs/rules/<area>/<name>.md`, generated from the rule metadata and shipped in the npm
 * package (`files` includes `docs`). SARIF requires `helpUri` to be an absolute URI, and a viewer
 * (GitHub code scanning, the VS Code SARIF viewer, Azure DevOps) opens it as is: it does not resolve a
 * repository-relative path. So the link points at the page inside the published package of the same
 * version that produced the finding, served by the unpkg CDN; the page then matches the rule's wording.
 */
import { version } from '../shared/version.js';

/** Base of the rule pages of this aksnet version. */
export function ruleDocsBase(v: string = version()): string {
  return `https://unpkg.com/aksnet@${encodeURIComponent(v)}/docs/rules/`;
}

/** The rule's page, e.g. `https://unpkg.com/aksnet@0.1.0/docs/rules/ingress/waf-missing.md`. */
export function rulePageUri(id: string, v?: string): string {
  return ruleDocsBase(v) + id.split('/').map(encodeURIComponent).join('/') + '.md';
}
