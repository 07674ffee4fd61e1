import { expect, type Locator, type Page } from '@playwright/test';

import { choose } from './controls';
import { DialogModel } from './dialog';
import { goTo } from './nav';

/** Packets: the list of promotion packets. */
export class PacketsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page) {
    await goTo(page, 'Packets');
    return new PacketsPage(page);
  }

  async startNew() {
    await this.page.getByRole('button', { name: 'New packet…' }).click();
    return new NewPacketDialog(this.page);
  }
}

export class NewPacketDialog extends DialogModel {
  constructor(page: Page) {
    super(page, 'New promotion packet');
  }

  async person(name: string) {
    await choose(this.page, this.root, /Person$/, name);
  }

  targetLevel() {
    return this.root.getByRole('button', { name: /Target level$/ });
  }

  async start() {
    await this.root.getByRole('button', { name: 'Start packet' }).click();
    await expect(this.root).toBeHidden();
    return new PacketBuilder(this.page);
  }
}

/** The packet builder: summary, the chart, one card per criterion, checks, preview and export. */
export class PacketBuilder {
  constructor(readonly page: Page) {}

  summary(label: string) {
    return this.page.getByRole('region', { name: 'Summary' }).getByRole('textbox', { name: label });
  }

  criterion(text: string) {
    return new CriterionCard(this.page, this.page.getByRole('region', { name: text, exact: true }));
  }

  get checks() {
    return this.page.getByRole('region', { name: 'Checks before export' }).getByRole('list', { name: 'Findings' });
  }

  async saved() {
    await expect(this.page.getByRole('status', { name: 'Packet: Saved' })).toBeVisible();
  }

  async preview() {
    await this.page.getByRole('button', { name: 'Preview what leaves…' }).click();
    const dialog = new DialogModel(this.page, 'What will leave this machine');
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  async export(format: 'PDF' | 'HTML' | 'Markdown' | 'signed JSON') {
    await this.page.getByRole('button', { name: `Export ${format}…` }).click();
    await expect(this.page.getByRole('status').filter({ hasText: /Exported to/ })).toBeVisible();
  }
}

export class CriterionCard {
  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {}

  get narrative() {
    return this.root.getByRole('textbox', { name: 'Narrative' });
  }

  async addEvidence(option: string | RegExp) {
    await choose(this.page, this.root, /Add evidence$/, option);
  }

  get linked() {
    return this.root.getByRole('list', { name: 'Linked evidence' }).getByRole('listitem');
  }

  get findings() {
    return this.root.getByRole('list', { name: 'Findings for this criterion' });
  }
}
