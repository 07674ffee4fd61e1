import { z } from 'zod';

/**
 * Ties between people beyond "reports to": read as "`fromId` is the <kind> of `toId`".
 * mentor → mentee, sponsor → the person sponsored (for an `opportunity`), skip-level → the
 * skip-level manager of `toId`. Direct management stays on Person.managerId.
 */
export const relationshipKinds = ['mentor', 'sponsor', 'skip-level'] as const;
export type RelationshipKind = (typeof relationshipKinds)[number];

export const relationshipLabels: Record<RelationshipKind, { from: string; to: string }> = {
  mentor: { from: 'Mentor', to: 'Mentee' },
  sponsor: { from: 'Sponsor', to: 'Sponsoring' },
  'skip-level': { from: 'Skip-level manager', to: 'Skip-level report' },
};

export const relationshipInputSchema = z
  .object({
    kind: z.enum(relationshipKinds),
    fromId: z.string().min(1, 'Choose a person'),
    toId: z.string().min(1, 'Choose a person'),
    opportunity: z
      .string()
      .trim()
      .max(200, 'Opportunity is too long (at most 200 characters)')
      .transform((s) => (s === '' ? undefined : s))
      .optional(),
  })
  .superRefine((r, ctx) => {
    if (r.fromId === r.toId) ctx.addIssue({ code: 'custom', path: ['toId'], message: 'Someone cannot have this relationship with themselves' });
    if (r.kind === 'sponsor' && !r.opportunity)
      ctx.addIssue({ code: 'custom', path: ['opportunity'], message: 'Say what the sponsorship is for, e.g. "Lead the payments migration"' });
  });
export type RelationshipInput = z.input<typeof relationshipInputSchema>;

export const relationshipSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(relationshipKinds),
  fromId: z.string().min(1),
  toId: z.string().min(1),
  opportunity: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Relationship = z.output<typeof relationshipSchema>;

/** How a relationship reads from one person's page, e.g. "Mentor: Maya" on Alex's page. */
export function describeFor(rel: Relationship, personId: string): { role: string; otherId: string } {
  const mine = rel.toId === personId;
  return mine ? { role: relationshipLabels[rel.kind].from, otherId: rel.fromId } : { role: relationshipLabels[rel.kind].to, otherId: rel.toId };
}
