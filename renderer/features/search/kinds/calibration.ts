import { type CalibrationSession, type Decision, outcomeLabels } from '../../../../shared/calibration/model';
import { registerSearchKind } from './registry';

/**
 * Calibration: sessions by name and scope, and the committee's decisions by their rationale and
 * open questions (no candidate's name: a hit opens the session, which reads anonymised).
 */
registerSearchKind<CalibrationSession>({
  kind: 'calibration-session',
  label: 'Calibration sessions',
  singular: 'Calibration session',
  table: 'calibrationSessions',
  order: 60,
  docs: (s) => [
    { id: `calibration-session:${s.id}`, kind: 'calibration-session', recordId: s.id, date: s.createdAt.slice(0, 10), title: s.name, body: s.scope },
  ],
  open: (hit) => ({ path: `/calibration/${hit.recordId}` }),
});

registerSearchKind<Decision>({
  kind: 'calibration-decision',
  label: 'Calibration decisions',
  singular: 'Calibration decision',
  table: 'decisions',
  order: 61,
  docs: (d) => {
    const body = [d.rationale, d.openQuestions].filter((t) => t.trim() !== '').join('\n');
    if (!body) return [];
    return [
      {
        id: `calibration-decision:${d.id}`,
        kind: 'calibration-decision',
        recordId: d.id,
        date: (d.decidedAt ?? d.updatedAt).slice(0, 10),
        title: d.outcome ? outcomeLabels[d.outcome] : 'Undecided',
        body,
        ref: d.sessionId,
      },
    ];
  },
  open: (hit) => ({ path: `/calibration/${hit.ref ?? ''}` }),
});
