import { describe, expect, it } from 'vitest';
import { hashAuditEntry, verifyAuditChain } from '../../main/casefile/audit-chain';
import { GENESIS_HASH, WITHHELD_PAYLOAD, type AuditEntry } from '../../shared/domain/audit';
import { auditHashInput } from '../../shared/audit-hash-input';

function chain(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const fields = {
      seq,
      at: `2026-01-01T00:00:0${seq}.000Z`,
      actor: 'a',
      action: 'x',
      target: 't',
      payload: { n: seq },
    };
    const hash = hashAuditEntry(prevHash, fields);
    entries.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

describe('audit hash', () => {
  it('hashes canonical JSON, so key order in the payload does not matter', () => {
    const base = { seq: 1, at: '2026-01-01T00:00:00.000Z', actor: 'a', action: 'x', target: 't' };
    expect(hashAuditEntry(GENESIS_HASH, { ...base, payload: { b: 1, a: 2 } })).toBe(
      hashAuditEntry(GENESIS_HASH, { ...base, payload: { a: 2, b: 1 } }),
    );
  });

  it('covers the previous hash and every field', () => {
    const fields = {
      seq: 1,
      at: '2026-01-01T00:00:00.000Z',
      actor: 'a',
      action: 'x',
      target: 't',
      payload: null,
    };
    const hash = hashAuditEntry(GENESIS_HASH, fields);
    expect(hashAuditEntry('1'.repeat(64), fields)).not.toBe(hash);
    for (const key of ['actor', 'action', 'target', 'at'] as const) {
      expect(hashAuditEntry(GENESIS_HASH, { ...fields, [key]: `${fields[key]}!` })).not.toBe(hash);
    }
    expect(auditHashInput(GENESIS_HASH, fields)).toBe(
      `${GENESIS_HASH}{"action":"x","actor":"a","at":"2026-01-01T00:00:00.000Z","payload":null,"seq":1,"target":"t"}`,
    );
  });
});

describe('verifyAuditChain', () => {
  it('accepts an intact chain and reports its head', () => {
    const entries = chain(5);
    expect(verifyAuditChain(entries)).toEqual({
      ok: true,
      entries: 5,
      headHash: entries[4]?.hash,
      firstBadSeq: null,
      problem: null,
      withheld: 0,
    });
  });

  it('accepts an empty chain', () => {
    expect(verifyAuditChain([]).ok).toBe(true);
  });

  it('names an entry whose payload was altered', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, payload: { n: 99 } };
    const result = verifyAuditChain(entries);
    expect(result).toMatchObject({ ok: false, firstBadSeq: 3, entries: 2 });
    expect(result.problem).toMatch(/altered/);
  });

  it('names a missing entry', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyAuditChain(entries)).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: 'entry 2 is missing',
    });
  });

  it('names an entry re-hashed without its link', () => {
    const entries = chain(3);
    const fields = { ...entries[1]!, actor: 'forger' };
    entries[1] = { ...fields, prevHash: GENESIS_HASH, hash: hashAuditEntry(GENESIS_HASH, fields) };
    expect(verifyAuditChain(entries)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });
});

describe('withheld payloads (privileged notes left out of a bundle)', () => {
  const withheld = (entries: AuditEntry[], index: number): AuditEntry[] =>
    entries.map((entry, i) => (i === index ? { ...entry, payload: WITHHELD_PAYLOAD } : entry));

  it('accepts an entry whose payload was withheld by its place in the chain, and counts it', () => {
    const entries = withheld(chain(5), 2);
    expect(verifyAuditChain(entries)).toMatchObject({
      ok: true,
      entries: 5,
      withheld: 1,
      headHash: entries[4]?.hash,
    });
  });

  it('still refuses a withheld entry whose hash was changed: the next entry no longer links to it', () => {
    const entries = withheld(chain(5), 2);
    entries[2] = { ...entries[2]!, hash: 'f'.repeat(64) };
    expect(verifyAuditChain(entries)).toMatchObject({ ok: false, firstBadSeq: 4 });
  });

  it('recomputes every other entry: a payload merely resembling the marker is not withheld', () => {
    const entries = chain(3).map((entry, i) =>
      i === 1 ? { ...entry, payload: { ...WITHHELD_PAYLOAD, extra: true } } : entry,
    );
    expect(verifyAuditChain(entries)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });
});
