import './growth.css';

import { Link } from 'wouter';

import { usePeople } from '../../app/usePeople';
import { DataTable } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';

/** Growth: everyone's assessments start from their person here. */
export default function GrowthPage() {
  const people = usePeople();
  const active = (people ?? []).filter((p) => !p.archived).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Page title="Growth" subtitle="Where each person stands on the ladder: self and manager assessments, frozen against the ladder version they were made on.">
      {people === undefined ? (
        <p className="loading">Loading…</p>
      ) : active.length === 0 ? (
        <EmptyState icon="↗" title="No people yet">
          <p>
            Add people on the <Link href="/people">People</Link> page (add yourself to assess yourself), then assess them here.
          </p>
        </EmptyState>
      ) : (
        <DataTable label="People to assess" columns={['Name', 'Title', 'Level']}>
          {active.map((p) => (
            <tr key={p.id}>
              <td>
                <Link href={`/growth/people/${p.id}`}>{p.name}</Link>
              </td>
              <td>{p.title ?? ''}</td>
              <td>{p.level ?? ''}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Page>
  );
}
