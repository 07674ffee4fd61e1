import { expect, type Page } from '@playwright/test';

import { choose, tick } from './controls';
import { goTo } from './nav';

/** Settings → Passphrase lock, its dialogs, and the lock screen. */
export class LockSettings {
  constructor(readonly page: Page) {}
  static async open(page: Page) {
    await goTo(page, 'Settings');
    const lock = new LockSettings(page);
    await lock.section.scrollIntoViewIfNeeded();
    return lock;
  }
  get section() {
    return this.page.getByRole('region', { name: 'Passphrase lock' });
  }
  /** Turns the lock on and returns the recovery key it shows once. */
  async turnOn(passphrase: string, opts: { encrypt?: 'Private notes only' | RegExp; idle?: string | RegExp; look?: () => Promise<void> } = {}) {
    await this.section.getByRole('button', { name: 'Turn on passphrase lock…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Turn on passphrase lock' });
    await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await dialog.getByLabel('Repeat the passphrase').fill(passphrase);
    if (opts.encrypt) await this.page.locator('label', { has: this.page.getByRole('radio', { name: opts.encrypt }) }).click();
    if (opts.idle) await choose(this.page, dialog, /Lock automatically/, opts.idle);
    await opts.look?.();
    await dialog.getByRole('button', { name: 'Turn on lock' }).click();
    const shown = this.page.getByRole('dialog', { name: 'The lock is on: your recovery key' });
    const key = (await shown.getByLabel('Recovery key', { exact: true }).textContent({ timeout: 60_000 }))!.trim();
    return { key, dialog: shown };
  }
  async closeRecoveryKey() {
    const shown = this.page.getByRole('dialog', { name: 'The lock is on: your recovery key' });
    await tick(this.page, 'I have printed or written down my recovery key');
    await shown.getByRole('button', { name: 'Done' }).click();
    await expect(shown).toBeHidden();
  }
  async changePassphrase(current: string, next: string, repeat = next) {
    await this.section.getByRole('button', { name: 'Change passphrase…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Change passphrase' });
    await dialog.getByLabel('Current passphrase').fill(current);
    await dialog.getByLabel('New passphrase', { exact: true }).fill(next);
    await dialog.getByLabel('Repeat the new passphrase').fill(repeat);
    await dialog.getByRole('button', { name: 'Change passphrase' }).click();
    return dialog;
  }
  /** Remember on this device: the dialog, the passphrase, and what it says back. */
  async openRemember() {
    await this.section.getByRole('button', { name: 'Remember on this device…' }).click();
    return this.page.getByRole('dialog', { name: 'Remember on this device' });
  }
  async rememberOnDevice(passphrase: string) {
    const dialog = await this.openRemember();
    await dialog.getByLabel('Passphrase').fill(passphrase);
    await dialog.getByRole('button', { name: 'Remember on this device' }).click();
    return dialog;
  }
  get remembered() {
    return this.section.getByRole('group', { name: 'Remember on this device' });
  }
  async lockNow() {
    await this.section.getByRole('button', { name: 'Lock now' }).click();
    await expect(LockScreen.heading(this.page)).toBeVisible();
  }
}

export const LockScreen = {
  heading: (page: Page) => page.getByRole('heading', { level: 1, name: 'Trellis is locked' }),
  async unlock(page: Page, passphrase: string) {
    const form = page.getByRole('form', { name: 'Unlock Trellis' });
    await form.getByLabel('Passphrase').fill(passphrase);
    await form.getByRole('button', { name: 'Unlock' }).click();
    return form;
  },
  async recover(page: Page, recoveryKey: string, next: string) {
    await page.getByRole('button', { name: 'Forgot your passphrase?' }).click();
    const form = page.getByRole('form', { name: 'Unlock with your recovery key' });
    await form.getByLabel('Recovery key').fill(recoveryKey);
    await form.getByLabel('New passphrase', { exact: true }).fill(next);
    await form.getByLabel('Repeat the new passphrase').fill(next);
    await form.getByRole('button', { name: 'Unlock and set passphrase' }).click();
    return form;
  },
};

/** Every row of every object store of the app's IndexedDB, read directly (not through the app), as JSON. */
export function readIndexedDb(page: Page, name = 'trellis'): Promise<string> {
  return page.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(dbName);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const store of Array.from(db.objectStoreNames)) {
      out[store] = await new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    }
    db.close();
    return JSON.stringify(out);
  }, name);
}
