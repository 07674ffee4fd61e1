import { todayIso } from '../../../shared/domain/dates';
import { criterionLabel } from '../../../shared/domain/goal-criteria';
import type { Person } from '../../../shared/domain/person';
import { growthPlanMarkdown } from '../../../shared/domain/plan-markdown';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useMainAction, useMainCall } from '../../app/useMain';
import { usePeople } from '../../app/usePeople';
import { shareableEvidenceKeys } from '../../db/evidence';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { useStatus } from '../../ui/Status';
import { usePersonLadder } from './useLadder';

/** Saves the person's plan as Markdown where the user picks: shareable parts only (plan-markdown.ts). */
export function ExportPlanButton({ person }: { person: Person }) {
  const { goals, stretch, assessments, db } = useRepositories();
  const call = useMainCall();
  const people = usePeople();
  const { ladder } = usePersonLadder(person);
  const saveText = useMainAction('files:save-text');
  const { announce } = useStatus();
  const save = async () => {
    try {
      const list = await goals.forPerson(person.id);
      const parts = await Promise.all(
        list.map(async (goal) => ({ goal, milestones: await goals.milestones(goal.id), checkIns: await goals.checkIns(goal.id) })),
      );
      // The newest finished self and manager assessment, each with the ladder version it was made against.
      const finished = (await assessments.forPerson(person.id)).filter((a) => a.status === 'finished');
      const newest = (['self', 'manager'] as const).flatMap((kind) => finished.filter((a) => a.kind === kind).slice(0, 1));
      const keys = newest.length ? await shareableEvidenceKeys(db, person.id) : new Set<string>();
      const withLadders = await Promise.all(
        newest.map(async (assessment) => {
          const frozen = await call('ladders:version-get', { ladderId: assessment.ladder.ladderId, hash: assessment.ladder.hash }).catch(() => null);
          return frozen
            ? [{ assessment, person, ladder: frozen.ladder, linkShareable: (l: { kind: string; id: string }) => keys.has(`${l.kind}:${l.id}`) }]
            : [];
        }),
      );
      const content = growthPlanMarkdown({
        assessments: withLadders.flat(),
        person,
        goals: parts,
        stretch: await stretch.projects(person.id),
        label: (r) => criterionLabel(ladder, r),
        nameOf: (id) => people?.find((p) => p.id === id)?.name,
        day: (iso) => formatDate(iso, 'medium'),
        today: todayIso(),
      });
      const result = await saveText.run({ suggestedName: `Growth plan ${person.name}.md`, content, kind: 'markdown', title: 'Save the growth plan' });
      if (result.saved) announce('Saved the growth plan');
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };
  return (
    <Button size="small" onPress={() => void save()} isDisabled={saveText.pending}>
      Export plan (.md)
    </Button>
  );
}
