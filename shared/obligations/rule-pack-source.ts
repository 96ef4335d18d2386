import { z } from 'zod';

/**
 * Where the active rule pack came from: shipped with Breachdesk, or installed from a signed
 * pack file (when, from which file, signed by which trusted key). `rejected` is one sentence
 * saying that an installed pack is not the one in use and why (it no longer verifies, its key is
 * no longer trusted, it is older than the shipped pack); null when none is installed.
 */
export const rulePackSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shipped'), rejected: z.string().nullable() }),
  z.object({
    kind: z.literal('installed'),
    installedAt: z.iso.datetime(),
    /** The file it was installed from, as given then. */
    from: z.string(),
    fingerprint: z.string(),
    /** The trusted key's label, as `keys list` shows it. */
    signer: z.string(),
  }),
]);
export type RulePackSource = z.output<typeof rulePackSourceSchema>;

/** The source in one sentence, as `rules list` and the Rules page say it. */
export function rulePackSourceText(source: RulePackSource): string {
  if (source.kind === 'installed') {
    return `Installed on ${source.installedAt.slice(0, 10)} from ${source.from}, signed by ${source.fingerprint} (${source.signer}).`;
  }
  return source.rejected === null
    ? 'Shipped with Breachdesk.'
    : `Shipped with Breachdesk. ${source.rejected}`;
}
