import { fieldErrorsOf } from '../../shared/domain/person';
import { type Win, type WinDraft, winSchema, winTitle } from '../../shared/domain/wins';
import { withCompetencyIds } from '../../shared/evidence/refs';
import type { TrellisDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';
import { registerEvidenceSource } from './evidence';

const MIN_DAY = '0000-01-01';
const MAX_DAY = '9999-12-31';

/** How many wins a list shows at most (a win a week for decades fits). */
export const WINS_LIST_LIMIT = 2_000;

/** The wins log. Every write recomputes `competencyIds` from `criteria`. */
export class WinsRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(id: string): Promise<Win | undefined> {
    return this.db.wins.get(id);
  }

  /** A person's wins between two days (inclusive), newest first, through [personId+date]. */
  forPerson(personId: string, from = MIN_DAY, to = MAX_DAY, limit = WINS_LIST_LIMIT): Promise<Win[]> {
    return this.db.wins.where('[personId+date]').between([personId, from], [personId, to], true, true).reverse().limit(limit).toArray();
  }

  /** The newest wins of anyone. */
  recent(limit = WINS_LIST_LIMIT): Promise<Win[]> {
    return this.db.wins.orderBy('date').reverse().limit(limit).toArray();
  }

  /** Anyone's wins between two days (inclusive), newest first, through the date index. */
  between(from = MIN_DAY, to = MAX_DAY, limit = WINS_LIST_LIMIT): Promise<Win[]> {
    return this.db.wins.where('date').between(from, to, true, true).reverse().limit(limit).toArray();
  }

  async create(draft: WinDraft): Promise<Win> {
    const stamp = this.now().toISOString();
    const win = this.validate({ ...draft, id: crypto.randomUUID(), competencyIds: [], createdAt: stamp, updatedAt: stamp });
    await this.db.transaction('rw', [this.db.wins, this.db.people], async () => {
      if (!(await this.db.people.get(win.personId))) throw new NotFoundError('This person');
      await this.db.wins.add(win);
    });
    return win;
  }

  async save(id: string, draft: Partial<WinDraft>): Promise<Win> {
    return this.db.transaction('rw', [this.db.wins, this.db.people], async () => {
      const current = await this.db.wins.get(id);
      if (!current) throw new NotFoundError('This win');
      const next = this.validate({ ...current, ...draft, updatedAt: this.now().toISOString() });
      if (next.personId !== current.personId && !(await this.db.people.get(next.personId))) throw new NotFoundError('This person');
      await this.db.wins.put(next);
      return next;
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.wins.delete(id);
  }

  private validate(record: Win): Win {
    const parsed = winSchema.safeParse(withCompetencyIds(record));
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    return parsed.data;
  }
}

/** Wins are evidence of impact, named against the criteria they show. */
registerEvidenceSource({
  kind: 'win',
  async read(db, { personId, competencyId, from, to }) {
    const rows = await db.wins.where('[personId+date]').between([personId, from], [personId, to], true, true).toArray();
    return rows
      .filter((w) => !competencyId || w.competencyIds.includes(competencyId))
      .map((w) => ({
        kind: 'win' as const,
        id: w.id,
        personId: w.personId,
        date: w.date,
        visibility: w.visibility,
        competencyIds: w.competencyIds,
        title: `Win: ${winTitle(w, 60)}`,
      }));
  },
});
