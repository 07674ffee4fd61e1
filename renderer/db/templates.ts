import { z } from 'zod';

import { meetingKinds, type MeetingTemplate, meetingTemplateSchema } from '../../shared/domain/meetings';
import { fieldErrorsOf } from '../../shared/domain/person';
import { builtInTemplates, isBuiltInTemplateId } from '../../shared/domain/templates';
import type { TrellisDatabase } from './database';
import { ValidationError } from './errors';

export const templateInputSchema = z.object({
  name: meetingTemplateSchema.shape.name,
  kind: z.enum(meetingKinds),
  /** One talking point per line; blank lines are ignored. */
  agendaText: z.string().max(20_000),
  sharedNotes: meetingTemplateSchema.shape.sharedNotes,
});
export type TemplateInput = z.input<typeof templateInputSchema>;

/**
 * Built-in templates live in code; a stored row with a built-in's id is the user's edit of it and
 * wins. Resetting deletes that row. User templates are ordinary rows.
 */
export class TemplatesRepository {
  constructor(
    private readonly db: TrellisDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<MeetingTemplate[]> {
    const stored = await this.db.templates.toArray();
    const edits = new Map(stored.map((t) => [t.id, t]));
    const builtIns = builtInTemplates.map((t) => edits.get(t.id) ?? t);
    const own = stored.filter((t) => !isBuiltInTemplateId(t.id)).sort((a, b) => a.name.localeCompare(b.name));
    return [...builtIns, ...own];
  }

  async get(id: string): Promise<MeetingTemplate | undefined> {
    return (await this.db.templates.get(id)) ?? builtInTemplates.find((t) => t.id === id);
  }

  /** Creates a template (id null) or saves an edit of an existing or built-in one. */
  async save(id: string | null, input: TemplateInput): Promise<MeetingTemplate> {
    const parsed = templateInputSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    const agenda = parsed.data.agendaText
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (agenda.some((l) => l.length > 2000)) throw new ValidationError({ agendaText: 'A talking point is too long (at most 2000 characters)' });
    const stamp = this.now().toISOString();
    const existing = id ? await this.get(id) : undefined;
    const template: MeetingTemplate = {
      id: existing?.id ?? crypto.randomUUID(),
      name: parsed.data.name,
      kind: parsed.data.kind,
      builtIn: existing?.builtIn ?? false,
      agenda,
      sharedNotes: parsed.data.sharedNotes,
      createdAt: existing?.createdAt ?? stamp,
      updatedAt: stamp,
    };
    await this.db.templates.put(template);
    return template;
  }

  /** Deletes a user template, or puts a built-in back to how Trellis ships it. */
  async remove(id: string): Promise<void> {
    await this.db.templates.delete(id);
  }
}
