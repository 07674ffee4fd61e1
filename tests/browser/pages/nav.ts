import { expect, type Page } from '@playwright/test';

export type Section = 'Today' | 'People' | '1:1s' | 'Ladders' | 'Growth' | 'Feedback' | 'Packets' | 'Calibration' | 'Settings';

/** Opens a section from the sidebar and waits for its heading (the section's name unless told). */
export async function goTo(page: Page, section: Section, heading: string | RegExp = section) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}
