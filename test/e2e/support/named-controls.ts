import { expect, type Page } from '@playwright/test';

const ROLES = [
  'button',
  'textbox',
  'combobox',
  'checkbox',
  'listbox',
  'link',
  'dialog',
  'region',
  'group',
] as const;

/** Every visible control in the page has an accessible name (tests and assistive technology use it). */
export async function expectEveryControlNamed(page: Page): Promise<void> {
  for (const role of ROLES) {
    for (const control of await page.getByRole(role).all()) {
      await expect(control, `a ${role} without an accessible name`).toHaveAccessibleName(/\S/);
    }
  }
}
