import { join } from 'node:path';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

test('create the partners, edit one in place, record and remove its dated actions, remove a party', async ({
  page,
  host,
}) => {
  await host.call('case.create', {
    path: join(host.dir, 'sonora.bdcase'),
    title: 'Partner API exposure',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  await host.start();
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Parties' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Parties' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('No parties yet');

  const form = page.getByRole('form', { name: 'New party' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Beatline Devices Ltd');
  await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Partner' });
  await form
    .getByRole('textbox', { name: 'Role in this incident' })
    .fill('Speaker maker; 212,000 accounts queried');
  await form.getByRole('button', { name: 'Create party' }).click();

  const list = page.getByRole('list', { name: 'Parties' });
  await expect(list.getByRole('button', { name: /Beatline Devices Ltd/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
  const detail = page.getByRole('region', { name: 'Beatline Devices Ltd' });
  await detail.getByRole('textbox', { name: 'Address' }).fill('London, UK');
  await detail.getByRole('textbox', { name: 'E-mail' }).fill('privacy@beatline.example');
  await detail.getByRole('textbox', { name: 'E-mail' }).press('Tab');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  // A dated action, in the zone it happened in.
  const actionForm = page.getByRole('form', { name: 'Add an action' });
  await actionForm.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Deletion requested' });
  const when = actionForm.getByRole('group', { name: 'When' });
  await when.getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Stockholm');
  await when.getByRole('textbox', { name: 'Date and time' }).fill('2020-11-18 11:00');
  await actionForm.getByRole('textbox', { name: 'Note' }).fill('Written request to delete and confirm');
  await actionForm.getByRole('button', { name: 'Add action' }).click();
  const actions = page.getByRole('list', { name: 'Actions with Beatline Devices Ltd' }).getByRole('listitem');
  await expect(actions).toHaveCount(1);
  await expect(actions.first()).toContainText('2020-11-18 11:00 CET');
  await expect(actions.first()).toContainText('Deletion requested');

  await actionForm.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Deletion confirmed' });
  await when.getByRole('textbox', { name: 'Date and time' }).fill('2020-11-24 16:00');
  await actionForm.getByRole('button', { name: 'Add action' }).click();
  await expect(actions).toHaveCount(2);
  await expect(actions.nth(1)).toContainText('Deletion confirmed');

  const [party] = await host.call('parties.list', {});
  expect(party).toMatchObject({
    name: 'Beatline Devices Ltd',
    kind: 'partner',
    role: 'Speaker maker; 212,000 accounts queried',
    address: 'London, UK',
    email: 'privacy@beatline.example',
  });
  expect(party?.actions.map((a) => [a.kind, a.at.utc, a.at.zone])).toEqual([
    ['deletion_requested', '2020-11-18T10:00:00.000Z', 'Europe/Stockholm'],
    ['deletion_confirmed', '2020-11-24T15:00:00.000Z', 'Europe/Stockholm'],
  ]);

  // More parties: the list shows name, kind and role; selecting one shows its detail.
  for (const [name, kind, role] of [
    ['AdCircle Inc.', 'Partner', 'Advertising partner; 96,000 accounts queried'],
    ['IMY (Integritetsskyddsmyndigheten)', 'Regulator', 'Lead supervisory authority'],
  ] as const) {
    await page.getByRole('button', { name: 'New party' }).click();
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: kind });
    await form.getByRole('textbox', { name: 'Role in this incident' }).fill(role);
    await form.getByRole('button', { name: 'Create party' }).click();
    await expect(page.getByRole('region', { name })).toBeVisible();
  }
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await list.getByRole('button', { name: /Beatline Devices Ltd/ }).click();
  await expect(page.getByRole('region', { name: 'Beatline Devices Ltd' })).toBeVisible();
  await expectEveryControlNamed(page);
  await page.setViewportSize({ width: 1280, height: 1200 });
  await page.screenshot({ path: artifactPath('parties.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Removing an action and a party asks first and names what goes.
  await page.getByRole('button', { name: /^Remove Deletion confirmed of 2020-11-24 16:00/ }).click();
  const confirmAction = page.getByRole('dialog', { name: 'Remove “Deletion confirmed”?' });
  await confirmAction.getByRole('button', { name: 'Remove action' }).click();
  await expect(actions).toHaveCount(1);

  await list.getByRole('button', { name: /AdCircle Inc\./ }).click();
  await page.getByRole('button', { name: 'Remove party…' }).click();
  const confirmParty = page.getByRole('dialog', { name: 'Remove AdCircle Inc.?' });
  await expect(confirmParty).toContainText('AdCircle Inc. will be removed from this case');
  await confirmParty.getByRole('button', { name: 'Remove party' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  expect((await host.call('parties.list', {})).map((p) => p.name).sort()).toEqual([
    'Beatline Devices Ltd',
    'IMY (Integritetsskyddsmyndigheten)',
  ]);
});
