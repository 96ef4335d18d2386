import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test, type TestHost } from './host/test-host';

test.describe.configure({ timeout: 120_000 });

/** The demo's plan reads a roster of 350,000 people: a few seconds on a slow runner. */
const PLAN_TIMEOUT = 30_000;

/**
 * Five Californians: three with an e-mail address and a password (notified by e-mail), two with
 * a postal address only and their SSN exposed (notified by post).
 */
const SMALL_ROSTER = [
  'email,full_name,street,city,state,zip,password,ssn',
  'alice@example.com,Alice Martin,,,,94105,5f4dcc3b5aa765d61d8327deb882cf99,',
  'bob@example.com,Bob Stone,,,,90210,e99a18c428cb38d5f260853678922e03,',
  'carol@example.com,Carol King,,,,95014,25d55ad283aa400af464c76d713c07ad,',
  ',Dora Lane,12 Oak Street,San Jose,CA,95112,,123-45-6789',
  ',Ezra Pound,4 Pine Avenue,Fresno,CA,93721,,987-65-4321',
].join('\n');

async function openNotices(page: Page): Promise<Locator> {
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'People & data' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'People & data' })).toBeVisible();
  await page.getByRole('tab', { name: 'Notices' }).click();
  const notices = page.getByRole('region', { name: 'Notices to people' });
  await expect(notices).toBeVisible();
  return notices;
}

/** A plan count ("By e-mail 3") as the tab shows it. */
function count(scope: Locator, list: string, label: string): Locator {
  return scope
    .locator(`dl[aria-label="${list}"] > div`)
    .filter({
      has: scope
        .page()
        .getByRole('term')
        .filter({ hasText: new RegExp(`^${label}$`) }),
    })
    .getByRole('definition');
}

/** Approves the letter answering a notice (as a person would after review), with an override if a check fails. */
async function approveLetterFor(host: TestHost, ruleId: string): Promise<void> {
  const letters = await host.call('letters.list', {});
  let letter = letters.find((l) => l.obligationRuleId === ruleId);
  if (letter === undefined) {
    letter = (
      await host.call('letters.create', { obligationRuleId: ruleId, recipient: { name: '', address: '' } })
    ).letter;
  }
  await host.call('letters.setStatus', { id: letter.id, status: 'in_review' });
  await host.call('letters.setStatus', {
    id: letter.id,
    status: 'approved',
    override: 'Reviewed by counsel for the notification run test.',
  });
}

test('the demo plan: counts, the notices without an approved letter, then e-mail and post once one is approved', async ({
  page,
  host,
}) => {
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
  await host.start();
  const notices = await openNotices(page);

  const plan = notices.getByRole('region', { name: 'Plan' });
  await expect(count(plan, 'Plan counts', 'People affected')).toHaveText('350,000', {
    timeout: PLAN_TIMEOUT,
  });
  await expect(count(plan, 'Plan counts', 'To notify')).toHaveText('0');
  await expect(count(plan, 'Not in this run', 'No notice reaches them')).toHaveText('84,185');

  // California's notice has only a draft letter: it is listed, with the way to that draft.
  const without = plan.getByRole('region', { name: 'Notices with no approved letter yet' });
  const california = without.getByRole('listitem', { name: /Notify California residents/ });
  await expect(california).toContainText('1,240 people');
  await expect(california.getByRole('button', { name: 'Open the draft letter' })).toBeVisible();
  await expect(
    without.getByRole('listitem', { name: 'Notify Texas residents' }).getByRole('button', {
      name: 'Draft its letter on the Obligations board',
    }),
  ).toBeVisible();
  await expect(plan.getByRole('region', { name: 'Decision needed' })).toContainText(
    'Communicate the breach to the people affected (GDPR Art. 34)',
  );
  await expect(plan.getByRole('list', { name: 'Why the notices cannot be written yet' })).toContainText(
    'No person is left to write a notice for in this run.',
  );
  await expect(plan.getByRole('button', { name: 'Write notices…' })).toBeDisabled();

  // The way to the draft: the Letters section, the letter selected.
  await california.getByRole('button', { name: 'Open the draft letter' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Letters' })).toBeVisible();

  // Approved: California's residents are planned, by e-mail and by post.
  await approveLetterFor(host, 'us-ca-individuals-until-2025');
  const again = await openNotices(page);
  const plan2 = again.getByRole('region', { name: 'Plan' });
  await expect(count(plan2, 'Plan counts', 'To notify')).not.toHaveText('0', { timeout: PLAN_TIMEOUT });
  const planned = await host.call('notices.plan', { format: 'eml' });
  expect(planned.byChannel.email + planned.byChannel.post).toBeGreaterThan(0);
  await expect(count(plan2, 'Plan counts', 'By e-mail')).toHaveText(
    planned.byChannel.email.toLocaleString('en-US'),
  );
  await expect(count(plan2, 'Plan counts', 'By post')).toHaveText(
    planned.byChannel.post.toLocaleString('en-US'),
  );
  await expect(
    plan2.getByRole('table', { name: 'Notices by jurisdiction' }).getByRole('row', { name: /California/ }),
  ).toBeVisible();
  await expect(
    plan2.getByRole('region', { name: 'Notices with no approved letter yet' }).getByRole('listitem', {
      name: /Notify California residents/,
    }),
  ).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 3200 });
  await page.screenshot({ path: artifactPath('notices-demo-plan.png') });
});

test('a small case: write a run into a folder, read the bounces back, and the status follows', async ({
  page,
  host,
}) => {
  await host.call('case.create', {
    path: join(host.dir, 'notices.bdcase'),
    title: 'Account database exposure',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  const at = (utc: string) => ({ utc, zone: 'UTC', precision: 'exact' as const, approximate: false });
  await host.call('facts.update', {
    patch: {
      discoveredAt: at('2026-03-02T09:00:00.000Z'),
      awareAt: at('2026-03-04T15:00:00.000Z'),
      organisation: { role: 'controller', establishment: 'US-CA' },
    },
  });
  const rosterPath = join(host.dir, 'accounts.csv');
  writeFileSync(rosterPath, `${SMALL_ROSTER}\n`);
  const preview = await host.call('roster.preview', { path: rosterPath });
  await host.call('roster.import', { jobId: randomUUID(), path: rosterPath, mapping: preview.mapping });
  const board = await host.call('obligations.board', {});
  const californiaRule = board.rows.find(
    (row) => row.obligation !== null && /^us-ca-individuals/.test(row.ruleId),
  )?.ruleId;
  expect(californiaRule, 'California is owed a notice to individuals').toBeDefined();
  await approveLetterFor(host, californiaRule ?? '');
  await host.start();
  const notices = await openNotices(page);
  const plan = notices.getByRole('region', { name: 'Plan' });

  await expect(count(plan, 'Plan counts', 'People affected')).toHaveText('5', { timeout: PLAN_TIMEOUT });
  await expect(count(plan, 'Plan counts', 'By e-mail')).toHaveText('3');
  await expect(count(plan, 'Plan counts', 'By post')).toHaveText('2');

  // Settings are saved as they are edited: the e-mails' sender.
  const settings = notices.getByRole('region', { name: 'How notices are sent' });
  await settings.getByRole('textbox', { name: 'Sender address' }).fill('privacy@sonora.example');
  await settings.getByRole('textbox', { name: 'Sender address' }).press('Tab');
  await expect
    .poll(async () => (await host.call('notices.settings', {})).senderAddress)
    .toBe('privacy@sonora.example');

  // Write notices…: into a new folder; the result names the notices, files, manifest hash and folder.
  const out = join(host.dir, 'run-1');
  host.dialogs.answerNoticesFolder(out);
  await plan.getByRole('button', { name: 'Write notices…' }).click();
  const result = notices.getByRole('region', { name: 'Run written' });
  await expect(result.getByRole('status')).toHaveText(`Run 1: 5 notices written into ${out}.`, {
    timeout: PLAN_TIMEOUT,
  });
  await expect(result.getByRole('button', { name: 'Copy SHA-256 of the manifest of run 1' })).toBeVisible();
  // manifest.csv: a header, then a record per notice (a postal address spans lines, quoted).
  const manifest = readFileSync(join(out, 'manifest.csv'), 'utf8');
  expect(manifest.split(/\r?\n/)[0]).toBe('personId,address,file,sha256');
  const records = manifest.split(/\r?\n/).filter((line) => /^\d+,/.test(line));
  expect(records.map((line) => line.split(',')[0])).toEqual(['1', '2', '3', '4', '5']);
  expect(records.filter((line) => line.includes('.eml,'))).toHaveLength(3);
  expect(manifest.match(/print\/[^,]+\.pdf,/g)).toHaveLength(2);
  expect(readdirSync(out)).toContain('manifest.csv');

  const status = notices.getByRole('region', { name: 'Where everyone stands' });
  await expect(count(status, 'Status counts', 'Pending')).toHaveText('5');
  await expect(count(status, 'Status counts', 'To do')).toHaveText('0');
  await expect(status.getByRole('table', { name: 'Runs' }).getByRole('row', { name: /Run 1/ })).toBeVisible();
  // Everyone is notified: the next plan has no one left, and says so.
  await expect(count(plan, 'Not in this run', 'Already notified')).toHaveText('5');
  await expect(plan.getByRole('button', { name: 'Write notices…' })).toBeDisabled();

  // Read bounces…: Alice's e-mail bounced.
  const bounces = join(host.dir, 'bounces.csv');
  writeFileSync(
    bounces,
    'email,status,reason\nalice@example.com,bounced,mailbox unknown\nnobody@example.com,bounced,\n',
  );
  host.dialogs.answerTrackingFiles([bounces]);
  await notices.getByRole('button', { name: 'Read bounces…' }).click();
  const tracked = notices.getByRole('group', { name: 'Tracking result' });
  await expect(count(tracked, 'Tracking counts', 'Matched')).toHaveText('1');
  await expect(count(tracked, 'Tracking counts', 'Unmatched')).toHaveText('1');
  await expect(count(status, 'Status counts', 'Bounced')).toHaveText('1');
  await expect(count(status, 'Status counts', 'Pending')).toHaveText('4');

  // Write again…: the same run, byte for byte, into another folder.
  const copy = join(host.dir, 'run-1-again');
  host.dialogs.answerNoticesFolder(copy);
  await status.getByRole('button', { name: 'Write again… Run 1' }).click();
  await expect(result.getByRole('status')).toHaveText(`Run 1 written again into ${copy}.`, {
    timeout: PLAN_TIMEOUT,
  });
  expect(readFileSync(join(copy, 'manifest.csv'), 'utf8')).toBe(
    readFileSync(join(out, 'manifest.csv'), 'utf8'),
  );

  // Substitute notice: California's law allows it for the one person not reached; record it given.
  const substitute = status.getByRole('listitem', { name: /Notify California residents/ });
  await expect(substitute).toContainText('1 person');
  await substitute.getByRole('button', { name: 'Record substitute notice given…' }).click();
  const record = substitute.getByRole('form', { name: /Record substitute notice for/ });
  await record.getByRole('textbox', { name: 'Given on' }).fill('2026-03-20');
  await record.getByRole('button', { name: 'Record' }).click();
  await expect(substitute.getByRole('status')).toHaveText('Substitute notice given on 2026-03-20 recorded.');
  await expect(count(status, 'Status counts', 'Substitute notice')).toHaveText('1');
  await expect(count(status, 'Status counts', 'Bounced')).toHaveText('0');

  await expectEveryControlNamed(page);
  expect(await axeViolations(page, 'notices tab after a run')).toEqual([]);
  // The section scrolls inside the window: a tall one shows the whole tab.
  await page.setViewportSize({ width: 1280, height: 3200 });
  await page.screenshot({ path: artifactPath('notices-small-case.png') });

  // Draft website notice: a letter from the substitute template, opened in the Letters section.
  await substitute.getByRole('button', { name: 'Draft website notice' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Letters' })).toBeVisible();
  const letters = await host.call('letters.list', {});
  expect(letters.some((letter) => letter.templateId === 'substitute-web-notice')).toBe(true);
});

test('the Notices tab of the demo case has no axe violation, with and without an offer', async ({
  page,
  host,
}) => {
  await host.call('demo.create', { path: join(host.dir, 'sonora.bdcase') });
  await host.start();
  const notices = await openNotices(page);
  await expect(count(notices, 'Plan counts', 'People affected')).toHaveText('350,000', {
    timeout: PLAN_TIMEOUT,
  });
  await expect(notices.getByRole('region', { name: 'Where everyone stands' })).toBeVisible();
  await expectEveryControlNamed(page);
  expect(await axeViolations(page, 'People & data, Notices tab')).toEqual([]);

  // The offer, filled in: every field saved as it is edited, the codes shown as counts only.
  const settings = notices.getByRole('region', { name: 'How notices are sent' });
  await settings
    .getByRole('checkbox', { name: 'Offer credit monitoring or identity protection with the notice' })
    .check();
  await settings.getByRole('textbox', { name: 'Service' }).fill('Two years of credit monitoring');
  await settings.getByRole('textbox', { name: 'Enrol by' }).fill('2026-06-30');
  await settings.getByRole('radio', { name: /Offered to people whose exposed data includes/ }).check();
  await settings.getByRole('checkbox', { name: 'Password / credentials' }).check();
  await expect
    .poll(async () => (await host.call('notices.settings', {})).offer)
    .toEqual({
      enabled: true,
      service: 'Two years of credit monitoring',
      enrolBy: '2026-06-30',
      elements: ['password'],
    });
  const codesPath = join(host.dir, 'codes.csv');
  writeFileSync(codesPath, 'code,expiry\nSECRET-CODE-0001,2027-01-01\nSECRET-CODE-0002,2027-01-01\n');
  host.dialogs.answerCodesFile(codesPath);
  await settings.getByRole('button', { name: 'Import activation codes…' }).click();
  await expect(settings.getByRole('status')).toHaveText('Imported 2 codes.');
  await expect(count(settings, 'Activation codes', 'Available')).toHaveText('2');
  await expect(notices).not.toContainText('SECRET-CODE');
  expect(await axeViolations(page, 'People & data, Notices tab with an offer')).toEqual([]);
});
