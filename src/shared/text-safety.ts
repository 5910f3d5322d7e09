/**
 * User text on its way to a terminal or into XML. Designs are untrusted: a name can hold ESC, BEL,
 * CR or NUL, which would clear a terminal, set its title, forge finding lines, or make an SVG or HTML
 * file not well-formed XML.
 */

/** C0 and C1 controls, DEL, line/paragraph separators and bidirectional overrides (Trojan Source). */
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Shows each control character as a visible `\uXXXX` escape (text and GitHub outputs, error messages). */
export function terminalSafe(s: string): string {
  return s.replace(TERMINAL_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Characters XML 1.0 does not allow at all, not even as references; lone surrogates too. */
const XML_INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces what XML cannot hold with U+FFFD, so SVG and HTML outputs stay well-formed. */
export function xmlSafe(s: string): string {
  return s.replace(XML_INVALID, '\ufffd');
}

const XML_ENTITIES: Record<string, string> = { '&quot;': '"', '&#39;': "'", '&apos;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/** Reverses the escaping of aksnet's own SVG/HTML writers (the five XML entities), in one pass. */
export function xmlUnescape(s: string): string {
  return s.replace(/&(?:quot|#39|apos|lt|gt|amp);/g, (e) => XML_ENTITIES[e]!);
}
