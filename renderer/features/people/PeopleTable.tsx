import { trackLabels, type Person } from '../../../shared/domain/person';

export interface PeopleTableProps {
  people: Person[];
  everyone: Person[];
  onOpen: (person: Person) => void;
}

export function PeopleTable({ people, everyone, onOpen }: PeopleTableProps) {
  const nameOf = new Map(everyone.map((p) => [p.id, p.name]));
  return (
    <div className="card">
      <table className="data-table" aria-label="People">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Title</th>
            <th scope="col">Track · level</th>
            <th scope="col">Manager</th>
            <th scope="col">Started</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td>
                <button type="button" className="link-button" onClick={() => onOpen(p)} aria-label={`Edit ${p.name}`}>
                  {p.name}
                </button>{' '}
                {p.archived && <span className="badge">Archived</span>}
                {p.email && <div className="muted small">{p.email}</div>}
              </td>
              <td>{p.title ?? <span className="muted">—</span>}</td>
              <td>{[p.track && trackLabels[p.track], p.level].filter(Boolean).join(' · ') || <span className="muted">—</span>}</td>
              <td>{(p.managerId && nameOf.get(p.managerId)) ?? <span className="muted">—</span>}</td>
              <td>{p.startDate ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
