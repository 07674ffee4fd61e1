import './growth.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'wouter';

import { type AssessmentKind, assessmentKindLabels } from '../../../shared/domain/assessments';
import { useRepositories } from '../../app/data';
import { usePerson } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { ImportAssessmentDialog } from './ImportAssessmentDialog';
import { NewAssessmentDialog } from './NewAssessmentDialog';
import { StatusBadge } from './StatusBadge';

/** One person's assessments, newest period first, with starting and importing new ones. */
export default function PersonGrowthPage({ id }: { id: string }) {
  const person = usePerson(id);
  const { assessments } = useRepositories();
  const rows = useLiveQuery(() => assessments.forPerson(id), [assessments, id]);
  const [creating, setCreating] = useState<AssessmentKind | null>(null);
  const [importing, setImporting] = useState(false);

  if (person === undefined) return <p className="loading">Loading…</p>;
  if (person === null)
    return (
      <Page title="Person not found">
        <EmptyState icon="?" title="This person is not here any more">
          <p>
            Go back to <Link href="/growth">Growth</Link>.
          </p>
        </EmptyState>
      </Page>
    );

  return (
    <Page
      title={`Growth · ${person.name}`}
      subtitle={[person.title, person.level].filter(Boolean).join(' · ') || undefined}
      actions={
        <div className="toolbar">
          <Button onPress={() => setImporting(true)}>Import self-assessment…</Button>
          <Button onPress={() => setCreating('self')}>New self-assessment</Button>
          <Button variant="primary" onPress={() => setCreating('manager')}>
            New manager assessment
          </Button>
        </div>
      }
    >
      {rows === undefined ? (
        <p className="loading">Loading…</p>
      ) : rows.length === 0 ? (
        <EmptyState icon="↗" title={`No assessments of ${person.name} yet`}>
          <p>Start a self-assessment (with them, or on their own Trellis and import the file) or a manager assessment.</p>
        </EmptyState>
      ) : (
        <DataTable label="Assessments" columns={['Assessment', 'Period', 'Level', 'Ladder', 'Status']}>
          {rows.map((a) => (
            <tr key={a.id}>
              <td>
                <Link href={`/growth/assessments/${a.id}`}>
                  {assessmentKindLabels[a.kind]}
                  {a.revision > 1 ? `, revision ${a.revision}` : ''}
                </Link>
                {a.importedFrom && <span className="muted small"> · imported</span>}
              </td>
              <td>
                {formatDate(a.period.from, 'medium')} – {formatDate(a.period.to, 'medium')}
              </td>
              <td>{a.levelId}</td>
              <td>
                {a.ladder.ladderId} {a.ladder.version}
              </td>
              <td>
                <StatusBadge status={a.status} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {creating && <NewAssessmentDialog person={person} kind={creating} onClose={() => setCreating(null)} />}
      {importing && <ImportAssessmentDialog person={person} onClose={() => setImporting(false)} />}
    </Page>
  );
}
