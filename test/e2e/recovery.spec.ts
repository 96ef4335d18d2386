import { join } from 'node:path';
import { crashMidChange, writeCommitHeader } from '../helpers/crash';
import { expect, test } from './host/test-host';
import { artifactPath } from './support/paths';

test('a case file a crash left mid-change opens, says in one sentence that the change was rolled back, and the note can be dismissed', async ({
  page,
  host,
}) => {
  const path = join(host.dir, 'crashed.bdcase');
  await host.call('case.create', {
    path,
    title: 'Partner API exposure',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  await host.call('case.close', {});
  crashMidChange(path);
  writeCommitHeader(path, 40);
  host.dialogs.answerOpen(path);
  await host.start();

  await page.getByRole('button', { name: 'Open case…' }).click();

  const note = page.getByRole('status', { name: 'Notes on opening the case file' });
  await expect(note).toContainText(
    'An interrupted change was rolled back; everything saved before it is intact.',
  );
  await expect(page.getByRole('banner').getByText('Partner API exposure')).toBeVisible();

  await page.screenshot({ path: artifactPath('recovered-after-crash.png') });
  await note.getByRole('button', { name: 'Dismiss' }).click();
  await expect(note).toHaveCount(0);
  await page
    .getByRole('link', { name: /Audit log/ })
    .or(page.getByRole('button', { name: /Audit log/ }))
    .first()
    .click();
  await expect(page.getByText('Case file recovered', { exact: false }).first()).toBeVisible();
});
