import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import { rosterStatsSchema, type RosterStats } from '../../shared/domain/roster';
import { openCase } from '../../main/services/case-service';
import { findPeople, rosterStats } from '../../main/services/roster/roster-service';
import { testContext } from '../helpers/cases';
import { useTempDir } from '../helpers/temp-dir';
import { CLI, initCase, MIB, settle, timed } from './commands';
import { loadNote, printTable } from './report';
import { generateRosterCsv, ROSTER_BENCH_MAPPING, type RosterKnownAnswer } from './roster-generate';
import { median, timesMs } from './stats';

/**
 * The roster at scale (issue 19 item 10): a generated users CSV with a known answer imported by
 * the real command line (`breachdesk roster import`) into a fresh encrypted case, against the
 * same CSV loaded by `sqlite3 .import` into a bare table in the same run; then the counts and a
 * person lookup in process, each against a bare SQLite read of the same case.
 *
 * Sized by ROSTER_BENCH_ROWS (default 1,000,000; 10,000,000 for the full run) and
 * ROSTER_BENCH_RUNS (imports and baselines each, alternating; default 1). The 5-minute goal is
 * for 10 million rows and is scaled linearly for other sizes. The import runs under a pseudo-
 * terminal (`script`) so the CLI prints its progress lines, whose phase changes are timed here;
 * peak RSS is GNU time's maximum resident set of the CLI process.
 */
const tempDir = useTempDir();
const ROWS = Number(process.env.ROSTER_BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.ROSTER_BENCH_RUNS ?? 1);
const FULL_ROWS = 10_000_000;
const GOAL_SECONDS_FULL = 300;
const GOAL_RSS_MIB = 2048;
const GOAL_STATS_MS = 100;
const GOAL_LOOKUP_MS = 10;
const PASSPHRASE = 'roster bench passphrase';

/** The phases the import reports, in order (main/services/roster/roster-import-service.ts). */
const PHASES = [
  'Reading rows',
  'Indexing keys',
  'Merging by account id',
  'Merging by e-mail',
  'Merging by phone',
  'Finding possible duplicates',
  'Counting people',
  'Saving counts',
] as const;

interface ImportRun {
  seconds: number;
  peakMiB: number;
  cpuSeconds: number;
  /** Seconds from the start of the process to the first report of each phase seen. */
  phaseStarts: Map<string, number>;
  /** Seconds from the start to the process's exit as this process saw it. */
  exitAt: number;
  imported: number;
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/**
 * `breachdesk roster import` under `script` (a terminal, so progress is printed) and GNU time
 * (peak RSS of the CLI itself); progress lines are timestamped as they arrive.
 */
async function runImport(
  dir: string,
  casePath: string,
  csv: string,
  mapping: string,
  pass: string,
): Promise<ImportRun> {
  const timeFile = join(dir, `time-${Date.now()}.txt`);
  const command = [
    '/usr/bin/time',
    '-o',
    timeFile,
    '-f',
    '%e %M %U %S',
    process.execPath,
    CLI,
    'roster',
    'import',
    casePath,
    csv,
    '--mapping',
    mapping,
    '--passphrase-file',
    pass,
    '--json',
  ]
    .map(quote)
    .join(' ');
  const started = performance.now();
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, COLUMNS: '200' },
  });
  const phaseStarts = new Map<string, number>();
  let output = '';
  let errors = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => {
    const at = (performance.now() - started) / 1000;
    // Each progress line is written as "\r ESC[2K <phase> <dataset> …"; a line may be split
    // between two chunks, so the tail of the previous chunk is searched again with this one.
    const recent = output.slice(-200) + text;
    output += text;
    for (const phase of PHASES) {
      if (!phaseStarts.has(phase) && recent.includes(`\u001b[2K${phase} `)) phaseStarts.set(phase, at);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (errors += text));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const exitAt = (performance.now() - started) / 1000;
  child.stdin.end();
  if (code !== 0) throw new Error(`roster import failed (${code}): ${errors}\n${output.slice(-2000)}`);
  const [seconds, kib, user, system] = readFileSync(timeFile, 'utf8')
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number);
  const json = output.slice(output.indexOf('{', output.lastIndexOf('\u001b[2K'))).replaceAll('\r', '');
  const result = JSON.parse(json) as { imported: number };
  return {
    seconds: seconds!,
    peakMiB: kib! / 1024,
    cpuSeconds: user! + system!,
    phaseStarts,
    exitAt,
    imported: result.imported,
  };
}

const rowsPerSecond = (rows: number, seconds: number) =>
  `${Math.round(rows / seconds).toLocaleString('en')} rows/s`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function checkKnownAnswer(stats: RosterStats, known: RosterKnownAnswer): void {
  expect(stats.records).toBe(known.records);
  expect(stats.people).toBe(known.people);
  expect(stats.byJurisdiction).toEqual(known.byJurisdiction);
  expect(stats.residencySource).toEqual(known.residencySource);
  expect(stats.byElements).toEqual(known.byElements);
  expect(stats.reviewQueue).toBe(known.reviewQueue);
}

it(
  `imports ${ROWS.toLocaleString('en')} roster rows by the CLI against sqlite3 .import`,
  async () => {
    const dir = tempDir();
    const csv = join(dir, 'users.csv');
    const mapping = join(dir, 'mapping.json');
    const pass = join(dir, 'passphrase.txt');
    writeFileSync(mapping, JSON.stringify(ROSTER_BENCH_MAPPING));
    writeFileSync(pass, `${PASSPHRASE}\n`);

    const genStart = performance.now();
    const known = await generateRosterCsv({ path: csv, rows: ROWS });
    const genSeconds = (performance.now() - genStart) / 1000;
    const bytes = statSync(csv).size;
    expect(bytes).toBe(known.bytes);

    const imports: ImportRun[] = [];
    const baselines: ReturnType<typeof timed>[] = [];
    let casePath = '';
    for (let run = 0; run < RUNS; run += 1) {
      const order = run % 2 === 0 ? (['import', 'baseline'] as const) : (['baseline', 'import'] as const);
      for (const which of order) {
        settle();
        if (which === 'import') {
          casePath = join(dir, `case-${run}.bdcase`);
          initCase(casePath, process.env, pass);
          imports.push(await runImport(dir, casePath, csv, mapping, pass));
        } else {
          const db = join(dir, `baseline-${run}.sqlite`);
          baselines.push(timed(['sqlite3', '-cmd', '.mode csv', db, `.import ${csv} t`]));
          const counted = execFileSync('sqlite3', [db, 'SELECT count(*) FROM t'], { encoding: 'utf8' });
          expect(Number(counted.trim())).toBe(ROWS);
        }
      }
    }
    for (const run of imports) expect(run.imported).toBe(ROWS);

    const statsJson = execFileSync(
      process.execPath,
      [CLI, 'roster', 'stats', casePath, '--json', '--passphrase-file', pass],
      { encoding: 'utf8', maxBuffer: 64 * MIB },
    );
    const cliStats = rosterStatsSchema.parse(JSON.parse(statsJson));
    checkKnownAnswer(cliStats, known);

    const importSeconds = median(imports.map((r) => r.seconds));
    const baselineSeconds = median(baselines.map((r) => r.seconds));
    const peakMiB = Math.max(...imports.map((r) => r.peakMiB));
    const goalSeconds = (GOAL_SECONDS_FULL * ROWS) / FULL_ROWS;
    const caseMiB = statSync(casePath).size / MIB;

    // Phases of the last import, from its progress lines (start of one phase to the next).
    const last = imports.at(-1)!;
    const seen = PHASES.filter((p) => last.phaseStarts.has(p));
    const phaseRows = [
      {
        phase: 'start (node, open + key derivation, detect)',
        seconds: (last.phaseStarts.get(seen[0]!) ?? 0).toFixed(2),
      },
      ...seen.map((phase, i) => {
        const from = last.phaseStarts.get(phase)!;
        const to = i + 1 < seen.length ? last.phaseStarts.get(seen[i + 1]!)! : last.exitAt;
        return {
          phase: i + 1 < seen.length ? phase : `${phase} + commit + close`,
          seconds: (to - from).toFixed(2),
        };
      }),
    ];

    // In process: the counts the UI shows, and a person lookup, each against a bare read.
    const file = openCase(casePath, testContext(), Buffer.from(PASSPHRASE, 'utf8'));
    const groupsCount = file.db.prepare('SELECT count(*) FROM roster_groups').pluck();
    const statsMs = timesMs(21, () => rosterStats(file));
    const stats = rosterStats(file);
    const groupsMs = timesMs(21, () => groupsCount.get());
    // Part of rosterStats(): counting the records of ready datasets (recordCount's own query).
    const recordsCount = file.db
      .prepare(
        "SELECT count(*) FROM roster_records WHERE dataset IN (SELECT seq FROM roster_datasets WHERE state = 'ready')",
      )
      .pluck();
    const recordsCountMs = timesMs(21, () => recordsCount.get());
    const byRowid = file.db.prepare('SELECT * FROM roster_records WHERE id = ?');
    const emails = known.sampleEmails;
    let found = 0;
    const lookupMs = timesMs(
      101,
      (i) => (found += findPeople(file, 'email', emails[i % emails.length]!).length),
    );
    const rowidMs = timesMs(101, (i) => byRowid.get(1 + Math.floor(((i + 0.5) * ROWS) / 101)));
    file.close();
    checkKnownAnswer(stats, known);
    expect(found).toBe(101);

    const statsMedian = median(statsMs);
    const lookupMedian = median(lookupMs);
    const secs = (s: number) => `${s.toFixed(2)} s`;
    printTable(
      `Roster import: ${ROWS.toLocaleString('en')} rows, ${(bytes / MIB).toFixed(0)} MiB CSV (generated in ${secs(genSeconds)}), ${known.people.toLocaleString('en')} people; median of ${RUNS}`,
      [
        {
          what: 'breachdesk roster import (encrypted case)',
          time: secs(importSeconds),
          cpu: secs(median(imports.map((r) => r.cpuSeconds))),
          rate: rowsPerSecond(ROWS, importSeconds),
          'peak RSS': `${peakMiB.toFixed(0)} MiB`,
        },
        {
          what: 'sqlite3 .import into a bare table (baseline)',
          time: secs(baselineSeconds),
          cpu: secs(median(baselines.map((r) => r.cpuSeconds))),
          rate: rowsPerSecond(ROWS, baselineSeconds),
          'peak RSS': `${median(baselines.map((r) => r.peakMiB)).toFixed(0)} MiB`,
        },
      ],
      [
        `ratio import ÷ baseline: ${(importSeconds / baselineSeconds).toFixed(1)}×; case file ${caseMiB.toFixed(0)} MiB`,
        `known answer matched (roster stats --json): ${known.people.toLocaleString('en')} people from ${ROWS.toLocaleString('en')} rows (${known.mix.emailRepeats.toLocaleString('en')} e-mail repeats, ${known.mix.phoneRepeats.toLocaleString('en')} phone repeats, ${known.mix.lookAlikes.toLocaleString('en')} look-alikes → review queue ${known.reviewQueue.toLocaleString('en')}); residency ${JSON.stringify(known.residencySource)}`,
        `goal: ≤ ${goalSeconds.toFixed(0)} s (5 min for 10M rows, scaled linearly to ${ROWS.toLocaleString('en')}): ${verdict(importSeconds <= goalSeconds)}; peak RSS ≤ ${GOAL_RSS_MIB} MiB: ${verdict(peakMiB <= GOAL_RSS_MIB)}`,
        loadNote(),
      ],
    );
    printTable(
      `Import phases (last run, timed from the CLI's progress lines; total ${secs(last.exitAt)} wall incl. script)`,
      phaseRows,
    );
    printTable(
      'Counts and lookup in process (encrypted case)',
      [
        {
          what: 'rosterStats() (the counts the UI shows)',
          median: `${statsMedian.toFixed(2)} ms`,
          baseline: `SELECT count(*) FROM roster_groups: ${median(groupsMs).toFixed(3)} ms`,
          ratio: `${(statsMedian / median(groupsMs)).toFixed(0)}×`,
          goal: `< ${GOAL_STATS_MS} ms ${verdict(statsMedian < GOAL_STATS_MS)}`,
        },
        {
          what: 'findPeople by e-mail (101 people)',
          median: `${lookupMedian.toFixed(2)} ms`,
          baseline: `SELECT by id: ${median(rowidMs).toFixed(3)} ms`,
          ratio: `${(lookupMedian / median(rowidMs)).toFixed(0)}×`,
          goal: `< ${GOAL_LOOKUP_MS} ms ${verdict(lookupMedian < GOAL_LOOKUP_MS)}`,
        },
      ],
      [
        `counting the records by a query instead of the count stored at import: median ${median(recordsCountMs).toFixed(2)} ms (it grows with the records; the stored count and the groups do not)`,
        'medians of 21 (stats) and 101 (lookups), after the import, in one process',
      ],
    );
  },
  4 * 3600_000,
);
