import { Link } from 'wouter';

import { type Person, trackLabels } from '../../../shared/domain/person';
import type { Team } from '../../../shared/domain/team';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { VirtualTable } from '../../ui/VirtualTable';
import type { PlacementState } from './placements';

export interface PeopleTableProps {
  people: Person[];
  everyone: Person[];
  teams?: Team[];
  onOpen: (person: Person) => void;
  /** "Queue a talking point for the next 1:1" with this person. */
  onQueue?: (person: Person) => void;
  /** Each placed person's place on their ladder as it is now. */
  placements?: Map<string, PlacementState>;
  /** "Map to a level": for someone whose level the ladder no longer has. */
  onMap?: (person: Person) => void;
}

/** The ladder placement when there is one, else the free text from before ladders. */
function PlacementCell({ person, state, onMap }: { person: Person; state: PlacementState | undefined; onMap?: (person: Person) => void }) {
  if (!person.placement || !state) {
    return <>{[person.track && trackLabels[person.track], person.level].filter(Boolean).join(' · ') || <span className="muted">—</span>}</>;
  }
  if (state.kind === 'ok' || state.kind === 'loading') return <>{state.label}</>;
  return (
    <span className="placement-flag">
      <span className="badge badge--warning">{state.kind === 'moved' ? 'Level no longer on the ladder' : 'Ladder missing'}</span>{' '}
      <span className="muted small">{person.placement.levelId}</span>{' '}
      {onMap && state.kind === 'moved' && (
        <Button size="small" onPress={() => onMap(person)} aria-label={`Map ${person.name} to a level`}>
          Map…
        </Button>
      )}
    </span>
  );
}

export function PeopleTable({ people, everyone, teams = [], onOpen, onQueue, placements, onMap }: PeopleTableProps) {
  const nameOf = new Map(everyone.map((p) => [p.id, p.name]));
  const teamOf = new Map(teams.map((t) => [t.id, t.name]));
  return (
    <VirtualTable
      label="People"
      columns={['Name', 'Title', 'Team', 'Track · level', 'Manager', 'Started']}
      actions
      rows={people}
      rowKey={(p) => p.id}
      estimateRowHeight={58}
      renderRow={(p) => (
        <>
          <td>
            <Link href={`/people/${p.id}`} className="person-link">
              {p.name}
            </Link>{' '}
            {p.archived && <span className="badge">Archived</span>}
            {p.email && <div className="muted small">{p.email}</div>}
          </td>
          <td>{p.title ?? <span className="muted">—</span>}</td>
          <td>{(p.teamId && teamOf.get(p.teamId)) ?? <span className="muted">—</span>}</td>
          <td>
            <PlacementCell person={p} state={placements?.get(p.id)} onMap={onMap} />
          </td>
          <td>{(p.managerId && nameOf.get(p.managerId)) ?? <span className="muted">—</span>}</td>
          <td>{p.startDate ? formatDate(p.startDate, 'medium') : <span className="muted">—</span>}</td>
          <td className="row-actions">
            {onQueue && !p.archived && (
              <Button size="small" variant="quiet" onPress={() => onQueue(p)} aria-label={`Queue a talking point for ${p.name}`}>
                Queue point
              </Button>
            )}
            <Button size="small" variant="quiet" onPress={() => onOpen(p)} aria-label={`Edit ${p.name}`}>
              Edit
            </Button>
          </td>
        </>
      )}
    />
  );
}
