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

/** The date field labelled `label`: a group of day, month and year segments, in the user's locale. */
export const dateField = (scope: Locator | Page, label: string) => scope.getByRole('group', { name: label, exact: true });

/**
 * Types `iso` into a date field, segment by segment, whatever order the locale puts them in
 * (day/month/year in en-GB, month/day/year in en-US).
 */
export async function fillDate(scope: Locator | Page, label: string, iso: string) {
  const [year, month, day] = iso.split('-') as [string, string, string];
  const field = dateField(scope, label);
  for (const [type, value] of [
    ['year', year],
    ['month', month],
    ['day', day],
  ] as const) {
    const segment = field.locator(`[data-type="${type}"]`);
    await segment.click();
    await segment.pressSequentially(value);
  }
  await expect(field.locator('[data-type="day"]')).not.toHaveAttribute('data-placeholder');
}
