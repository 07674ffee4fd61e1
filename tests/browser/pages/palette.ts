import { expect, type Locator, type Page } from '@playwright/test';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/**
 * The command palette (Ctrl/Cmd+K) and its search: one box, a list of options grouped by kind,
 * driven by the keyboard.
 */
export class Palette {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /Command palette|Search/ });
  }
  /** The box: its name is the step's prompt ("Command or search", "Start a 1:1 with"…). */
  get input(): Locator {
    return this.dialog.getByRole('combobox');
  }
  get list(): Locator {
    return this.dialog.getByRole('listbox');
  }
  option(name: string | RegExp): Locator {
    return this.dialog.getByRole('option', { name });
  }
  /** A group of results ("Meeting notes", "Action items"…). */
  group(name: string | RegExp): Locator {
    return this.dialog.getByRole('group', { name });
  }
  /** The highlighted words of the results. */
  get marks(): Locator {
    return this.dialog.locator('mark');
  }
  get selected(): Locator {
    return this.dialog.locator('[role="option"][aria-selected="true"]');
  }

  /** Opens it with Ctrl/Cmd+K, from wherever the focus is. */
  static async open(page: Page) {
    await page.keyboard.press(`${mod}+KeyK`);
    const palette = new Palette(page);
    await expect(palette.input).toBeFocused();
    return palette;
  }
  /** Opens it from the sidebar's Search button. */
  static async openSearch(page: Page) {
    await page.getByRole('button', { name: /^Search/ }).click();
    const palette = new Palette(page);
    await expect(palette.input).toBeFocused();
    return palette;
  }

  async type(text: string) {
    await this.input.pressSequentially(text);
  }
  /** Moves the keyboard selection down until `name` is selected, then presses Enter. */
  async chooseByKeyboard(name: string | RegExp) {
    const target = this.option(name).first();
    await expect(target).toBeVisible();
    for (let i = 0; i < 60; i++) {
      if ((await target.getAttribute('aria-selected')) === 'true') break;
      await this.page.keyboard.press('ArrowDown');
    }
    await expect(target).toHaveAttribute('aria-selected', 'true');
    await this.page.keyboard.press('Enter');
  }
  async close() {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }
}

/** The list of keyboard shortcuts (`?`). */
export class ShortcutsOverlay {
  constructor(readonly page: Page) {}
  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }
  static async open(page: Page) {
    await page.keyboard.press('Shift+Slash');
    const overlay = new ShortcutsOverlay(page);
    await expect(overlay.dialog).toBeVisible();
    return overlay;
  }
  row(label: string): Locator {
    return this.dialog.getByRole('definition').filter({ hasText: label });
  }
}
