import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Breachdesk never sends anything: the CLI and the app's main process, as built by
 * scripts/build-node.mjs (npm test builds them first), require no module that opens a
 * connection. nodemailer's URL fetcher is replaced by a stub there (no-network-in-mime).
 */
const NETWORK = new Set(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns']);

describe('the Node bundles', () => {
  it.each(['dist/node/cli.cjs', 'dist/node/shell.cjs'])('%s requires no network module', (bundle) => {
    const text = readFileSync(new URL(`../../${bundle}`, import.meta.url), 'utf8');
    const required = [...text.matchAll(/require\("(?:node:)?([a-z0-9_/]+)"\)/g)].map((m) => m[1] ?? '');
    expect(required.filter((name) => NETWORK.has(name))).toEqual([]);
    expect(text).toContain('Breachdesk never fetches content for an e-mail over the network.');
  });
});
