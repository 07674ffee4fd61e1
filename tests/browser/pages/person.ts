import { expect, type Page } from '@playwright/test';

import { choose } from './controls';
import { ExportNotesDialog } from './export-notes';
import { ChartSection } from './growth';
import { StartMeetingDialog } from './one-on-ones';
import { QueuePointDialog } from './people';

const firstName = (name: string) => name.split(' ')[0] ?? name;

/** A person's page: details, series, the talking-point queue, relationships and the timeline. */
export class PersonPage {
  constructor(
    readonly page: Page,
    readonly name: string,
  ) {}

  /** The person page of `name` is on screen. */
  static async expect(page: Page, name: string) {
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    return new PersonPage(page, name);
  }

  /** "Evidence this year": entries per competency and quarter, as a heatmap with a table view. */
  get coverage() {
    return new ChartSection(this.page, 'Evidence this year');
  }
  /** The cells of one competency in the coverage table (after `coverage.showTable()`), oldest quarter first. */
  coverageCells(competency: string) {
    return this.coverage.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: competency, exact: true }) })
      .getByRole('cell');
  }

  get queueField() {
    return this.page.getByRole('textbox', { name: `Talking point for the next 1:1 with ${firstName(this.name)}` });
  }
  get queueRegion() {
    return this.page.getByRole('region', { name: 'Queue a talking point for the next 1:1' });
  }
  get queued() {
    return this.page.getByRole('list', { name: 'Queued talking points' });
  }
  async queuePoint(text: string) {
    await this.queueField.fill(text);
    await this.page.getByRole('button', { name: 'Queue point' }).click();
  }

  /** "Start" on one of the person's series (its kind, e.g. "1:1"). */
  async start(kind = '1:1') {
    await this.page.getByRole('button', { name: `Start ${kind}` }).click();
    return new StartMeetingDialog(this.page, `Start ${kind} with ${this.name}`);
  }
  calendarButton(kind = '1:1') {
    return this.page.getByRole('button', { name: `Add to calendar (.ics): ${kind} with ${this.name}` });
  }

  get timelineRegion() {
    return this.page.getByRole('region', { name: 'Timeline' });
  }
  get timeline() {
    return this.page.getByRole('list', { name: 'Timeline' });
  }
  /** A row of the timeline that mentions `text` (a meeting's "1:1 on 24 Nov 2026", an action's words). */
  timelineEntry(text: string | RegExp) {
    return this.timeline.getByRole('listitem').filter({ hasText: text });
  }
  async filterTimeline(text: string) {
    await this.page.getByRole('searchbox', { name: 'Filter timeline' }).fill(text);
  }
  async queueFromTimeline() {
    await this.timelineRegion.getByRole('button', { name: 'Queue a point…' }).click();
    return new QueuePointDialog(this.page, this.name);
  }

  get relationships() {
    return this.page.getByRole('region', { name: 'Relationships' });
  }
  relationshipList(of = this.name) {
    return this.page.getByRole('list', { name: `Relationships of ${of}` });
  }
  /** Records that `other` has `role` ("Sponsor of Alex") toward this person. */
  async addRelationship(other: string, role: string, opportunity?: string) {
    const open = this.relationships.getByRole('button', { name: 'Add a relationship…' });
    if (await open.isVisible()) {
      await open.click();
      // The form opens with its first field focused.
      await expect(this.relationships.getByRole('button', { name: /Person/ })).toBeFocused();
    }
    await choose(this.page, this.relationships, /Person/, other);
    await choose(this.page, this.relationships, /Is the/, role);
    if (opportunity !== undefined) await this.relationships.getByRole('textbox', { name: 'Opportunity' }).fill(opportunity);
    await this.relationships.getByRole('button', { name: 'Add relationship' }).click();
  }

  get exportNotesButton() {
    return this.page.getByRole('button', { name: 'Export notes…' });
  }
  async exportNotes() {
    await this.exportNotesButton.click();
    return new ExportNotesDialog(this.page, `Export notes of ${this.name}`);
  }
}
