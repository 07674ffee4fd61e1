import { feedbackMarkdown } from '../../../shared/domain/feedback-markdown';
import type { Person } from '../../../shared/domain/person';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useMainAction } from '../../app/useMain';
import { usePeople } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { useStatus } from '../../ui/Status';

/** Saves a person's shareable feedback, wins and peers' responses as Markdown where the user picks (feedback-markdown.ts). */
export function ExportFeedbackButton({ person, competencyName }: { person: Person; competencyName: (id: string) => string }) {
  const { feedback, wins, db } = useRepositories();
  const people = usePeople();
  const saveText = useMainAction('files:save-text');
  const { announce } = useStatus();
  const save = async () => {
    try {
      const content = feedbackMarkdown({
        person,
        feedback: await feedback.forPerson(person.id),
        wins: await wins.forPerson(person.id),
        responses: await db.cycleResponses.where('[personId+date]').between([person.id, '0000-01-01'], [person.id, '9999-12-31'], true, true).toArray(),
        nameOf: (id) => people?.find((p) => p.id === id)?.name,
        competencyName,
        day: (iso) => formatDate(iso, 'medium'),
      });
      const result = await saveText.run({ suggestedName: `Feedback and wins ${person.name}.md`, content, kind: 'markdown', title: 'Save feedback and wins' });
      if (result.saved) announce('Saved feedback and wins');
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };
  return (
    <Button onPress={() => void save()} isDisabled={saveText.pending}>
      Export shareable (.md)
    </Button>
  );
}
