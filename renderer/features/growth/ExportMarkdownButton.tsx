import { assessmentMarkdown } from '../../../shared/domain/assessment-markdown';
import { type Assessment, assessmentKindLabels } from '../../../shared/domain/assessments';
import type { Person } from '../../../shared/domain/person';
import type { Ladder } from '../../../shared/ladder';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useMainAction } from '../../app/useMain';
import { shareableEvidenceKeys } from '../../db/evidence';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { useStatus } from '../../ui/Status';

/**
 * "Export as Markdown…": the finished assessment as the person may read it, saved where the user
 * picks (main's dialog). shareable() decides what goes in; linked evidence only when that record may leave too.
 */
export function ExportMarkdownButton({
  assessment,
  person,
  ladder,
  onError,
}: {
  assessment: Assessment;
  person: Pick<Person, 'name'>;
  ladder: Ladder;
  onError: (message: string | null) => void;
}) {
  const { db } = useRepositories();
  const saveText = useMainAction('files:save-text');
  const { announce } = useStatus();
  const save = async () => {
    onError(null);
    try {
      const keys = await shareableEvidenceKeys(db, assessment.personId);
      const md = assessmentMarkdown({
        assessment,
        person,
        ladder,
        linkShareable: (link) => keys.has(`${link.kind}:${link.id}`),
        day: (iso) => formatDate(iso, 'medium'),
      });
      if (!md.ok) return onError(md.message);
      const name = `${assessmentKindLabels[assessment.kind]} ${person.name} ${assessment.period.to} r${assessment.revision}`.replace(/[^\p{L}\p{N} ._-]/gu, '');
      const result = await saveText.run({ suggestedName: `${name}.md`, content: md.text, kind: 'markdown', title: 'Export the assessment as Markdown' });
      if (result.saved) announce(`Exported to ${result.path ?? 'the file you chose'}`);
    } catch (e) {
      onError(errorMessage(e));
    }
  };
  return (
    <Button onPress={() => void save()} isDisabled={saveText.pending}>
      Export as Markdown…
    </Button>
  );
}
