import { join } from 'node:path';
import { expectEveryControlNamed } from './support/named-controls';
import { artifactPath } from './support/paths';
import { expect, test } from './host/test-host';

const HOSTILE_NOTE = [
  '# Call with outside counsel',
  '',
  'Counsel thinks the **CNIL** fine of 2020 shapes the risk; see [the decision](https://example.org/cnil).',
  '',
  '<script>alert(1)</script>',
  '',
  '<img src=x onerror=alert(1)>',
  '',
  'Inline <b onmouseover=alert(1)>html</b> and ![a picture](x.png) are not shown.',
  '',
  '- reset passwords',
  '- ask partners to delete',
].join('\n');

test('tasks with overdue shown, inline status; notes in Markdown rendered safely, privileged badge', async ({
  page,
  host,
}) => {
  await host.call('case.create', {
    path: join(host.dir, 'sonora.bdcase'),
    title: 'Partner API exposure',
    organisation: 'Sonora Streaming AB',
    plaintext: true,
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await host.start();
  await page
    .getByRole('navigation', { name: 'Case sections' })
    .getByRole('button', { name: 'Tasks & notes' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tasks & notes' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Add a task' });
  const addTask = async (title: string, owner: string, due: string) => {
    await form.getByRole('textbox', { name: 'Task' }).fill(title);
    await form.getByRole('textbox', { name: 'Owner' }).fill(owner);
    await form.getByRole('textbox', { name: 'Due date' }).fill(due);
    await form.getByRole('button', { name: 'Add task' }).click();
    await expect(page.getByRole('rowheader', { name: title })).toBeVisible();
  };
  await addTask('Ask partners to confirm deletion', 'Legal', '2020-11-19');
  await addTask('Send sample notice to the California AG', 'Counsel', '2099-01-31');

  const tasks = page.getByRole('table', { name: 'Tasks' });
  const late = tasks.getByRole('row', { name: /Ask partners to confirm deletion/ });
  await expect(late).toContainText('Overdue');
  await expect(late.getByText('Overdue')).toHaveCSS('color', 'rgb(180, 35, 24)');
  await expect(tasks.getByRole('row', { name: /California AG/ })).not.toContainText('Overdue');

  // Done is never overdue.
  await late
    .getByRole('combobox', { name: 'Status of Ask partners to confirm deletion' })
    .selectOption('done');
  await expect(late).not.toContainText('Overdue');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const stored = await host.call('tasks.list', {});
  expect(stored.find((t) => t.title.startsWith('Ask partners'))).toMatchObject({
    status: 'done',
    owner: 'Legal',
    due: '2020-11-19',
  });
  await late.getByRole('combobox', { name: /^Status of/ }).selectOption('open');
  await expect(late).toContainText('Overdue');

  // Edit through the dialog.
  await tasks.getByRole('button', { name: 'Edit Send sample notice to the California AG' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit task' });
  await edit.getByRole('textbox', { name: 'Owner' }).fill('Outside counsel');
  await edit.getByRole('button', { name: 'Save task' }).click();
  await expect(edit).toBeHidden();
  await expect(tasks.getByRole('row', { name: /California AG/ })).toContainText('Outside counsel');

  // A note whose Markdown carries HTML and an image: rendered as text elements, nothing runs.
  await page.getByRole('button', { name: 'New note' }).click();
  const title = page.getByRole('textbox', { name: 'Title' });
  await expect(title).toHaveValue('Untitled note');
  await title.fill('Counsel call 2020-11-17');
  await page.getByRole('textbox', { name: 'Body (Markdown)' }).fill(HOSTILE_NOTE);
  await page.getByRole('checkbox', { name: /^Privileged & confidential/ }).check();
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview of Counsel call 2020-11-17' });
  await expect(preview.getByRole('heading', { name: 'Call with outside counsel' })).toBeVisible();
  await expect(preview).toContainText('Counsel thinks the CNIL fine of 2020 shapes the risk');
  await expect(preview.getByRole('listitem')).toHaveCount(2);
  await expect(preview.locator('script, img, a, b, [onerror], [onmouseover]')).toHaveCount(0);
  await expect(preview).not.toContainText('alert(1)');
  await expect(preview).toContainText('the decision');
  await expect(page.locator('img')).toHaveCount(0);

  const notes = page.getByRole('list', { name: 'Notes' });
  await expect(notes.getByRole('button', { name: /Counsel call 2020-11-17/ })).toContainText('Privileged');
  await expect(page.getByRole('heading', { name: /Counsel call 2020-11-17/ })).toContainText(
    'Privileged & confidential',
  );
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const [note] = await host.call('notes.list', {});
  expect(note).toMatchObject({ title: 'Counsel call 2020-11-17', body: HOSTILE_NOTE, privileged: true });

  await expectEveryControlNamed(page);
  await page.setViewportSize({ width: 1280, height: 1300 });
  await page.screenshot({ path: artifactPath('tasks-notes.png') });
  expect(dialogs).toEqual([]);
});
