import { z } from 'zod';
import { rulePackDiffSchema } from '../obligations/rule-pack-diff';
import { rulePackSourceSchema } from '../obligations/rule-pack-source';

const none = z.object({}).strict();
const path = z
  .string()
  .min(1)
  .refine((p) => !p.includes('\0'), 'A path cannot contain NUL');

/** A signed rule pack file, checked, and what installing it changes against the active pack. */
export const rulePackUpdateSchema = z.object({
  /** The file, absolute. */
  path: z.string(),
  /** SHA-256 of the file's bytes (hex): `rules.install` takes it to install exactly what was shown. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The trusted key that signed it: its fingerprint and the label it is trusted under. */
  signer: z.object({ fingerprint: z.string(), label: z.string() }),
  signedAt: z.iso.datetime(),
  /** Where the pack it replaces came from. */
  current: rulePackSourceSchema,
  diff: rulePackDiffSchema,
});

/**
 * Signed rule-pack updates for offline machines (README › Files, signed rule pack). None needs an
 * open case, and none writes to a case: installing changes this computer's rule pack.
 */
export const rulesContract = {
  /** Checks a signed pack file (signature, trusted key, schema, newer than the active pack) and compares it. */
  'rules.preview': { input: z.object({ path }).strict(), output: rulePackUpdateSchema },
  /** The same checks, then installs it as the active pack; with sha256, only the file previewed. */
  'rules.install': {
    input: z
      .object({
        path,
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
      })
      .strict(),
    output: rulePackUpdateSchema.extend({ source: rulePackSourceSchema }),
  },
  /** For publishers: signs a rule pack's JSON file with this computer's key into a signed pack file. */
  'rules.sign': {
    input: z.object({ packPath: path, out: path, overwrite: z.boolean().default(false) }).strict(),
    output: z.object({
      path: z.string(),
      fingerprint: z.string(),
      publicKey: z.string(),
      packId: z.string(),
      packVersion: z.string(),
      published: z.iso.date(),
    }),
  },
  /** A signed rule pack file to import; null when the person cancels. */
  'dialog.chooseRulePack': { input: none, output: z.object({ path: z.string().nullable() }) },
} as const;
