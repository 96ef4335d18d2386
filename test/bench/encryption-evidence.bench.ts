import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useSqlCipher } from '../../main/casefile/cipher';
import { CACHE_KIB, PAGE_SIZE } from '../../main/casefile/constants';
import { TEST_PASSPHRASE } from '../helpers/cases';
import { useTempDir } from '../helpers/temp-dir';
import { CLI, initCase, mbps, MIB, pseudoRandomPiece, settle, timed, writeFile } from './commands';
import {
  inTurn,
  loadNote,
  measure,
  medianCpu,
  medianWall,
  overheads,
  printTable,
  wallAndCpu,
  type Sample,
} from './report';

/**
 * What encrypting case files (SQLCipher 4) costs for evidence (issue 16 item 8): 1 GiB through the
 * real CLI beside its plaintext twin, openssl dgst, dd and the ciphers' own speed; and the storage
 * engine alone, SQLCipher 4 against SQLite3 Multiple Ciphers' default ChaCha20-Poly1305, for the
 * choice of format. Medians of runs in turn; printed, never asserted. Wall times stretch when
 * other programs share the cores, so every figure has its CPU time beside it.
 */
const tempDir = useTempDir();
const RUNS = 3;
/** The engine comparison decides the format: more runs, for a steadier median on shared cores. */
const ENGINE_RUNS = 5;
const GIB = 1024 * MIB;
const rate = (seconds: number) => `${mbps(GIB, seconds).toFixed(0)} MB/s`;

/** The three ways SQLite3 Multiple Ciphers can keep the file. */
const ENGINES = {
  plaintext: 'plaintext',
  sqlcipher: 'SQLCipher 4 (AES-256-CBC + HMAC-SHA512)',
  chacha20: "ChaCha20-Poly1305 (the library's default)",
} as const;
type Engine = keyof typeof ENGINES;
const ENGINE_NAMES = Object.keys(ENGINES) as Engine[];

/** A connection set up as casefile's connect() sets up a case file, in the given cipher. */
function connection(path: string, engine: Engine): Database {
  const db = new BetterSqlite3(path);
  if (engine === 'sqlcipher') useSqlCipher(db, Buffer.from(TEST_PASSPHRASE, 'utf8'));
  if (engine === 'chacha20') {
    db.pragma("cipher = 'chacha20'");
    db.pragma(`key = '${TEST_PASSPHRASE}'`);
  }
  db.pragma('temp_store = MEMORY');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma(`cache_size = -${CACHE_KIB}`);
  db.pragma(`page_size = ${PAGE_SIZE}`);
  return db;
}

/**
 * Intake's write pattern without the file reading and hashing around it: 1 MiB rows in the
 * blob_chunks table of migration 040, 64 of them (64 MiB) per transaction, each commit fsynced.
 */
function writeGiB(path: string, engine: Engine, chunks: Buffer[]): void {
  const db = connection(path, engine);
  db.exec(`CREATE TABLE blob_chunks (
    blob_id INTEGER NOT NULL, seq INTEGER NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY (blob_id, seq)
  ) STRICT`);
  const insert = db.prepare('INSERT INTO blob_chunks (blob_id, seq, bytes) VALUES (1, ?, ?)');
  const batch = db.transaction((first: number) => {
    chunks.forEach((chunk, i) => insert.run(first + i, chunk));
  });
  for (let first = 0; first * MIB < GIB; first += chunks.length) batch(first);
  db.close();
}

/** Verify's read pattern: every chunk in order, on a fresh connection (SQLite's cache empty). */
function readGiB(path: string, engine: Engine): void {
  const db = connection(path, engine);
  let bytes = 0;
  for (const row of db.prepare('SELECT bytes FROM blob_chunks ORDER BY blob_id, seq').iterate())
    bytes += (row as { bytes: Buffer }).bytes.length;
  db.close();
  expect(bytes).toBe(GIB);
}

/**
 * The rule of issue 16: keep SQLCipher 4 (other SQLCipher tools open it) unless it costs over
 * 25 % more than ChaCha20, judged on CPU time, writing or reading, since programs sharing the
 * cores stretch wall times by more than the difference measured.
 */
function decision(writes: Record<Engine, Sample[]>, reads: Record<Engine, Sample[]>): string[] {
  const cpu = (samples: Record<Engine, Sample[]>) =>
    medianCpu(samples.sqlcipher) / medianCpu(samples.chacha20) - 1;
  const worst = Math.max(cpu(writes), cpu(reads));
  const verdict = worst > 0.25 ? 'over 25 %: reconsider the format' : 'within 25 %: keep SQLCipher 4';
  return [
    `SQLCipher 4 against ChaCha20-Poly1305: write ${overheads(writes.sqlcipher, writes.chacha20)}, read ${overheads(reads.sqlcipher, reads.chacha20)}`,
    `Rule (CPU time, the larger of write and read): +${(worst * 100).toFixed(1)} % → ${verdict}`,
  ];
}

it('engine alone: 1 GiB in the intake pattern, SQLCipher 4 against ChaCha20-Poly1305 and plaintext', () => {
  const dir = tempDir();
  // 64 random chunks written over and over: neither SQLite nor a cipher compresses or deduplicates.
  const chunks = Array.from({ length: 64 }, () => randomBytes(MIB));
  const writes: Record<Engine, Sample[]> = { plaintext: [], sqlcipher: [], chacha20: [] };
  const reads: Record<Engine, Sample[]> = { plaintext: [], sqlcipher: [], chacha20: [] };
  const sizes: Record<Engine, number> = { plaintext: 0, sqlcipher: 0, chacha20: 0 };
  for (let run = 0; run < ENGINE_RUNS; run += 1) {
    // Each engine goes first in turn.
    for (const engine of [...ENGINE_NAMES.slice(run % 3), ...ENGINE_NAMES.slice(0, run % 3)]) {
      const path = join(dir, `${engine}.db`);
      settle();
      writes[engine].push(measure(() => writeGiB(path, engine, chunks)));
      sizes[engine] = statSync(path).size;
      settle();
      reads[engine].push(measure(() => readGiB(path, engine)));
      rmSync(path);
    }
  }
  printTable(
    `Engine alone (better-sqlite3-multiple-ciphers 13.0.3): 1 GiB as 1 MiB rows, 64 MiB per transaction, synchronous=FULL, 64 KiB pages (median of ${ENGINE_RUNS})`,
    ENGINE_NAMES.map((engine) => ({
      file: ENGINES[engine],
      write: `${wallAndCpu(writes[engine])} ${rate(medianWall(writes[engine]))}`,
      'write vs plaintext': engine === 'plaintext' ? '' : overheads(writes[engine], writes.plaintext),
      'read back': `${wallAndCpu(reads[engine])} ${rate(medianWall(reads[engine]))}`,
      'read vs plaintext': engine === 'plaintext' ? '' : overheads(reads[engine], reads.plaintext),
      size: `${(sizes[engine] / MIB).toFixed(0)} MiB`,
    })),
    [...decision(writes, reads), loadNote()],
  );
});

/** `openssl speed` of one algorithm on 16 KiB blocks, in MB/s (it prints 1000s of bytes/s). */
function opensslSpeed(args: string[]): number {
  const out = execFileSync('openssl', ['speed', '-seconds', '2', '-bytes', '16384', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const figure = /([\d.]+)k\s*$/.exec(out.trim());
  if (figure === null) throw new Error(`openssl speed printed no figure: ${out}`);
  return Number(figure[1]) / 1000;
}

/** The rate of two steps that each touch every byte, one after the other. */
const serial = (a: number, b: number) => 1 / (1 / a + 1 / b);

const KINDS = ['plaintext', 'encrypted'] as const;
type Kind = (typeof KINDS)[number];

it('1 GiB of evidence through the CLI: intake and verify, SQLCipher 4 against plaintext, openssl and dd', async () => {
  const dir = tempDir();
  const env = { ...process.env, BREACHDESK_CONFIG_DIR: join(dir, 'config') };
  const source = join(dir, 'evidence.bin');
  await writeFile(source, GIB / MIB, pseudoRandomPiece(Buffer.alloc(MIB)));
  expect(statSync(source).size).toBe(GIB);
  const passphraseFile = join(dir, 'passphrase.txt');
  writeFileSync(passphraseFile, `${TEST_PASSPHRASE}\n`);
  const sample = (command: string[]): Sample => {
    const { seconds, cpuSeconds } = timed(command, env);
    return { wall: seconds, cpu: cpuSeconds };
  };
  const openssl: Sample[] = [];
  const dd: Sample[] = [];
  const adds: Record<Kind, Sample[]> = { plaintext: [], encrypted: [] };
  const shows: Record<Kind, Sample[]> = { plaintext: [], encrypted: [] };
  const verifies: Record<Kind, Sample[]> = { plaintext: [], encrypted: [] };
  for (let run = 0; run < RUNS; run += 1) {
    settle();
    openssl.push(sample(['openssl', 'dgst', '-sha256', source]));
    const copy = join(dir, 'dd-copy.bin');
    settle();
    dd.push(sample(['dd', `if=${source}`, `of=${copy}`, 'bs=1M', 'conv=fsync']));
    rmSync(copy);
    for (const kind of inTurn(run, KINDS)) {
      const casePath = join(dir, `${kind}.bdcase`);
      const key = kind === 'encrypted' ? ['--passphrase-file', passphraseFile] : [];
      initCase(casePath, env, kind === 'encrypted' ? passphraseFile : undefined);
      settle();
      adds[kind].push(sample([process.execPath, CLI, 'evidence', 'add', casePath, source, ...key]));
      // Opening runs SQLite's quick_check, which reads every page (evidence chunks' included).
      shows[kind].push(sample([process.execPath, CLI, 'show', casePath, ...key]));
      settle();
      // Exit code 0 (or timed throws): integrity, audit chain and the item's SHA-256 all hold.
      verifies[kind].push(sample([process.execPath, CLI, 'verify', casePath, ...key]));
      rmSync(casePath);
    }
  }
  rmSync(source);

  const cbc = opensslSpeed(['-evp', 'aes-256-cbc']);
  const cbcDecrypt = opensslSpeed(['-evp', 'aes-256-cbc', '-decrypt']);
  const hmac = opensslSpeed(['-hmac', 'sha512']);
  const chacha = opensslSpeed(['-evp', 'chacha20-poly1305']);
  const measured = (what: string, samples: Sample[], base: Sample[] | null) => ({
    what,
    time: wallAndCpu(samples),
    rate: rate(medianWall(samples)),
    'vs plaintext': base === null ? '' : overheads(samples, base),
    'openssl dgst = 1': (medianWall(openssl) / medianWall(samples)).toFixed(2),
  });
  const limit = (what: string, mbPerSecond: number) => ({
    what,
    time: '',
    rate: `${mbPerSecond.toFixed(0)} MB/s`,
    'vs plaintext': '',
    'openssl dgst = 1': '',
  });
  printTable(
    `1 GiB evidence file through the CLI (median of ${RUNS}; CLI start-up and opening the case included)`,
    [
      measured('openssl dgst -sha256 (hashing limit)', openssl, null),
      measured('dd bs=1M conv=fsync (disk limit)', dd, null),
      measured('evidence add, plaintext', adds.plaintext, null),
      measured('evidence add, SQLCipher 4', adds.encrypted, adds.plaintext),
      measured('show (open + quick_check), plaintext', shows.plaintext, null),
      measured('show (open + quick_check), SQLCipher 4', shows.encrypted, shows.plaintext),
      measured('verify, plaintext', verifies.plaintext, null),
      measured('verify, SQLCipher 4', verifies.encrypted, verifies.plaintext),
      limit('openssl speed aes-256-cbc, 16 KiB blocks', cbc),
      limit('openssl speed aes-256-cbc -decrypt', cbcDecrypt),
      limit('openssl speed hmac sha512', hmac),
      limit('→ SQLCipher 4 write limit (encrypt + HMAC)', serial(cbc, hmac)),
      limit('→ SQLCipher 4 read limit (HMAC + decrypt)', serial(cbcDecrypt, hmac)),
      limit('openssl speed chacha20-poly1305', chacha),
    ],
    [loadNote()],
  );
});
