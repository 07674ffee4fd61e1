import type { MeetingKind, MeetingTemplate } from '../../../shared/domain/meetings';

// Apart from the dialog: the palette's commands use it, and they load with the first screen.
/** A first 1:1 gets the getting-to-know-you template; later ones the template of their kind (null: none). */
export function suggestedTemplate(kind: MeetingKind, isFirst: boolean, templates: MeetingTemplate[]): string | null {
  if (kind === 'one-on-one') return isFirst ? 'builtin-first' : 'builtin-weekly';
  return templates.find((t) => t.kind === kind)?.id ?? null;
}
