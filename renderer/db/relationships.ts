import { fieldErrorsOf } from '../../shared/domain/person';
import { type Relationship, type RelationshipInput, relationshipInputSchema } from '../../shared/domain/relationships';
import type { TrellisDatabase } from './database';
import { ValidationError } from './errors';

export class RelationshipsRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Every relationship in which the person takes part, on either side. */
  async forPerson(personId: string): Promise<Relationship[]> {
    const [from, to] = await Promise.all([
      this.db.relationships.where('fromId').equals(personId).toArray(),
      this.db.relationships.where('toId').equals(personId).toArray(),
    ]);
    return [...from, ...to].sort((a, b) => a.kind.localeCompare(b.kind) || a.createdAt.localeCompare(b.createdAt));
  }

  async create(input: RelationshipInput): Promise<Relationship> {
    const parsed = relationshipInputSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    const fields = parsed.data;
    return this.db.transaction('rw', this.db.relationships, this.db.people, async () => {
      const [from, to] = await Promise.all([this.db.people.get(fields.fromId), this.db.people.get(fields.toId)]);
      if (!from) throw new ValidationError({ fromId: 'That person no longer exists' });
      if (!to) throw new ValidationError({ toId: 'That person no longer exists' });
      const existing = await this.db.relationships.where('fromId').equals(fields.fromId).toArray();
      const duplicate = existing.find((r) => r.kind === fields.kind && r.toId === fields.toId && (r.opportunity ?? '') === (fields.opportunity ?? ''));
      if (duplicate) throw new ValidationError({ form: 'This relationship is already recorded' });
      const stamp = this.now().toISOString();
      const rel: Relationship = { ...fields, id: crypto.randomUUID(), createdAt: stamp, updatedAt: stamp };
      await this.db.relationships.add(rel);
      return rel;
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.relationships.delete(id);
  }
}
