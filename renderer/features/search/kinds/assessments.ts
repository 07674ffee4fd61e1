import { type Assessment, assessmentKindLabels } from '../../../../shared/domain/assessments';
import { registerSearchKind } from './registry';

/**
 * An assessment is one document: its overall comment and every rating's comment, and the
 * author's private notes as the private field (searchable here, never exported).
 */
registerSearchKind<Assessment>({
  kind: 'assessment',
  label: 'Assessments',
  singular: 'Assessment',
  table: 'assessments',
  order: 45,
  docs: (a) => {
    const body = [a.summary, ...a.ratings.flatMap((r) => [r.comment, r.notApplicable?.reason ?? ''])].filter((t) => t.trim()).join('\n');
    if (!body && !a.privateNotes.trim()) return [];
    return [
      {
        id: `assessment:${a.id}`,
        kind: 'assessment',
        recordId: a.id,
        personId: a.personId,
        date: a.period.to,
        title: `${assessmentKindLabels[a.kind]}, revision ${a.revision} · ${a.levelId}${a.status === 'draft' ? ' · draft' : ''}`,
        body,
        ...(a.privateNotes.trim() ? { private: a.privateNotes } : {}),
      },
    ];
  },
  open: (hit) => ({ path: `/growth/assessments/${hit.recordId}` }),
});
