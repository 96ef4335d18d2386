import { z } from 'zod';

/**
 * Case bundles: a zip holding one BagIt 1.0 bag (RFC 8493) with the case snapshot, `case.json`,
 * evidence originals, letters, the audit log and an HTML summary, signed with the installation's
 * Ed25519 key. These schemas are what export, verify, import and merge report.
 */

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const isoDateTime = z.iso.datetime({ offset: false });

/** `SHA256:` and the base64 of the SHA-256 of the raw 32-byte public key, as OpenSSH prints it. */
export const fingerprintSchema = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/);
/** A raw Ed25519 public key, base64 (32 bytes, 44 characters). */
export const publicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'Not an Ed25519 public key');

export const bundleExportOptionsSchema = z
  .object({
    /** Original evidence bytes in `data/evidence/`; without them the items are still listed. */
    includeEvidence: z.boolean().default(true),
    /** Privileged notes are left out (and their audit payloads withheld) unless asked for. */
    includePrivileged: z.boolean().default(false),
    /** The roster's records (personal data of every affected person) only when asked; counts always travel. */
    includeRoster: z.boolean().default(false),
  })
  .strict();
export type BundleExportOptions = z.output<typeof bundleExportOptionsSchema>;

/** An age X25519 recipient: `age1` and 58 characters of Bech32 (32 bytes and a checksum, checked in main). */
export const AGE_RECIPIENT_PATTERN = /^age1[02-9ac-hj-np-z]{58}$/;

/**
 * An age envelope (age-encryption.org/v1) around the whole zip, written as NAME.zip.age: to a
 * passphrase (scrypt), or to one or more X25519 recipients (`age1…`, as age-keygen and
 * "keys list" print them). The bag inside stays a plain BagIt zip.
 */
export const bundleEnvelopeSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('passphrase'), passphrase: z.string().min(1, 'A passphrase is required') })
    .strict(),
  z
    .object({
      kind: z.literal('recipients'),
      recipients: z
        .array(z.string().trim().min(1, 'A recipient cannot be empty'))
        .min(1, 'At least one recipient is required')
        .max(100, 'At most 100 recipients'),
    })
    .strict(),
]);
export type BundleEnvelope = z.output<typeof bundleEnvelopeSchema>;

/** Whether a bundle came in an age envelope, and of which kind. */
export const ENVELOPE_KINDS = ['none', 'passphrase', 'recipients'] as const;
export type EnvelopeKind = (typeof ENVELOPE_KINDS)[number];

export const bundleExportResultSchema = z.object({
  path: z.string(),
  bundleId: z.uuid(),
  /** The zip's size. */
  bytes: z.number().int().nonnegative(),
  payloadFiles: z.number().int().nonnegative(),
  payloadBytes: z.number().int().nonnegative(),
  evidenceFiles: z.number().int().nonnegative(),
  letterFiles: z.number().int().nonnegative(),
  signerFingerprint: fingerprintSchema,
  auditHead: sha256Hex,
  /** The age envelope the zip was sealed in (`path` then ends in .age). */
  envelope: z.enum(ENVELOPE_KINDS),
});
export type BundleExportResult = z.output<typeof bundleExportResultSchema>;

/** What a BagIt check alone can find (RFC 8493: structure, tag files, manifests, checksums). */
export const BAG_PROBLEM_CODES = [
  /** Bag structure: one top folder, bagit.txt, data/, manifests present. */
  'structure',
  'bagit-txt',
  'bag-info',
  'manifest',
  'missing-file',
  'unexpected-file',
  'checksum',
  'payload-oxum',
] as const;

/** What went wrong, by kind; every problem names the file it is about when there is one. */
const BUNDLE_PROBLEM_CODES = [
  /** The age envelope around the zip: its header or a chunk fails authentication, or it is cut short. */
  'envelope',
  /** The zip itself: damaged, truncated, or refused as hostile (paths, links, bombs, encryption). */
  'archive',
  ...BAG_PROBLEM_CODES,
  'signature',
  'audit',
  'snapshot',
] as const;
export type BundleProblemCode = (typeof BUNDLE_PROBLEM_CODES)[number];

const bundleProblemSchema = z.object({
  code: z.enum(BUNDLE_PROBLEM_CODES),
  /** The path inside the bag (or the zip entry name) at fault; null for the bundle as a whole. */
  path: z.string().nullable(),
  message: z.string(),
});
export type BundleProblem = z.output<typeof bundleProblemSchema>;

const SIGNATURE_STATUSES = ['valid', 'invalid', 'unknown-signer', 'missing'] as const;
const AUDIT_CHECK_STATUSES = ['ok', 'broken', 'head-mismatch', 'not-checked'] as const;

export const bundleVerificationSchema = z.object({
  ok: z.boolean(),
  path: z.string(),
  /** The age envelope the zip came in; it was opened (and authenticated) before the zip was read. */
  envelope: z.enum(ENVELOPE_KINDS),
  /** What bag-info.txt says (null where it is missing or unreadable). */
  bag: z.object({
    name: z.string().nullable(),
    bundleId: z.string().nullable(),
    caseId: z.string().nullable(),
    title: z.string().nullable(),
    organisation: z.string().nullable(),
    baggingDate: z.string().nullable(),
    payloadOxum: z.string().nullable(),
    schemaVersion: z.number().int().nullable(),
    includesEvidence: z.boolean().nullable(),
    includesPrivilegedNotes: z.boolean().nullable(),
  }),
  signature: z.object({
    status: z.enum(SIGNATURE_STATUSES),
    fingerprint: z.string().nullable(),
    publicKey: z.string().nullable(),
    /** The trusted key's label when the signer is known. */
    signer: z.string().nullable(),
  }),
  audit: z.object({
    status: z.enum(AUDIT_CHECK_STATUSES),
    entries: z.number().int().nonnegative(),
    /** The head recomputed from the snapshot's audit log. */
    head: z.string().nullable(),
    /** The head bag-info.txt (signed through the tag manifest) says it has. */
    expectedHead: z.string().nullable(),
    /** Entries whose payload was withheld (privileged notes): linked, not recomputed. */
    withheld: z.number().int().nonnegative(),
  }),
  checked: z.object({
    files: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
  }),
  problems: z.array(bundleProblemSchema),
});
export type BundleVerification = z.output<typeof bundleVerificationSchema>;

export const bundleImportResultSchema = z.object({
  path: z.string(),
  bundleId: z.uuid(),
  caseId: z.string(),
  title: z.string(),
  evidenceFiles: z.number().int().nonnegative(),
  evidenceBytes: z.number().int().nonnegative(),
  verification: bundleVerificationSchema,
});
export type BundleImportResult = z.output<typeof bundleImportResultSchema>;

/** The kinds of record a merge brings across from a colleague's bundle. */
export const MERGE_KINDS = ['event', 'party', 'task', 'note', 'evidence'] as const;
export type MergeKind = (typeof MERGE_KINDS)[number];

const CONFLICT_STATUSES = ['open', 'kept-ours', 'took-theirs'] as const;

/** A record both sides changed differently; kept until a person picks a side. */
export const mergeConflictSchema = z.object({
  id: z.uuid(),
  bundleId: z.uuid(),
  kind: z.enum(MERGE_KINDS),
  recordId: z.string(),
  /** A name for the record a person recognises (an event's title, a party's name…). */
  label: z.string(),
  /** Top-level fields whose values differ. */
  fields: z.array(z.string()),
  ours: z.record(z.string(), z.unknown()),
  theirs: z.record(z.string(), z.unknown()),
  status: z.enum(CONFLICT_STATUSES),
  createdAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
  resolvedBy: z.string().nullable(),
});
export type MergeConflict = z.output<typeof mergeConflictSchema>;

const mergeCounts = z.object(
  Object.fromEntries(MERGE_KINDS.map((kind) => [kind, z.number().int().nonnegative()])) as Record<
    MergeKind,
    z.ZodNumber
  >,
);

export const bundleMergeResultSchema = z.object({
  bundleId: z.uuid(),
  sourceCaseId: z.string(),
  added: mergeCounts,
  /** Records only the colleague changed since the copies parted: their version was taken. */
  updated: mergeCounts,
  /** Records equal on both sides, or changed (or deleted) only here: this case's version kept. */
  unchanged: mergeCounts,
  /** Evidence items listed in a bundle exported without evidence bytes: not added. */
  evidenceWithoutBytes: z.number().int().nonnegative(),
  /** Whether the two copies share audit history (a bundle of this case), so edits could be told apart. */
  sharedHistory: z.boolean(),
  /** Evidence items whose bytes the case already held (same SHA-256): not stored twice. */
  deduplicated: z.number().int().nonnegative(),
  custodyEntriesAdded: z.number().int().nonnegative(),
  conflicts: z.array(mergeConflictSchema),
  verification: bundleVerificationSchema,
});
export type BundleMergeResult = z.output<typeof bundleMergeResultSchema>;

export const trustedKeySchema = z.object({
  fingerprint: fingerprintSchema,
  publicKey: publicKeySchema,
  label: z.string().trim().min(1, 'A name is required').max(200),
  addedAt: isoDateTime,
  /** This installation's own signing key (app or command line). */
  own: z.boolean(),
});
export type TrustedKey = z.output<typeof trustedKeySchema>;

export const signingInfoSchema = z.object({
  /** Null until the first export creates the key pair. */
  own: z
    .object({ fingerprint: fingerprintSchema, publicKey: publicKeySchema, createdAt: isoDateTime })
    .nullable(),
  /** How the private key is protected on this machine, in words. */
  protection: z.string(),
  trusted: z.array(trustedKeySchema),
  /**
   * This installation's age recipient (`age1…`): colleagues seal bundles to it with
   * `--encrypt-to`; null until the first export or "keys create" makes the identity.
   */
  ageRecipient: z.string().nullable(),
});
export type SigningInfo = z.output<typeof signingInfoSchema>;
