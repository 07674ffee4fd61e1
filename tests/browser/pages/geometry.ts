import { expect, type Locator, type Page } from '@playwright/test';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where `locator` is drawn, in CSS pixels of the viewport; fails when it is not drawn at all. */
export async function boxOf(locator: Locator): Promise<Box> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, 'the element has a box on screen').not.toBeNull();
  return box!;
}

/** The whole of `locator` lies inside the window (not cut off at the right or left). */
export async function expectInsideWindow(page: Page, locator: Locator) {
  const box = await boxOf(locator);
  const { width } = page.viewportSize()!;
  expect(box.x, 'left edge inside the window').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'right edge inside the window').toBeLessThanOrEqual(width);
}

/** Two controls side by side keep at least `gap` pixels between them; on different lines they do not overlap. */
export async function expectApart(left: Locator, right: Locator, gap = 8) {
  const a = await boxOf(left);
  const b = await boxOf(right);
  const sameLine = a.y < b.y + b.height && b.y < a.y + a.height;
  if (sameLine) expect(b.x - (a.x + a.width), 'space between the two controls').toBeGreaterThanOrEqual(gap);
  else expect(b.y >= a.y + a.height || a.y >= b.y + b.height, 'the controls do not overlap').toBe(true);
}

/** The width of `locator` in characters of its own font (its width divided by its font size, times two). */
export async function widthInCharacters(locator: Locator): Promise<number> {
  const box = await boxOf(locator);
  const fontSize = await locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  // An average character of the UI font is about half an em wide.
  return box.width / (fontSize / 2);
}
