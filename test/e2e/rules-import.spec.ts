import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeSignedRulePack } from '../../main/formats/signing/signed-rule-pack';
import { ownerOnlyFileProtector } from '../../main/services/bundles/signing/key-protector';
import { SigningKeys } from '../../main/services/bundles/signing/signing-keys';
import { DEFAULT_RULE_PACK } from '../../shared/obligations/default-pack';
import { newerPack } from '../helpers/rule-packs';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

const shipped = DEFAULT_RULE_PACK;

test('Import signed pack… shows what changes rule by rule, installs on Install, and refuses an unsigned pack', async ({
  page,
  host,
}) => {
  // A publisher's key, trusted on this computer, signs a newer release of the shipped pack.
  const publisher = new SigningKeys(join(host.dir, 'publisher'), ownerOnlyFileProtector('Publisher'));
  const key = publisher.ensureKey();
  await host.call('signing.trust', { publicKey: key.publicKey, label: 'Rules desk' });
  const { pack, added, changed, retired } = newerPack();
  const packJson = Buffer.from(JSON.stringify(pack, null, 2));
  const signedPath = join(host.dir, 'newer.signed.json');
  writeFileSync(signedPath, encodeSignedRulePack(packJson, key, new Date('2099-01-16T09:00:00Z')));
  const barePath = join(host.dir, 'bare.json');
  writeFileSync(barePath, packJson);

  await host.start();
  await page.getByRole('button', { name: 'Rule pack…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rule pack' });
  await expect(dialog).toContainText(
    `Rule pack ${shipped.id} ${shipped.version}, published ${shipped.published}`,
  );
  await expect(dialog).toContainText('Shipped with Breachdesk.');
  const importButton = dialog.getByRole('button', { name: 'Import signed pack…' });

  // An unsigned pack: one sentence, nothing changes.
  host.dialogs.answerRulePack(barePath);
  await importButton.click();
  await expect(dialog.getByRole('alert')).toHaveText(
    `${barePath} is an unsigned rule pack: only a pack signed with a key you trust can be installed (its publisher signs it with "breachdesk rules sign").`,
  );

  // Cancel installs nothing.
  host.dialogs.answerRulePack(signedPath);
  await importButton.click();
  const update = page.getByRole('dialog', { name: 'Install this rule pack?' });
  await expect(update).toBeVisible();
  await update.getByRole('button', { name: 'Cancel' }).click();
  await expect(update).toHaveCount(0);
  await expect(dialog).toContainText('Shipped with Breachdesk.');

  host.dialogs.answerRulePack(signedPath);
  await importButton.click();
  await expect(update).toContainText(
    `${shipped.id} ${shipped.version} (published ${shipped.published}) → ${shipped.id} 2099.1 (published 2099-01-15)`,
  );
  await expect(update).toContainText(`${key.fingerprint} (Rules desk) on 2099-01-16`);
  await expect(update).toContainText(`1 added, 1 changed, 1 retired, ${shipped.rules.length - 2} unchanged.`);
  await expect(update.getByRole('region', { name: 'Added rules' })).toContainText(
    `${added.id} ${added.jurisdiction}: ${added.title} (in force 2027-01-01 → open)`,
  );
  await expect(update.getByRole('region', { name: 'Changed rules' })).toContainText(
    `${changed.id} ${changed.jurisdiction}: ${changed.title} (deadline, citation; in force`,
  );
  await expect(update.getByRole('region', { name: 'Retired rules' })).toContainText(
    `${retired.id} ${retired.jurisdiction}: ${retired.title} (was in force`,
  );
  await expectEveryControlNamed(page);
  await page.screenshot({ path: artifactPath('rule-pack-update.png') });

  await update.getByRole('button', { name: 'Install' }).click();
  await expect(update).toHaveCount(0);
  await expect(dialog).toContainText(`Rule pack ${shipped.id} 2099.1, published 2099-01-15`);
  await expect(dialog).toContainText(
    new RegExp(
      `Installed on \\d{4}-\\d\\d-\\d\\d from .*newer\\.signed\\.json, signed by ${escape(key.fingerprint)} \\(Rules desk\\)\\.`,
    ),
  );
  await expect(dialog.getByRole('rowheader', { name: added.jurisdiction, exact: true })).toHaveCount(1);
  const listing = await host.call('rules.list', {});
  expect(listing.packVersion).toBe('2099.1');
  expect(listing.source.kind).toBe('installed');
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
