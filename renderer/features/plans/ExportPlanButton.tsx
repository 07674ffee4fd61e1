import { todayIso } from '../../../shared/domain/dates';
import { criterionLabel } from '../../../shared/domain/goal-criteria';
import type { Person } from '../../../shared/domain/person';
import { growthPlanMarkdown } from '../../../shared/domain/plan-markdown';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useMainAction } from '../../app/useMain';
import { usePeople } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { useStatus } from '../../ui/Status';
import { usePersonLadder } from './useLadder';

/** Saves the person's plan as Markdown where the user picks: shareable parts only (plan-markdown.ts). */
export function ExportPlanButton({ person }: { person: Person }) {
  const { goals, stretch } = useRepositories();
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
      const content = growthPlanMarkdown({
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
