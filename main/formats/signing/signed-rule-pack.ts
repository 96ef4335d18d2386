import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { createDetachedSignature, verifyDetachedSignature } from './detached-signature';
import { fingerprintOf, publicKeyFromBase64 } from './fingerprint';

/**
 * A signed rule pack file (README › Files): one JSON object holding the pack's exact bytes in
 * base64 and a detached Ed25519 signature over exactly those bytes, with the signer's public key
 * and its fingerprint. Base64 keeps the signed bytes intact whatever a mailer, editor or JSON tool
 * does to the outer file's whitespace and key order.
 */
export const SIGNED_RULE_PACK_FORMAT = 'breachdesk.signed-rule-pack/1';
/** Every version of the format starts so; a later one is refused by name, not as garbage. */
const FORMAT_FAMILY = 'breachdesk.signed-rule-pack/';
/** What a bare (unsigned) rule pack's `format` starts with. */
const BARE_PACK_FAMILY = 'breachdesk.rule-pack/';

const base64 = z
  .string()
  .min(1)
  .refine((text) => Buffer.from(text, 'base64').toString('base64') === text, 'Not canonical base64');

const signedRulePackSchema = z
  .object({
    format: z.literal(SIGNED_RULE_PACK_FORMAT),
    /** The pack's JSON text (UTF-8), base64: the signed bytes. */
    pack: base64,
    signature: z
      .object({
        algorithm: z.literal('Ed25519'),
        /** The raw 32-byte public key, base64 (as `keys list` prints it). */
        publicKey: base64,
        /** SHA256: + unpadded base64 of its SHA-256, as `keys list` prints it. */
        fingerprint: z.string(),
        /** The 64-byte signature over the decoded `pack` bytes, base64. */
        value: base64,
      })
      .strict(),
    signedAt: z.iso.datetime(),
    /**
     * Written by the computer that installed the file (in its config folder), outside the
     * signature: when and from where. Ignored when the file is imported elsewhere.
     */
    installed: z.object({ at: z.iso.datetime(), from: z.string() }).strict().optional(),
  })
  .strict();
export type SignedRulePackFile = z.output<typeof signedRulePackSchema>;

/** What a file turned out to be; only `signed` goes on to trust and schema checks. */
export type SignedRulePackReading =
  | { kind: 'not-json' }
  | { kind: 'bare-pack' }
  | { kind: 'other-format'; format: string }
  | { kind: 'malformed'; problem: string }
  | {
      kind: 'signed';
      file: SignedRulePackFile;
      /** The signed bytes: the pack's JSON text. */
      packBytes: Buffer;
      /** Whether the signature, public key and fingerprint agree with each other and the bytes. */
      signatureValid: boolean;
    };

export interface PackSigner {
  privateKey: KeyObject;
  publicKey: string;
  fingerprint: string;
}

/** The signed file for `packBytes` (the pack's JSON text as the publisher wrote it). */
export function encodeSignedRulePack(packBytes: Uint8Array, signer: PackSigner, signedAt: Date): string {
  const file: SignedRulePackFile = {
    format: SIGNED_RULE_PACK_FORMAT,
    pack: Buffer.from(packBytes).toString('base64'),
    signature: {
      algorithm: 'Ed25519',
      publicKey: signer.publicKey,
      fingerprint: signer.fingerprint,
      value: createDetachedSignature(signer.privateKey, packBytes).trim(),
    },
    signedAt: signedAt.toISOString(),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The same file with a note of where and when this computer installed it (outside the signature). */
export function withInstallNote(file: SignedRulePackFile, at: Date, from: string): string {
  return `${JSON.stringify({ ...file, installed: { at: at.toISOString(), from } }, null, 2)}\n`;
}

/** Reads a file's text as a signed rule pack and checks its signature (not whether its key is trusted). */
export function readSignedRulePack(text: string): SignedRulePackReading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'not-json' };
  }
  const format = typeof json === 'object' && json !== null && 'format' in json ? json.format : undefined;
  if (typeof format === 'string' && format.startsWith(BARE_PACK_FAMILY)) return { kind: 'bare-pack' };
  if (typeof format === 'string' && format.startsWith(FORMAT_FAMILY) && format !== SIGNED_RULE_PACK_FORMAT)
    return { kind: 'other-format', format };
  const parsed = signedRulePackSchema.safeParse(json);
  if (!parsed.success) return { kind: 'malformed', problem: firstProblem(parsed.error) };
  const file = parsed.data;
  const packBytes = Buffer.from(file.pack, 'base64');
  return { kind: 'signed', file, packBytes, signatureValid: signatureHolds(file, packBytes) };
}

function signatureHolds(file: SignedRulePackFile, packBytes: Buffer): boolean {
  const { publicKey, fingerprint, value } = file.signature;
  const key = publicKeyFromBase64(publicKey);
  if (key === null) return false;
  if (fingerprintOf(Buffer.from(publicKey, 'base64')) !== fingerprint) return false;
  return verifyDetachedSignature(key, packBytes, value);
}

function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'it is not a signed rule pack';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
