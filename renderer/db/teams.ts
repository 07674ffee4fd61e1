import { fieldErrorsOf } from '../../shared/domain/person';
import { type Team, teamInputSchema } from '../../shared/domain/team';
import type { TrellisDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';

export class TeamsRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<Team[]> {
    return (await this.db.teams.toArray()).sort((a, b) => a.name.localeCompare(b.name));
  }

  async create(name: string): Promise<Team> {
    return this.db.transaction('rw', this.db.teams, async () => {
      const clean = await this.validate(name, null);
      const stamp = this.now().toISOString();
      const team: Team = { id: crypto.randomUUID(), name: clean, createdAt: stamp, updatedAt: stamp };
      await this.db.teams.add(team);
      return team;
    });
  }

  async rename(id: string, name: string): Promise<Team> {
    return this.db.transaction('rw', this.db.teams, async () => {
      const existing = await this.db.teams.get(id);
      if (!existing) throw new NotFoundError('This team');
      const team = { ...existing, name: await this.validate(name, id), updatedAt: this.now().toISOString() };
      await this.db.teams.put(team);
      return team;
    });
  }

  /** Deleting a team leaves its people without a team, in the same transaction. */
  async remove(id: string): Promise<void> {
    await this.db.transaction('rw', this.db.teams, this.db.people, async () => {
      const stamp = this.now().toISOString();
      await this.db.people
        .where('teamId')
        .equals(id)
        .modify((p) => {
          delete p.teamId;
          p.updatedAt = stamp;
        });
      await this.db.teams.delete(id);
    });
  }

  private async validate(name: string, selfId: string | null): Promise<string> {
    const parsed = teamInputSchema.safeParse({ name });
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    const clean = parsed.data.name;
    const clash = (await this.db.teams.toArray()).find((t) => t.id !== selfId && t.name.toLowerCase() === clean.toLowerCase());
    if (clash) throw new ValidationError({ name: `There is already a team called ${clash.name}` });
    return clean;
  }
}
