/** Words for the TLS states drawn on edges (legend entries and edge tooltips). */
import type { TlsState } from '../model/types.js';

export const TLS_LEGEND: Record<TlsState, string> = {
  tls: 'TLS (encrypted)',
  plaintext: 'plaintext',
  passthrough: 'TLS passed through undecrypted',
  mtls: 'mutual TLS',
};
