import { execFileSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import { verifyEvidence } from '../../main/services/evidence/verify-evidence-service';
import { searchCase } from '../../main/services/search-service';
import { makeCase, testContext } from '../helpers/cases';
import { intake, newJob } from '../helpers/evidence';
import { useTempDir } from '../helpers/temp-dir';
import { CLI, initCase, mbps, MIB, pseudoRandomPiece, settle, timed, writeFile } from './commands';
import { describeTimes, median, timesMs } from './stats';

const tempDir = useTempDir();

/** Seconds `openssl dgst -sha256` takes over the file: this machine's hashing limit. */
function opensslSeconds(path: string): number {
  const start = performance.now();
  execFileSync('openssl', ['dgst', '-sha256', path]);
  return (performance.now() - start) / 1000;
}

/** Seconds to copy the file with `dd conv=fsync`: this disk's durable write rate, the other limit. */
function ddSeconds(path: string, target: string): number {
  const start = performance.now();
  execFileSync('dd', [`if=${path}`, `of=${target}`, 'bs=1M', 'conv=fsync'], { stdio: 'ignore' });
  return (performance.now() - start) / 1000;
}

/**
 * Intake and verify of a 1 GiB file against `openssl dgst -sha256` on the same file in the same
 * run (3 alternating runs each, medians), with the CLI's peak RSS; and a 4 GiB intake for the
 * memory bound.
 */
it('takes in and verifies 1 GiB at a rate comparable to openssl hashing it', async () => {
  const dir = tempDir();
  const source = join(dir, 'random.bin');
  const seed = Buffer.alloc(MIB);
  await writeFile(source, 1024, pseudoRandomPiece(seed));
  const size = statSync(source).size;
  const openssl: number[] = [];
  const dd: number[] = [];
  const intakes: number[] = [];
  const verifies: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    settle();
    openssl.push(opensslSeconds(source));
    const copy = join(dir, 'dd-copy.bin');
    settle();
    dd.push(ddSeconds(source, copy));
    rmSync(copy);
    const ctx = testContext();
    const file = makeCase(dir, `case-${run}.bdcase`, ctx);
    settle();
    let start = performance.now();
    await intake(file, ctx, [source]);
    intakes.push((performance.now() - start) / 1000);
    settle();
    start = performance.now();
    const report = await verifyEvidence(file, ctx, newJob('verify'), undefined);
    verifies.push((performance.now() - start) / 1000);
    expect(report.ok).toBe(true);
    file.close();
    // Deleting the case drops its pages from the cache, so every run starts with the same memory.
    rmSync(file.path);
  }
  const casePath = join(dir, 'cli.bdcase');
  initCase(casePath);
  settle();
  const cli = timed([process.execPath, CLI, 'evidence', 'add', casePath, source]);
  rmSync(casePath);
  const base = median(openssl);
  console.log(
    [
      `1 GiB intake: median ${mbps(size, median(intakes)).toFixed(0)} MB/s = ${(base / median(intakes)).toFixed(2)}× openssl dgst -sha256 (${mbps(size, base).toFixed(0)} MB/s) and ${(median(dd) / median(intakes)).toFixed(2)}× dd conv=fsync (${mbps(size, median(dd)).toFixed(0)} MB/s); runs ${intakes.map((t) => t.toFixed(2)).join(', ')} s`,
      `1 GiB intake by the CLI (start-up included): ${mbps(size, cli.seconds).toFixed(0)} MB/s, peak RSS ${cli.peakMiB.toFixed(0)} MiB`,
      `1 GiB verify (re-read every chunk, SHA-256): median ${mbps(size, median(verifies)).toFixed(0)} MB/s = ${(base / median(verifies)).toFixed(2)}× openssl`,
    ].join('\n'),
  );
  rmSync(source);

  const huge = join(dir, 'huge.bin');
  await writeFile(huge, 4096, (i) => {
    seed.writeUInt32LE(i, 0);
    return seed;
  });
  const hugeCase = join(dir, 'huge.bdcase');
  initCase(hugeCase);
  settle();
  const four = timed([process.execPath, CLI, 'evidence', 'add', hugeCase, huge]);
  console.log(
    `4 GiB intake by the CLI: ${mbps(4096 * MIB, four.seconds).toFixed(0)} MB/s, peak RSS ${four.peakMiB.toFixed(0)} MiB (1 GiB: ${cli.peakMiB.toFixed(0)} MiB)`,
  );
});

const PARTNERS = ['beatline', 'adcircle', 'klangwerk', 'soundhub', 'tunecast'];
const FIELDS = ['display_name', 'email', 'gender', 'birth_date', 'legacy_password_md5'];

/** ~1 GiB of access-log text indexed for search: 200 queries (median, p95) beside grep -c. */
it('searches ~1 GiB of indexed log text', async () => {
  const dir = tempDir();
  const log = join(dir, 'access.log');
  let line = 0;
  await writeFile(log, 1024, () => {
    const lines: string[] = [];
    let bytes = 0;
    while (bytes < MIB - 200) {
      line += 1;
      const partner = PARTNERS[line % PARTNERS.length]!;
      const text = `2020-11-${String(1 + (line % 12)).padStart(2, '0')}T${String(line % 24).padStart(2, '0')}:00:00Z ${partner} GET /v3/accounts/acct${line} ${FIELDS[line % FIELDS.length]} session${line % 99991} ${line % 7 === 0 ? 'OUT-OF-SCOPE' : 'in-scope'}`;
      lines.push(text);
      bytes += text.length + 1;
    }
    const piece = Buffer.from(`${lines.join('\n')}\n`);
    return piece;
  });
  const size = statSync(log).size;
  const ctx = testContext();
  const file = makeCase(dir, 'logs.bdcase', ctx);
  const start = performance.now();
  const { added } = await intake(file, ctx, [log]);
  const intakeSeconds = (performance.now() - start) / 1000;
  expect(added[0]?.text.state).toBe('indexed');

  const words = Array.from({ length: 200 }, (_, i) => `session${(i * 7919) % 99991}`);
  const searches = timesMs(words.length, (i) => {
    expect(searchCase(file, words[i]!, 50).length).toBeGreaterThan(0);
  });
  const greps = timesMs(5, (i) => {
    execFileSync('grep', ['-c', words[i]!, log]);
  });
  console.log(
    [
      `${(size / MIB).toFixed(0)} MiB log (${line.toLocaleString('en')} lines) taken in and indexed at ${mbps(size, intakeSeconds).toFixed(1)} MB/s (${intakeSeconds.toFixed(0)} s)`,
      `200 searches (first 50 hits, with lines): ${describeTimes(searches)}; grep -c over the same text: ${describeTimes(greps)}; ratio ${(median(searches) / median(greps)).toFixed(3)}`,
    ].join('\n'),
  );
  file.close();
});
