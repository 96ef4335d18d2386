import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

test('a tampered audit entry turns the verification red and names the first bad entry', async ({
  page,
  host,
}) => {
  const path = join(host.dir, 'tampered.bdcase');
  await host.call('case.create', { path, title: 'Lost laptop', organisation: 'Contoso', plaintext: true });
  await host.call('case.update', { patch: { title: 'Lost laptop (Lyon office)' } });
  await host.call('case.update', { patch: { status: 'notifying' } });
  await host.call('case.close', {});

  // Someone edits the file with another tool, getting round the append-only triggers.
  const db = new BetterSqlite3(path);
  db.exec('DROP TRIGGER audit_log_refuse_update');
  db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2").run();
  db.close();

  await host.call('case.open', { path });
  await host.start();
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Audit log' })
    .click();

  const banner = page.getByRole('alert', { name: 'Audit verification' });
  await expect(banner).toContainText('Audit chain broken at entry 2');
  await expect(banner).toContainText('Entry 2 was altered after it was written.');
  await expect(page.getByRole('row').filter({ hasText: 'Fails verification' })).toContainText('someone else');
  await page.screenshot({ path: artifactPath('workspace-audit-broken.png') });

  await banner.getByRole('button', { name: 'Verify again' }).click();
  await expect(banner).toContainText('Audit chain broken at entry 2');
});
