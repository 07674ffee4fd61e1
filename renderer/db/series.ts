import { z } from 'zod';

import { meetingKindLabels, type Series, seriesSchema } from '../../shared/domain/meetings';
import { fieldErrorsOf } from '../../shared/domain/person';
import { isKnownTimeZone } from '../../shared/domain/timezone';
import type { SeriesRow, TrellisDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';

export const seriesInputSchema = seriesSchema.omit({ id: true, archived: true, createdAt: true, updatedAt: true }).extend({
  personId: z.string().min(1, 'Choose a person'),
  timeZone: z.string().refine(isKnownTimeZone, 'Use a time zone like Europe/Berlin'),
});
export type SeriesInput = z.input<typeof seriesInputSchema>;

/** Strips the stored-only `latestMeeting`. */
const toSeries = ({ latestMeeting: _latest, ...series }: SeriesRow): Series => series;

export class SeriesRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<Series[]> {
    return (await this.db.series.toArray()).map(toSeries);
  }

  async forPerson(personId: string): Promise<Series[]> {
    return (await this.db.series.where('personId').equals(personId).toArray()).map(toSeries);
  }

  async get(id: string): Promise<Series | undefined> {
    const row = await this.db.series.get(id);
    return row && toSeries(row);
  }

  /** Series as stored, with the newest meeting each knows (for MeetingsRepository.seriesActivity). */
  rows(personId?: string): Promise<SeriesRow[]> {
    return personId ? this.db.series.where('personId').equals(personId).toArray() : this.db.series.toArray();
  }

  async create(input: SeriesInput): Promise<Series> {
    return this.db.transaction('rw', this.db.series, this.db.people, async () => {
      const fields = await this.validate(input, null);
      const stamp = this.now().toISOString();
      const series: Series = { ...fields, id: crypto.randomUUID(), archived: false, createdAt: stamp, updatedAt: stamp };
      await this.db.series.add({ ...series, latestMeeting: null });
      return series;
    });
  }

  async update(id: string, input: SeriesInput): Promise<Series> {
    return this.db.transaction('rw', this.db.series, this.db.people, async () => {
      const existing = await this.db.series.get(id);
      if (!existing) throw new NotFoundError('This series');
      const fields = await this.validate(input, id);
      const row: SeriesRow = { ...existing, ...fields, updatedAt: this.now().toISOString() };
      await this.db.series.put(row);
      return toSeries(row);
    });
  }

  async setArchived(id: string, archived: boolean): Promise<Series> {
    return this.db.transaction('rw', this.db.series, async () => {
      const existing = await this.db.series.get(id);
      if (!existing) throw new NotFoundError('This series');
      const row: SeriesRow = { ...existing, archived, updatedAt: this.now().toISOString() };
      await this.db.series.put(row);
      return toSeries(row);
    });
  }

  /** One active series per person and kind: two weekly 1:1s with Alex would split the notes. */
  private async validate(input: SeriesInput, selfId: string | null) {
    const parsed = seriesInputSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    const fields = parsed.data;
    const person = await this.db.people.get(fields.personId);
    if (!person) throw new ValidationError({ personId: 'That person no longer exists' });
    const same = await this.db.series.where('[personId+kind]').equals([fields.personId, fields.kind]).toArray();
    if (same.some((s) => s.id !== selfId && !s.archived)) {
      throw new ValidationError({ kind: `${person.name} already has a ${meetingKindLabels[fields.kind]} series` });
    }
    return fields;
  }
}
