import { wouldCreateCycle } from '../../shared/domain/org';
import { type ColumnMapping, type CsvTable, type ImportOptions, type ImportPlan, type ImportProblem, planImport } from '../../shared/domain/people-csv';
import { fieldErrorsOf, type Person, type PersonInput, personInputSchema, type PersonPlacement, personPlacementSchema } from '../../shared/domain/person';
import type { TrellisDatabase } from './database';
import { durable } from './durable';
import { NotFoundError, ValidationError } from './errors';

const newId = () => crypto.randomUUID();

/** Everything features do with people goes through here: validation, invariants, timestamps. */
export class PeopleRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<Person[]> {
    const people = await this.db.people.toArray();
    return people.sort((a, b) => a.name.localeCompare(b.name));
  }

  get(id: string): Promise<Person | undefined> {
    return this.db.people.get(id);
  }

  async create(input: PersonInput): Promise<Person> {
    return this.db.transaction('rw', this.db.people, this.db.teams, async () => {
      const fields = await this.validate(input, null);
      const stamp = this.now().toISOString();
      const person: Person = { ...fields, id: newId(), archived: false, createdAt: stamp, updatedAt: stamp };
      await this.db.people.add(person);
      return person;
    });
  }

  async update(id: string, input: PersonInput): Promise<Person> {
    return this.db.transaction('rw', this.db.people, this.db.teams, async () => {
      const existing = await this.db.people.get(id);
      if (!existing) throw new NotFoundError('This person');
      const fields = await this.validate(input, id);
      const person: Person = { ...fields, id, archived: existing.archived, createdAt: existing.createdAt, updatedAt: this.now().toISOString() };
      await this.db.people.put(person);
      return person;
    });
  }

  /** Moves a person on the ladder (mapping them after the ladder changed), leaving every other field as it is. */
  async setPlacement(id: string, placement: PersonPlacement | null): Promise<Person> {
    const parsed = placement === null ? null : personPlacementSchema.safeParse(placement);
    if (parsed && !parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    return this.db.transaction('rw', this.db.people, async () => {
      const existing = await this.db.people.get(id);
      if (!existing) throw new NotFoundError('This person');
      const { placement: _old, ...rest } = existing;
      const person: Person = { ...rest, ...(parsed ? { placement: parsed.data } : {}), updatedAt: this.now().toISOString() };
      await this.db.people.put(person);
      return person;
    });
  }

  async setArchived(id: string, archived: boolean): Promise<Person> {
    return this.db.transaction('rw', this.db.people, async () => {
      const existing = await this.db.people.get(id);
      if (!existing) throw new NotFoundError('This person');
      const person = { ...existing, archived, updatedAt: this.now().toISOString() };
      await this.db.people.put(person);
      return person;
    });
  }

  /**
   * CSV import, all rows or none: the file is planned again inside the transaction against
   * the people stored at that moment (another window may have changed them since the preview),
   * then written with one bulkPut. Re-imported people are matched by email and updated.
   * Departments no team has yet become teams, in the same transaction.
   */
  async importCsv(
    table: CsvTable,
    mapping: ColumnMapping,
    options: Pick<ImportOptions, 'dateOrder' | 'placeOn' | 'me' | 'meAliases'> = {},
  ): Promise<ImportPlan> {
    // Strict durability: a crash or power cut right after "Imported" must not lose the import.
    const db = durable(this.db);
    return db.transaction('rw', db.people, db.teams, async () => {
      const everyone = await db.people.toArray();
      const teams = await db.teams.toArray();
      const plan = planImport(table, mapping, everyone, newId, { ...options, teams });
      if (plan.problems.length > 0) throw new ImportRefusedError(plan.problems);
      const stamp = this.now().toISOString();
      if (plan.teams.length > 0) await db.teams.bulkAdd(plan.teams.map((t) => ({ ...t, createdAt: stamp, updatedAt: stamp })));
      const current = new Map(everyone.map((p) => [p.id, p]));
      const records = plan.people.map((planned): Person => {
        const before = current.get(planned.id);
        if (!before) return { ...planned.fields, id: planned.id, archived: false, createdAt: stamp, updatedAt: stamp };
        return { ...before, ...planned.fields, updatedAt: stamp };
      });
      await db.people.bulkPut(records);
      return plan;
    });
  }

  /** Schema rules, then the rules that need the rest of the org: unique email, real manager, no loops. */
  private async validate(input: PersonInput, selfId: string | null) {
    const parsed = personInputSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    const fields = parsed.data;
    const everyone = await this.db.people.toArray();
    if (fields.email) {
      const clash = everyone.find((p) => p.id !== selfId && p.email === fields.email);
      if (clash) throw new ValidationError({ email: `${clash.name} already uses this email` });
    }
    if (fields.managerId) {
      const manager = everyone.find((p) => p.id === fields.managerId);
      if (!manager) throw new ValidationError({ managerId: 'That manager no longer exists' });
      if (selfId && wouldCreateCycle(everyone, selfId, fields.managerId)) {
        throw new ValidationError({ managerId: `${manager.name} reports to this person, so they cannot be their manager` });
      }
    }
    if (fields.teamId && !(await this.db.teams.get(fields.teamId))) throw new ValidationError({ teamId: 'That team no longer exists' });
    return fields;
  }
}

/** Thrown by importCsv when the file has problems; nothing was written. */
export class ImportRefusedError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`The file has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}; nothing was imported.`);
    this.name = 'ImportRefusedError';
  }
}
