import { expect, type Page } from '@playwright/test';

export type Section = 'Today' | 'People' | '1:1s' | 'Ladders' | 'Growth' | 'Feedback' | 'Packets' | 'Calibration' | 'Settings';

/** Opens a section from the sidebar and waits for its heading (the section's name unless told). */
export async function goTo(page: Page, section: Section, heading: string | RegExp = section) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/**
 * Follows an in-app link the user kept from earlier (a bookmark, a link in an exported note, the
 * browser's history): the app's own address with `path` after the hash, as its links write it.
 */
export async function followKeptLink(page: Page, path: string) {
  await page.evaluate((p) => {
    location.hash = `#${p}`;
  }, path);
}
