import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../main/casefile/constants';
import { holdLockInAnotherProcess } from '../helpers/lock-holder';
import { bytesOf, withRawDb } from '../helpers/raw-db';
import { runCli, type CliResult } from '../helpers/run-cli';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

function expectOneLineError(result: CliResult, status: number, pattern: RegExp): void {
  expect(result.status).toBe(status);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

function init(dir: string, name = 'case.bdcase'): string {
  const path = join(dir, name);
  const result = runCli([
    'init',
    path,
    '--title',
    'Partner API exposure',
    '--org',
    'Sonora Streaming AB',
    '--plaintext',
  ]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return path;
}

describe('breachdesk CLI', () => {
  it('prints help for the tool and for every command', () => {
    const overall = runCli(['--help']);
    expect(overall.status).toBe(0);
    const commands = [
      'init',
      'case encrypt',
      'case rekey',
      'case decrypt',
      'show',
      'verify',
      'demo',
      'facts export',
      'facts import',
      'event add',
      'search',
      'evidence add',
      'evidence list',
      'evidence export',
      'obligations',
      'harm list',
      'harm set',
      'harm clear',
      'rules list',
      'letter templates',
      'letter draft',
      'letter render',
      'api',
    ];
    for (const command of commands) {
      expect(overall.stdout).toContain(`  ${command}`);
      const help = runCli([...command.split(' '), '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: breachdesk ${command} `));
      expect(help.stdout).toContain('Example');
    }
    expect(runCli([]).status).toBe(1);
  });

  it('treats unknown commands, options and missing arguments as usage errors', () => {
    expectOneLineError(runCli(['frobnicate']), 1, /unknown command "frobnicate"/);
    expectOneLineError(runCli(['show']), 1, /show: wrong number of arguments/);
    expectOneLineError(runCli(['show', 'a', '--colour']), 1, /show: Unknown option '--colour'/);
    expectOneLineError(runCli(['init', join(tempDir(), 'x.bdcase'), '--title', 'T']), 1, /--org is required/);
  });

  it('init creates a case file that SQLite opens with the application id set and integrity ok', () => {
    const path = init(tempDir());
    withRawDb(path, (db) => {
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    });
    expectOneLineError(
      runCli(['init', path, '--title', 'Again', '--org', 'O', '--plaintext']),
      2,
      /already exists; choose another name/,
    );
  });

  it('show prints the case for people and as JSON', () => {
    const path = init(tempDir());
    const human = runCli(['show', path]);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^Title\s+Partner API exposure$/m);
    expect(human.stdout).toMatch(/^Response stage\s+Investigating$/m);
    expect(human.stdout).toMatch(/^Incident status\s+Suspected$/m);
    expect(human.stdout).toMatch(/^ {2}Fact missing: Awareness time: /m);
    expect(human.stdout).toMatch(/^ {2}Next step: Enter the awareness time\. /m);
    expect(human.stdout).toMatch(/^Audit log\s+1 entry$/m);
    const json = JSON.parse(runCli(['show', path, '--json']).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      path,
      schemaVersion: 100,
      auditEntries: 1,
      record: { organisation: 'Sonora Streaming AB' },
      whatNow: { counts: { owed: 0 }, nextStep: { kind: 'fact', field: 'awareAt' } },
    });
  });

  it('api calls a channel through the dispatcher, and refuses bad input without changing the file', () => {
    const path = init(tempDir());
    const updated = runCli(['api', path, 'case.update', '{"patch":{"status":"notifying"}}']);
    expect(updated.status).toBe(0);
    expect(JSON.parse(updated.stdout)).toMatchObject({ status: 'notifying' });
    const audit = JSON.parse(runCli(['api', path, 'audit.list', '{"limit":1}']).stdout) as {
      entries: unknown[];
    };
    expect(audit.entries[0]).toMatchObject({ actor: 'cli tester', action: 'case.updated' });

    const before = bytesOf(path);
    expectOneLineError(
      runCli(['api', path, 'case.update', '{"patch":{"title":""}}']),
      2,
      /Title cannot be empty/,
    );
    expectOneLineError(runCli(['api', path, 'case.update', '{patch']), 2, /not valid JSON/);
    expectOneLineError(runCli(['api', path, 'case.drop', '{}']), 2, /no channel called "case.drop"/);
    expect(bytesOf(path).equals(before)).toBe(true);
  });

  it('verify exits 0 on a sound file and 2 naming the entry on a tampered one', () => {
    const path = init(tempDir());
    runCli(['api', path, 'case.update', '{"patch":{"status":"closed"}}']);
    const ok = runCli(['verify', path]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Audit chain: ok \(2 entries/);
    withRawDb(path, (db) => {
      db.exec('DROP TRIGGER audit_log_refuse_update');
      db.exec("UPDATE audit_log SET actor = 'someone else' WHERE seq = 1");
    });
    const bad = runCli(['verify', path, '--json']);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, audit: { firstBadSeq: 1 } });
  });

  it('exits 3 with one line for files it cannot open, leaving them unchanged', async () => {
    const dir = tempDir();
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a case');
    expectOneLineError(runCli(['show', text]), 3, /not a Breachdesk case file/);
    expect(bytesOf(text).toString()).toBe('not a case');
    expectOneLineError(runCli(['verify', join(dir, 'missing.bdcase')]), 3, /does not exist/);

    const path = init(dir, 'held.bdcase');
    const before = bytesOf(path);
    const holder = await holdLockInAnotherProcess(path);
    try {
      expectOneLineError(runCli(['show', path]), 3, /open elsewhere/);
    } finally {
      await holder.release();
    }
    expect(bytesOf(path).equals(before)).toBe(true);
  });

  it('refuses to run on a Node older than 22 with a clear message', (context) => {
    const oldNode = findOldNode();
    if (oldNode === null) {
      console.log('skipped: no Node older than 22 on this machine to try the launcher with');
      context.skip();
      return;
    }
    expectOneLineError(runCli(['--help'], oldNode), 1, /Node\.js 22 or newer is required/);
  });
});

function findOldNode(): string | null {
  for (const candidate of ['/usr/local/bin/node', '/usr/bin/node', '/opt/node/bin/node']) {
    try {
      const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' });
      if (Number(version.replace('v', '').split('.')[0]) < 22) return candidate;
    } catch {
      // not installed there
    }
  }
  return null;
}

describe('breachdesk CLI: investigation commands', () => {
  it('demo builds the sample incident; search, event add and facts export/import work on it', () => {
    const dir = tempDir();
    const demo = join(dir, 'demo.bdcase');
    const built = runCli(['demo', demo, '--json']);
    expect(built.status).toBe(0);
    expect(JSON.parse(built.stdout)).toMatchObject({
      counts: { events: 11, peopleAffected: 350_000, evidence: 8, pendingEvidence: 0 },
    });
    expectOneLineError(runCli(['demo', demo]), 2, /already exists/);

    const found = runCli(['search', demo, 'hotfix']);
    expect(found.status).toBe(0);
    expect(found.stdout).toMatch(/^event\t[0-9a-f-]{36}\tHotfix 3\.2\.7 deployed.*\[[Hh]otfix\]/m);
    expect(runCli(['search', demo, '"AND (']).status).toBe(0);
    const california = runCli(['search', demo, 'California']).stdout;
    expect(california).toMatch(/^obligation\tus-ca-individuals-until-2025\t/m);
    expect(california).toMatch(/^letter\t[0-9a-f-]{36}\t/m);
    expect(california).toMatch(/^people\t[0-9a-f-]{36}\tPeople affected in California/m);

    const added = runCli([
      'event',
      'add',
      demo,
      '--at',
      '2020-11-21 10:00',
      '--zone',
      'Europe/Stockholm',
      '--title',
      'IMY acknowledged receipt',
      '--tag',
      'regulator',
      '--json',
    ]);
    expect(added.status).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      at: { utc: '2020-11-21T09:00:00.000Z', zone: 'Europe/Stockholm' },
      tags: ['regulator'],
    });
    expectOneLineError(
      runCli(['event', 'add', demo, '--at', 'soon', '--zone', 'UTC', '--title', 'x']),
      2,
      /not a time/,
    );
    expectOneLineError(
      runCli(['event', 'add', demo, '--title', 'x']),
      1,
      /--at, --zone and --title are required/,
    );

    const exported = join(dir, 'facts.json');
    expect(runCli(['facts', 'export', demo, '-o', exported]).status).toBe(0);
    const copy = join(dir, 'copy.bdcase');
    runCli(['init', copy, '--title', 'Copy', '--org', 'Sonora Streaming AB', '--plaintext']);
    const imported = runCli(['facts', 'import', copy, exported, '--json']);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ updated: 0 });
    const original = JSON.parse(runCli(['facts', 'export', demo]).stdout) as unknown;
    expect(JSON.parse(runCli(['facts', 'export', copy]).stdout)).toEqual(original);
    expectOneLineError(runCli(['facts', demo]), 1, /needs a subcommand: facts export, facts import/);
  });

  it('facts import refuses an invalid document with the path of each error and writes nothing', () => {
    const dir = tempDir();
    const path = init(dir);
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ format: 'breachdesk.case-document/1', tasks: [{ title: '', due: '31/12/2020' }] }),
    );
    const before = bytesOf(path);
    expectOneLineError(
      runCli(['facts', 'import', path, bad]),
      2,
      /tasks\.0\.title.*tasks\.0\.due|tasks\.0\.due.*tasks\.0\.title/,
    );
    expect(bytesOf(path).equals(before)).toBe(true);
  });
});
