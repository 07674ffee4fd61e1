import { expect, type Locator, type Page } from '@playwright/test';

/** Picks `option` in the select labelled `label` inside `scope`, as a person does: open it, click the option. */
export async function choose(page: Page, scope: Locator | Page, label: string | RegExp, option: string | RegExp) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** Ticks a checkbox the way a person does: by clicking its label (the input itself is visually hidden). */
export async function tick(page: Page | Locator, label: string) {
  const box = page.getByRole('checkbox', { name: label });
  if (await box.isChecked()) return;
  await page.locator('label', { has: box }).click();
  await expect(box).toBeChecked();
}

/** Types `iso` into the date field labelled `label`. */
export async function fillDate(scope: Locator | Page, label: string, iso: string) {
  await scope.getByLabel(label).fill(iso);
}
