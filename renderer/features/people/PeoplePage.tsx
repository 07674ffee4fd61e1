import './people.css';

import { useEffect, useState } from 'react';

import type { Person } from '../../../shared/domain/person';
import { usePeople, useTeams } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { Segmented } from '../../ui/Segmented';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { ExportNotesButton, QueuePointDialog } from '../one-on-ones';
import { matchesFilter } from './filter';
import { ImportPeopleDialog } from './ImportPeopleDialog';
import { MapPlacementDialog } from './MapPlacementDialog';
import { OrgChart } from './OrgChart';
import { PeopleTable } from './PeopleTable';
import { PersonDialog } from './PersonDialog';
import { type PlacementState, usePlacementStates } from './placements';
import { TeamsDialog } from './TeamsDialog';

type View = 'list' | 'org';
/** A choice of the team filter beside the teams themselves: everyone who has no team. */
const WITHOUT_TEAM = 'without-team';
type Editing = { person: Person | null } | null;
const noPeople: Person[] = [];

/**
 * After adding someone, focus goes to their name in the list (the button that opened the dialog
 * may be gone: the empty state's). It waits for the list to show them, and for react-aria's own
 * focus restore (a frame after the dialog closed) so that does not take focus back.
 */
function useFocusNewPerson(id: string | null, everyone: readonly { id: string }[] | undefined, setId: (id: null) => void) {
  useEffect(() => {
    if (!id || !everyone?.some((p) => p.id === id)) return;
    const frame = requestAnimationFrame(() => {
      document.querySelector<HTMLElement>(`a.person-link[href$="/people/${CSS.escape(id)}"]`)?.focus();
      setId(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [id, everyone, setId]);
}

export default function PeoplePage() {
  const everyone = usePeople();
  const [query, setQuery] = useState('');
  const [view, setView] = useState<View>('list');
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [justAdded, setJustAdded] = useState<string | null>(null);
  useFocusNewPerson(justAdded, everyone, setJustAdded);
  const teamList = useTeams() ?? [];
  // null: every team.
  const [teamFilter, setTeamFilter] = useState<string | null>(null);
  const [managingTeams, setManagingTeams] = useState(false);
  const [queueFor, setQueueFor] = useState<Person | null>(null);
  const [importing, setImporting] = useState(false);
  const placements = usePlacementStates(everyone ?? noPeople);
  const [mapping, setMapping] = useState<Person | null>(null);

  const addButton = (
    <Button variant="primary" onPress={() => setEditing({ person: null })}>
      Add person
    </Button>
  );

  if (everyone === undefined) return <p className="loading">Loading people…</p>;

  const active = everyone.filter((p) => !p.archived);
  const archivedCount = everyone.length - active.length;
  const inTeam = (p: Person) => teamFilter === null || (teamFilter === WITHOUT_TEAM ? !p.teamId : p.teamId === teamFilter);
  const visible = everyone.filter((p) => (showArchived || !p.archived) && matchesFilter(p, query) && inTeam(p));
  const adrift = active.filter((p) => {
    const kind = placements.get(p.id)?.kind;
    return kind === 'moved' || kind === 'no-ladder';
  });
  const mappingState = mapping ? placements.get(mapping.id) : undefined;

  return (
    <Page
      title="People"
      subtitle={
        everyone.length > 0 && (
          <span className="people-count">
            {active.length} active{archivedCount > 0 ? ` · ${archivedCount} archived` : ''}
          </span>
        )
      }
      actions={
        <>
          <Button onPress={() => setManagingTeams(true)}>Teams…</Button>
          <Button onPress={() => setImporting(true)}>Import CSV…</Button>
          {everyone.length > 0 && <ExportNotesButton label="Export all notes…" />}
          {everyone.length > 0 && addButton}
        </>
      }
    >
      {everyone.length === 0 ? (
        <EmptyState icon="◉" title="No people yet" action={addButton}>
          <p>Add the people you work with: your reports, their reports, your mentees. Everything stays on this computer.</p>
        </EmptyState>
      ) : (
        <>
          {adrift.length > 0 && <AdriftNotice people={adrift} placements={placements} onMap={setMapping} />}
          <div className="toolbar">
            <TextField
              className="filter-field"
              label="Filter people"
              type="search"
              value={query}
              onChange={setQuery}
              placeholder="Name, email, title, level…"
            />
            {teamList.length > 0 && (
              <div className="team-filter">
                <SelectField
                  label="Team"
                  value={teamFilter}
                  onChange={setTeamFilter}
                  empty="All teams"
                  options={[...teamList.map((t) => ({ id: t.id, label: t.name })), { id: WITHOUT_TEAM, label: 'No team' }]}
                />
              </div>
            )}
            <Segmented<View>
              label="View"
              value={view}
              onChange={setView}
              options={[
                { id: 'list', label: 'List' },
                { id: 'org', label: 'Org chart' },
              ]}
            />
            {archivedCount > 0 && (
              <Checkbox isSelected={showArchived} onChange={setShowArchived}>
                Show archived
              </Checkbox>
            )}
          </div>
          {visible.length === 0 ? (
            <EmptyState title="Nobody matches this filter">
              <p>Try fewer words, or clear the filter.</p>
              <Button
                onPress={() => {
                  setQuery('');
                  setTeamFilter(null);
                }}
              >
                Clear filter
              </Button>
            </EmptyState>
          ) : view === 'list' ? (
            <PeopleTable
              people={visible}
              everyone={everyone}
              teams={teamList}
              onOpen={(p) => setEditing({ person: p })}
              onQueue={setQueueFor}
              placements={placements}
              onMap={setMapping}
            />
          ) : (
            <OrgChart people={visible} onOpen={(p) => setEditing({ person: p })} />
          )}
        </>
      )}
      {importing && <ImportPeopleDialog everyone={everyone} onClose={() => setImporting(false)} />}
      {editing && (
        <PersonDialog
          key={editing.person?.id ?? 'new'}
          person={editing.person}
          everyone={everyone}
          isOpen
          onClose={(saved) => {
            if (saved && !editing.person) setJustAdded(saved.id);
            setEditing(null);
          }}
        />
      )}
      {mapping && mappingState?.kind === 'moved' && (
        <MapPlacementDialog key={mapping.id} person={mapping} state={mappingState} onClose={() => setMapping(null)} />
      )}
      {managingTeams && <TeamsDialog onClose={() => setManagingTeams(false)} />}
      {queueFor && <QueuePointDialog personId={queueFor.id} personName={queueFor.name} onClose={() => setQueueFor(null)} />}
    </Page>
  );
}

/** Someone's level (or whole ladder) is gone since they were placed: said once above the list, with a way to map each of them. */
function AdriftNotice({ people, placements, onMap }: { people: Person[]; placements: Map<string, PlacementState>; onMap: (p: Person) => void }) {
  const count = people.length === 1 ? '1 person is' : `${people.length} people are`;
  return (
    <div className="banner banner--warning placement-notice" role="status">
      <p>
        <strong>{count} on a level their ladder no longer has.</strong> The ladder changed since they were placed; map them to a level of the new version.
      </p>
      <ul>
        {people.slice(0, 20).map((p) => {
          const state = placements.get(p.id)!;
          return (
            <li key={p.id}>
              {p.name}: {state.kind === 'moved' ? state.check.message : state.kind === 'no-ladder' ? state.message : ''}{' '}
              {state.kind === 'moved' && (
                <Button size="small" onPress={() => onMap(p)}>
                  Map {p.name}…
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {people.length > 20 && <p className="muted">and {people.length - 20} more (flagged in the list).</p>}
    </div>
  );
}
