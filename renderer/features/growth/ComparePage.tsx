import './growth.css';

import { useState } from 'react';
import { Link } from 'wouter';

import { usePerson } from '../../app/usePeople';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { ComparisonBody, ComparisonPickers } from './SideBySide';
import { useComparison } from './useComparison';

/** A person's self-assessment and manager assessment side by side, differences first. */
export default function ComparePage({ id }: { id: string }) {
  const person = usePerson(id);
  const [chosen, setChosen] = useState<{ selfId: string | null; managerId: string | null }>({ selfId: null, managerId: null });
  const comparison = useComparison(id, chosen);
  if (person === undefined || comparison.loading) return <p className="loading">Loading…</p>;
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
    <Page title={`Side by side · ${person.name}`} subtitle="Self-assessment and manager assessment, where they differ first.">
      <p className="growth-crumbs">
        <Link href={`/growth/people/${id}`}>All assessments of {person.name}</Link>
      </p>
      <ComparisonPickers comparison={comparison} onChange={(c) => setChosen((old) => ({ ...old, ...c }))} />
      <ComparisonBody comparison={comparison} />
    </Page>
  );
}
