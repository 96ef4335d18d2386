import type { z } from 'zod';
import type { TrustedKey } from '../../../shared/domain/bundle';
import { BreachdeskError } from '../../../shared/ipc/errors';
import { RULE_PACK_FORMAT, rulePackSchema, type RulePack } from '../../../shared/obligations/rule-pack';
import {
  readSignedRulePack,
  SIGNED_RULE_PACK_FORMAT,
  type SignedRulePackFile,
} from '../../formats/signing/signed-rule-pack';

/** A signed rule pack whose signature holds, by a trusted key, with a pack the schema accepts. */
export interface VerifiedRulePack {
  pack: RulePack;
  file: SignedRulePackFile;
  signer: TrustedKey;
}

function refuse(sentence: string): never {
  throw new BreachdeskError('INVALID_INPUT', sentence);
}

/**
 * Checks a signed rule pack file's text, in this order: it is a signed pack (not a bare one) in
 * the format this version reads, its signature matches the pack bytes, the key is trusted here,
 * and the pack inside passes the rule-pack schema. Each refusal is one sentence naming `name`
 * (the file as the person gave it); nothing is written either way. `afterTrusting` ends the
 * untrusted-key sentence with what to do once the key is trusted.
 */
export function verifySignedRulePack(
  text: string,
  name: string,
  trusted: (fingerprint: string) => TrustedKey | null,
  afterTrusting = ' and import again',
): VerifiedRulePack {
  const reading = readSignedRulePack(text);
  switch (reading.kind) {
    case 'not-json':
      return refuse(`${name} is not a signed rule pack: it is not JSON.`);
    case 'bare-pack':
      return refuse(
        `${name} is an unsigned rule pack: only a pack signed with a key you trust can be installed (its publisher signs it with "breachdesk rules sign").`,
      );
    case 'other-format':
      return refuse(
        `${name} is a signed rule pack in the format ${reading.format}, which this version of Breachdesk does not read (it reads ${SIGNED_RULE_PACK_FORMAT}).`,
      );
    case 'malformed':
      return refuse(`${name} is not a signed rule pack (${reading.problem}).`);
    case 'signed':
      break;
  }
  const { file, packBytes, signatureValid } = reading;
  if (!signatureValid) {
    return refuse(
      `${name} does not match its signature: the pack was changed after it was signed (or the signature was).`,
    );
  }
  const signer = trusted(file.signature.fingerprint);
  if (signer === null || signer.publicKey !== file.signature.publicKey) {
    return refuse(
      `${name} is signed by the key ${file.signature.fingerprint}, which you do not trust; if it is the publisher's key, trust it (breachdesk keys trust ${file.signature.publicKey} --label "PUBLISHER", or Signing keys… in the app)${afterTrusting}.`,
    );
  }
  return { pack: parseRulePack(packBytes, `The pack inside ${name}`), file, signer };
}

/**
 * The pack in `bytes` (its JSON text), checked against the rule-pack schema, which is strict:
 * a key the schema does not know (a "script", a template body) is refused, so a pack is data
 * only. `where` starts each refusal ("The pack inside X", or the file being signed).
 */
export function parseRulePack(bytes: Uint8Array, where: string): RulePack {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refuse(`${where} is not JSON text (UTF-8).`);
  }
  const format = typeof json === 'object' && json !== null && 'format' in json ? json.format : undefined;
  if (
    typeof format === 'string' &&
    format !== RULE_PACK_FORMAT &&
    format.startsWith('breachdesk.rule-pack/')
  ) {
    return refuse(
      `${where} is a rule pack in the format ${format}, which this version of Breachdesk does not read (it reads ${RULE_PACK_FORMAT}).`,
    );
  }
  const parsed = rulePackSchema.safeParse(json);
  if (!parsed.success) {
    return refuse(`${where} does not match the rule-pack schema: ${firstIssue(parsed.error, json)}.`);
  }
  return parsed.data;
}

/** The first problem, its place named as a person finds it: rules[3] (us-ca-ag-notice).trigger. */
function firstIssue(error: z.ZodError, json: unknown): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'it is not a rule pack';
  const place = issue.path
    .map((part, index) => {
      if (typeof part !== 'number') return `${index === 0 ? '' : '.'}${String(part)}`;
      const id = issue.path[0] === 'rules' && index === 1 ? ruleIdAt(json, part) : null;
      return id === null ? `[${part}]` : `[${part}] (${id})`;
    })
    .join('');
  return place === '' ? issue.message : `${place}: ${issue.message}`;
}

function ruleIdAt(json: unknown, index: number): string | null {
  if (typeof json !== 'object' || json === null || !('rules' in json) || !Array.isArray(json.rules))
    return null;
  const rule: unknown = json.rules[index];
  return typeof rule === 'object' && rule !== null && 'id' in rule && typeof rule.id === 'string'
    ? rule.id
    : null;
}
