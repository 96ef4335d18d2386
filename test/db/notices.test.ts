import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../main/casefile/case-file';
import { iterateAuditEntries } from '../../main/casefile/repos/audit-repo';
import type { ServiceContext } from '../../main/services/context';
import { noticeRunTempPath } from '../../main/casefile/notice-runs-recovery';
import { describeOpenCase, openCase } from '../../main/services/case-service';
import { updateFacts } from '../../main/services/facts-service';
import { saveAssessment } from '../../main/services/obligations/assessment-service';
import {
  createLetter,
  saveLetter,
  setLetterStatus,
  updateLetter,
} from '../../main/services/letters/letters-service';
import { renderLetterToFile } from '../../main/services/letters/render-service';
import { exportStatusReport } from '../../main/services/report/status-report';
import { obligationsBoard } from '../../main/services/obligations/obligations-service';
import { importCodes } from '../../main/services/notices/codes-service';
import { generateNotices } from '../../main/services/notices/generate-service';
import { noticePlan } from '../../main/services/notices/plan-service';
import {
  noticeStatus,
  recordSubstitute,
  updateNoticeSettings,
} from '../../main/services/notices/status-service';
import { trackNotices } from '../../main/services/notices/track-service';
import { newJob } from '../helpers/evidence';
import { makeCase, testContext } from '../helpers/cases';
import { csvOf, importRoster, rosterMapping, stringsIn, writeDataset } from '../helpers/roster';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const TODAY = '2026-03-10';
const CA_RULE = 'us-ca-individuals-2026';

/** Six Californians: e-mail and postal address, e-mail only, postal only, neither; one without a password. */
const PEOPLE = [
  ['ca1', 'ann.avery@example.com', 'Ann Avery', '1 Main St', 'Fresno', 'CA', '93650', 'hash1'],
  ['ca2', 'bob.baker@example.com', 'Bob Baker', '', '', 'CA', '', 'hash2'],
  ['ca3', '', 'Cy Coleman', '3 Oak Ave', 'Davis', 'CA', '95616', 'hash3'],
  ['ca4', '', 'Di Dunn', '', '', 'CA', '', 'hash4'],
  ['ca5', 'eve.ellis@example.com', 'Eve Ellis', '5 Elm Rd', 'Napa', 'CA', '94558', 'hash5'],
  ['ca6', 'fay.ford@example.com', 'Fay Ford', '', '', 'CA', '', ''],
];

/** A fresh case discovered (and known) on 2026-03-02, with the organisation's contact e-mail. */
function caseDiscovered(
  establishment: string,
  contactEmail: string,
): { dir: string; file: CaseFile; ctx: ServiceContext } {
  const dir = tempDir();
  const ctx = testContext();
  const file = makeCase(dir, 'case.bdcase', ctx);
  const at = {
    utc: '2026-03-02T09:00:00.000Z',
    zone: 'UTC',
    precision: 'exact',
    approximate: false,
  } as const;
  updateFacts(
    file,
    {
      discoveredAt: at,
      awareAt: at,
      summary: 'A partner could read account data.',
      organisation: { role: 'controller', establishment, contactEmail, contactName: 'Privacy Office' },
    },
    ctx,
  );
  return { dir, file, ctx };
}

async function caseWithRoster(): Promise<{ dir: string; file: CaseFile; ctx: ServiceContext }> {
  const { dir, file, ctx } = caseDiscovered('US', 'privacy@sonora.example');
  const path = writeDataset(
    dir,
    'people.csv',
    csvOf(
      ['account_id', 'email', 'full_name', 'street', 'city', 'region', 'postal_code', 'password', 'country'],
      PEOPLE.map((p) => [...p, 'US']),
    ),
  );
  await importRoster(
    file,
    ctx,
    path,
    rosterMapping(
      {
        account_id: 'accountId',
        email: 'email',
        full_name: 'fullName',
        street: 'street',
        city: 'city',
        region: 'region',
        postal_code: 'postalCode',
        country: 'country',
      },
      { exposes: ['email', 'name'], exposesByColumn: { password: 'password' } },
    ),
  );
  return { dir, file, ctx };
}

function approvedCaLetter(file: CaseFile, ctx: ServiceContext, withCode = false): string {
  let view = createLetter(
    file,
    ctx,
    { recipient: { name: '', address: '' }, obligationRuleId: CA_RULE },
    TODAY,
  );
  if (withCode) {
    const doc = view.version.doc;
    view = saveLetter(
      file,
      ctx,
      view.letter.id,
      view.version.version,
      {
        ...doc,
        content: [
          ...doc.content,
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Your activation code: ' },
              { type: 'mergeField', attrs: { field: 'offer.code' } },
              { type: 'text', text: ', enrol by ' },
              { type: 'mergeField', attrs: { field: 'offer.enrolBy' } },
            ],
          },
        ],
      },
      TODAY,
    );
  }
  setLetterStatus(
    file,
    ctx,
    { id: view.letter.id, status: 'approved', override: 'Test case: facts are partial.' },
    TODAY,
  );
  return view.letter.id;
}

const job = () => newJob('notices-generate');

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort();
}

describe('notices: the plan', () => {
  it('reaches only those whose own data counts, waits for an approved letter, and picks each channel', async () => {
    const { file, ctx } = await caseWithRoster();
    const before = await noticePlan(file, 'eml', TODAY);
    expect(before.people).toBe(6);
    // Fay's password was not exposed: California's law does not count her.
    expect(before.noObligation).toBe(1);
    expect(before.withoutLetter).toEqual([
      expect.objectContaining({ ruleId: CA_RULE, jurisdiction: 'US-CA', people: 5 }),
    ]);
    expect(before.toNotify).toBe(0);
    expect(before.blockers).toEqual(['No person is left to write a notice for in this run.']);

    approvedCaLetter(file, ctx);
    const plan = await noticePlan(file, 'eml', TODAY);
    expect(plan.byChannel).toEqual({ email: 3, post: 1, unreachable: 1 });
    expect(plan.byTemplate).toEqual({ 'ca-individual-notice': 4 });
    expect(plan.byJurisdiction['US-CA']).toEqual({ people: 5, email: 3, post: 1, unreachable: 1 });
    expect(plan.withoutLetter).toEqual([]);
    expect(plan.blockers).toEqual([]);

    // The breached credentials are those of e-mail accounts the company provides: never to that address.
    updateNoticeSettings(file, ctx, { credentialsAreOrgEmail: true });
    const barred = await noticePlan(file, 'eml', TODAY);
    expect(barred.emailBarred).toBe(3);
    expect(barred.byChannel).toEqual({ email: 0, post: 3, unreachable: 2 });

    // A print-only run leaves the people reachable only by e-mail for later.
    updateNoticeSettings(file, ctx, { credentialsAreOrgEmail: false });
    expect(await noticePlan(file, 'pdf', TODAY)).toMatchObject({
      byChannel: { email: 0, post: 3, unreachable: 1 },
      leftForEmail: 1,
    });
    file.close();
  });
});

describe('notices: language', () => {
  it('gives people in France the approved French letter, others the English one, once a high risk is decided', async () => {
    const { dir, file, ctx } = caseDiscovered('SE', 'dpo@sonora.example');
    const path = writeDataset(
      dir,
      'eu.csv',
      csvOf(
        ['account_id', 'email', 'full_name', 'country', 'lang'],
        [
          ['f1', 'f1@example.fr', 'Fleur Dupont', 'FR', ''],
          ['f2', 'f2@example.fr', 'Marc Petit', 'FR', ''],
          ['s1', 's1@example.se', 'Sven Berg', 'SE', ''],
          ['s2', 's2@example.se', 'Anna Lind', 'SE', 'fr'],
        ],
      ),
    );
    await importRoster(
      file,
      ctx,
      path,
      rosterMapping(
        {
          account_id: 'accountId',
          email: 'email',
          full_name: 'fullName',
          country: 'country',
          lang: 'language',
        },
        { exposes: ['email', 'name', 'password'] },
      ),
    );
    // Art. 34 waits for the risk decision: its people are not planned, never "not owed".
    expect(await noticePlan(file, 'eml', TODAY)).toMatchObject({
      toNotify: 0,
      decisionNeeded: [expect.objectContaining({ ruleId: 'gdpr-art34-data-subjects', people: 4 })],
    });
    saveAssessment(file, ctx, {
      enisa: {
        dpc: { category: 'simple', score: 1, rationale: 'Names, e-mail and passwords' },
        ei: { value: 1, rationale: 'Full names with e-mail addresses' },
        cb: { confidentiality: 0.25, integrity: 0, availability: 0, malicious: 0, rationale: 'Partners' },
      },
      factors: {},
      decision: { risk: 'high', rationale: 'Passwords were exposed.' },
    });
    for (const templateId of ['gdpr-art34-subjects-en', 'gdpr-art34-subjects-fr']) {
      const view = createLetter(
        file,
        ctx,
        { templateId, recipient: { name: '', address: '' }, obligationRuleId: 'gdpr-art34-data-subjects' },
        TODAY,
      );
      setLetterStatus(
        file,
        ctx,
        { id: view.letter.id, status: 'approved', override: 'Test wording.' },
        TODAY,
      );
    }
    const plan = await noticePlan(file, 'eml', TODAY);
    expect(plan.byLanguage).toEqual({ fr: 3, en: 1 });
    expect(plan.byTemplate).toEqual({ 'gdpr-art34-subjects-fr': 3, 'gdpr-art34-subjects-en': 1 });
    file.close();
  });
});

describe('notices: a run', () => {
  it('writes one .eml per e-mail and a PDF batch, a manifest with hashes, and the same bytes when written again', async () => {
    const { dir, file, ctx } = await caseWithRoster();
    approvedCaLetter(file, ctx);
    const out = join(dir, 'run1');
    const { run } = await generateNotices(file, ctx, job(), { out, format: 'eml' }, TODAY);
    expect(run.notices).toBe(5);
    expect(readdirSync(dir).filter((n) => n.includes('breachdesk-partial'))).toEqual([]);
    const manifest = readFileSync(join(out, 'manifest.csv'), 'utf8').trim().split('\r\n');
    expect(manifest[0]).toBe('personId,address,file,sha256');
    expect(manifest).toHaveLength(5);
    const emlRows = manifest.slice(1).filter((line) => line.includes('.eml'));
    expect(emlRows).toHaveLength(3);
    for (const row of emlRows) {
      const [, , name, sha] = row.split(',');
      const bytes = readFileSync(join(out, name ?? ''));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
    }
    const [, address, name] = emlRows[0]?.split(',') ?? [];
    const email = await PostalMime.parse(readFileSync(join(out, name ?? '')));
    expect(email.to?.[0]?.address).toBe(address);
    expect(email.from?.address).toBe('privacy@sonora.example');
    expect(email.messageId).toMatch(new RegExp(`^<${run.id}\\.\\d+@sonora\\.example>$`));
    expect(email.text).toContain('Ann Avery');
    expect(email.html).toContain('Ann Avery');
    expect(email.text).not.toContain('Bob Baker');
    // The person's own exposed data, not only the case's list.
    expect(email.text?.replace(/\s+/g, ' ')).toContain(
      'Of your own information, the following was involved: e-mail address, name and password.',
    );
    expect(filesUnder(out)).toContain('print/letters-0001.pdf');
    expect(filesUnder(out)).toContain('print/mailhouse-manifest.csv');

    // The same run written again: byte for byte.
    const again = join(dir, 'run1-again');
    await generateNotices(file, ctx, job(), { out: again, format: 'eml', runId: run.id }, TODAY);
    for (const entry of filesUnder(out)) {
      if (!entry.includes('.')) continue;
      expect(readFileSync(join(again, entry)).equals(readFileSync(join(out, entry))), entry).toBe(true);
    }

    // Everyone planned has a notice now: nobody is left.
    // (Di has no contact details at all: no channel is left for her but substitute notice.)
    expect(await noticePlan(file, 'eml', TODAY)).toMatchObject({
      toNotify: 0,
      alreadyNotified: 4,
      noChannelLeft: 1,
    });
    // Fay's data counts under no notice to individuals: not "to do", counted apart.
    expect(noticeStatus(file, TODAY).byStatus).toEqual({
      to_do: 0,
      pending: 4,
      delivered: 0,
      bounced: 0,
      returned: 0,
      unreachable: 1,
      substitute: 0,
      no_notice: 1,
    });
    file.close();
  });

  it('refuses a folder that holds files, and leaves nothing when cancelled', async () => {
    const { dir, file, ctx } = await caseWithRoster();
    approvedCaLetter(file, ctx);
    const full = join(dir, 'full');
    writeDataset(dir, 'full', '');
    await expect(generateNotices(file, ctx, job(), { out: full, format: 'eml' }, TODAY)).rejects.toThrow(
      /already holds files/,
    );
    const cancelled = job();
    cancelled.cancel();
    const out = join(dir, 'cancelled');
    await expect(generateNotices(file, ctx, cancelled, { out, format: 'eml' }, TODAY)).rejects.toThrow(
      /cancelled/,
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('breachdesk-partial'))).toEqual([]);
    expect(noticeStatus(file, TODAY).runs).toEqual([]);
    expect((await noticePlan(file, 'eml', TODAY)).toNotify).toBe(5);
    file.close();
  });
});

describe('notices: recovery on open', () => {
  it('finishes placing a run recorded before the kill, and frees the codes of a run cancelled while writing', async () => {
    const { dir, file, ctx } = await caseWithRoster();
    approvedCaLetter(file, ctx, true);
    updateNoticeSettings(file, ctx, {
      offer: { enabled: true, service: 'Credit monitoring', enrolBy: '2026-09-30', elements: [] },
    });
    await importCodes(
      file,
      ctx,
      writeDataset(dir, 'codes.csv', csvOf(['code'], [['K1'], ['K2'], ['K3'], ['K4'], ['K5']])),
      TODAY,
    );
    const cancelled = job();
    cancelled.cancel();
    await expect(
      generateNotices(file, ctx, cancelled, { out: join(dir, 'c'), format: 'eml' }, TODAY),
    ).rejects.toThrow(/cancelled/);
    expect(noticeStatus(file, TODAY).codes).toEqual({ total: 5, assigned: 0, available: 5 });

    // A run recorded as written whose folder was not yet renamed when the process died.
    const out = join(dir, 'placed');
    const { run } = await generateNotices(file, ctx, job(), { out, format: 'eml' }, TODAY);
    const temp = noticeRunTempPath(out, run.id);
    renameSync(out, temp);
    file.db.prepare("UPDATE notice_runs SET state = 'placing', temp = ? WHERE id = ?").run(temp, run.id);
    const path = file.path;
    file.close();
    const reopened = openCase(path, ctx);
    try {
      expect(existsSync(join(out, 'manifest.csv'))).toBe(true);
      expect(existsSync(temp)).toBe(false);
      expect(noticeStatus(reopened, TODAY).runs.map((r) => r.id)).toEqual([run.id]);
      expect([...iterateAuditEntries(reopened.db)].map((e) => e.action)).toContain('notices.run_placed');
      expect(describeOpenCase(reopened).notices).toEqual([]);
    } finally {
      reopened.close();
    }
  });
});

describe('notices: offers and codes', () => {
  it('stops before writing when codes run out, then gives each person one code, once', async () => {
    const { dir, file, ctx } = await caseWithRoster();
    const plain = approvedCaLetter(file, ctx);
    updateNoticeSettings(file, ctx, {
      offer: { enabled: true, service: 'Credit monitoring', enrolBy: '2026-09-30', elements: [] },
    });
    const codes = (n: number) =>
      writeDataset(
        dir,
        `codes${n}.csv`,
        csvOf(
          ['code', 'expires'],
          Array.from({ length: n }, (_, i) => [`CODE-${n}-${i}`, '2027-12-31']),
        ),
      );
    await importCodes(file, ctx, codes(2), TODAY);
    // A letter that does not merge the code cannot carry it: nothing is added to approved text.
    expect((await noticePlan(file, 'eml', TODAY)).blockers).toContainEqual(
      expect.stringMatching(/does not merge the activation code/),
    );
    setLetterStatus(file, ctx, { id: plain, status: 'draft' }, TODAY);
    approvedCaLetter(file, ctx, true);
    const plan = await noticePlan(file, 'eml', TODAY);
    expect(plan.offer).toEqual({ offered: 4, alreadyAssigned: 0, needed: 4, available: 2 });
    expect(plan.blockers[0]).toMatch(/^2 more activation codes are needed/);
    const out = join(dir, 'blocked');
    await expect(generateNotices(file, ctx, job(), { out, format: 'eml' }, TODAY)).rejects.toThrow(
      /2 more activation codes are needed/,
    );
    expect(existsSync(out)).toBe(false);
    expect(noticeStatus(file, TODAY).codes).toEqual({ total: 2, assigned: 0, available: 2 });

    await importCodes(file, ctx, codes(3), TODAY);
    const { run } = await generateNotices(file, ctx, job(), { out, format: 'eml' }, TODAY);
    expect(noticeStatus(file, TODAY).codes).toEqual({ total: 5, assigned: 4, available: 1 });
    const ann = readFileSync(join(run.out, 'manifest.csv'), 'utf8')
      .split('\r\n')
      .find((l) => l.includes('ann.avery@example.com'));
    const message = readFileSync(join(run.out, ann?.split(',')[2] ?? ''), 'utf8');
    expect(message).toMatch(/CODE-[23]-\d/);
    expect(message).toContain('30 September 2026');
    // The codes and every personal value stay out of the audit log.
    const secrets = [...PEOPLE.flat().filter((v) => v.length > 3), 'CODE-2-0', 'CODE-3-0'];
    for (const entry of iterateAuditEntries(file.db)) {
      const strings = stringsIn(entry.payload).join(' ');
      for (const secret of secrets) expect(strings, entry.action).not.toContain(secret);
    }
    file.close();
  });
});

describe('notices: outputs that hold no personal data', () => {
  it('refuses a sample notice, the register and the status report that quote a person of the roster, naming the kind of value masked', async () => {
    const { dir, file, ctx } = await caseWithRoster();
    const sample = createLetter(
      file,
      ctx,
      {
        templateId: 'ca-ag-sample',
        recipient: { name: 'Attorney General', address: 'Bob Baker, bob.baker@example.com' },
        obligationRuleId: null,
      },
      TODAY,
    );
    const target = join(dir, 'sample.pdf');
    const render = () =>
      renderLetterToFile(
        file,
        ctx,
        { id: sample.letter.id, format: 'pdf', path: target, overwrite: true },
        TODAY,
      );
    const refusal = await render().catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'INVALID_INPUT' });
    const message = (refusal as Error).message;
    expect(message).toMatch(/holds personal data of people in the roster/);
    expect(message).toMatch(/a name \(B••• B•••\)/);
    expect(message).toMatch(/an e-mail address \(b•••@e•••\.com\)/);
    expect(message).not.toContain('bob.baker');
    expect(existsSync(target)).toBe(false);
    updateLetter(
      file,
      ctx,
      sample.letter.id,
      { recipient: { name: 'Attorney General', address: 'Sacramento' } },
      TODAY,
    );
    await render();
    expect(existsSync(target)).toBe(true);

    // The status report quotes the case's summary: a name from the roster there stops it.
    updateFacts(file, { summary: 'Ann Avery reported the leak.' }, ctx);
    await expect(
      exportStatusReport(file, new Date('2026-03-10T12:00:00Z'), join(dir, 'r.html'), undefined, false),
    ).rejects.toThrow(
      /The status report holds personal data of people in the roster, so it is not released: a name \(A••• A•••\)/,
    );
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
    file.close();
  });
});

describe('notices: tracking', () => {
  it('records bounces from a delivery report and a CSV, returned mail, then plans post for the bounced and opens substitute notice', async () => {
    const { dir, file, ctx } = await caseWithRoster();
    approvedCaLetter(file, ctx);
    const { run } = await generateNotices(file, ctx, job(), { out: join(dir, 'r1'), format: 'eml' }, TODAY);
    const rows = readFileSync(join(run.out, 'manifest.csv'), 'utf8').trim().split('\r\n').slice(1);
    const personOf = (needle: string) => rows.find((r) => r.includes(needle))?.split(',')[0] ?? '';
    const dsn = [
      'From: MAILER-DAEMON@mx.example',
      'To: privacy@sonora.example',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'The mail could not be delivered.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example',
      '',
      'Final-Recipient: rfc822; ann.avery@example.com',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
      '',
      '--b1',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: <${run.id}.${personOf('ann.avery')}@sonora.example>`,
      `X-Breachdesk-Notice: ${run.id}.${personOf('ann.avery')}`,
      '',
      '--b1--',
      '',
    ].join('\r\n');
    const dsnPath = writeDataset(dir, 'bounce.eml', dsn);
    const csvPath = writeDataset(
      dir,
      'events.csv',
      csvOf(
        ['email', 'status'],
        [
          ['bob.baker@example.com', 'bounced'],
          ['eve.ellis@example.com', 'delivered'],
          ['nobody@example.com', 'delivered'],
        ],
      ),
    );
    const tracked = await trackNotices(file, ctx, [dsnPath, csvPath], 'bounces');
    expect(tracked).toMatchObject({
      entries: 4,
      matched: 3,
      unmatched: 1,
      byOutcome: { bounced: 2, delivered: 1 },
    });
    const returned = writeDataset(dir, 'returned.csv', csvOf(['personId'], [[personOf('Cy Coleman')]]));
    expect(await trackNotices(file, ctx, [returned], 'returned')).toMatchObject({ matched: 1 });
    expect(noticeStatus(file, TODAY).byStatus).toMatchObject({
      pending: 0,
      delivered: 1,
      bounced: 2,
      returned: 1,
      unreachable: 1,
    });
    // Ann bounced but has a postal address: the next run prints her letter. Bob has none left.
    expect(await noticePlan(file, 'eml', TODAY)).toMatchObject({
      toNotify: 1,
      byChannel: { email: 0, post: 1, unreachable: 0 },
    });

    // Four Californians not reached: California allows substitute notice for insufficient contact.
    const board = obligationsBoard(file, undefined, TODAY).rows.find((r) => r.ruleId === CA_RULE);
    expect(board?.obligation?.substituteNotice).toMatchObject({ available: 'yes' });
    expect(board?.obligation?.substituteNotice?.text).toMatch(/4 people could not be reached/);
    const status = recordSubstitute(file, ctx, { postedOn: '2026-03-20', ruleIds: [] }, TODAY);
    expect(status.byStatus).toMatchObject({ substitute: 4, delivered: 1 });
    const actions = [...iterateAuditEntries(file.db)].map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'notices.run_started',
        'notices.generated',
        'notices.tracked',
        'notices.substitute_recorded',
      ]),
    );
    for (const entry of iterateAuditEntries(file.db)) {
      const strings = stringsIn(entry.payload).join(' ');
      for (const value of ['ann.avery@example.com', 'bob.baker', 'Cy Coleman', '3 Oak Ave'])
        expect(strings, entry.action).not.toContain(value);
    }
    file.close();
  });
});
