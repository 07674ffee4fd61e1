import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { criterionLabel } from '../../../shared/domain/goal-criteria';
import { goalCriteriaChoices } from '../../../shared/domain/goal-criteria';
import type { Person } from '../../../shared/domain/person';
import { describeFor } from '../../../shared/domain/relationships';
import { type StretchProject, type StretchStatus, stretchStatuses, stretchStatusLabels } from '../../../shared/domain/stretch';
import type { CriterionRef } from '../../../shared/evidence/refs';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { usePeople } from '../../app/usePeople';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { ComboBoxField } from '../../ui/ComboBoxField';
import { DataTable } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { CriteriaPicker } from './CriteriaPicker';
import { usePersonLadder } from './useLadder';

type Errors = Partial<Record<'title' | 'sponsorId' | 'outcome' | 'form', string>>;

function StretchDialog({ person, project, onClose }: { person: Person; project?: StretchProject; onClose: () => void }) {
  const { stretch } = useRepositories();
  const people = usePeople();
  const { ladder } = usePersonLadder(person);
  const [title, setTitle] = useState(project?.title ?? '');
  const [sponsorId, setSponsorId] = useState<string | null>(project?.sponsorId ?? null);
  const [status, setStatus] = useState<StretchStatus>(project?.status ?? 'active');
  const [outcome, setOutcome] = useState(project?.outcome ?? '');
  const [criteria, setCriteria] = useState<CriterionRef[]>(project?.criteria ?? []);
  const [errors, setErrors] = useState<Errors>({});
  // Competencies as a whole: a stretch project grows a skill, not one line of a level.
  const groups =
    ladder && person.placement ? goalCriteriaChoices(ladder, person.placement).map((g) => ({ ...g, choices: g.choices.filter((c) => !c.text) })) : [];
  const save = async () => {
    try {
      const input = { title, sponsorId, status, outcome, criteria };
      if (project) await stretch.updateProject(project.id, input);
      else await stretch.addProject(person.id, input);
      onClose();
    } catch (e) {
      setErrors(e instanceof ValidationError ? e.fieldErrors : { form: errorMessage(e) });
    }
  };
  const options = (people ?? [])
    .filter((p) => p.id !== person.id && !p.archived)
    .map((p) => ({ id: p.id, label: p.name, ...(p.title ? { description: p.title } : {}) }));
  return (
    <Dialog title={project ? 'Edit stretch project' : `New stretch project for ${person.name}`} size="wide" isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm className="person-form" onSubmit={() => save()} formError={errors.form}>
        <TextField
          label="What"
          description="The opportunity, e.g. “Lead the payments migration”"
          value={title}
          onChange={setTitle}
          isRequired
          autoFocus
          error={errors.title}
        />
        <div className="form-grid">
          <ComboBoxField
            label="Sponsor"
            options={options}
            value={sponsorId}
            onChange={setSponsorId}
            placeholder="No sponsor yet"
            emptyText="No one by that name"
            error={errors.sponsorId}
          />
          <SelectField<StretchStatus>
            label="Status"
            value={status}
            onChange={setStatus}
            options={stretchStatuses.map((s) => ({ id: s, label: stretchStatusLabels[s] }))}
          />
        </div>
        <TextArea label="Outcome" description="How it went: shared with them" value={outcome} onChange={setOutcome} rows={3} error={errors.outcome} />
        <h3 className="plans-subheading">Grows</h3>
        {groups.length === 0 ? (
          <p className="muted">Place {person.name} on a ladder to say which competencies it grows.</p>
        ) : (
          <CriteriaPicker groups={groups} value={criteria} onChange={setCriteria} />
        )}
        <FormActions submitLabel={project ? 'Save stretch project' : 'Add stretch project'} onCancel={onClose} />
      </AppForm>
    </Dialog>
  );
}

/**
 * Stretch work for a person, with who sponsors it; the sponsor relationships already recorded on
 * their page (People › Relationships) are shown with it, so the two never tell different stories.
 */
export function StretchSection({ person }: { person: Person }) {
  const repos = useRepositories();
  const people = usePeople();
  const { ladder } = usePersonLadder(person);
  const data = useLiveQuery(async () => {
    const [projects, relationships] = await Promise.all([repos.stretch.projects(person.id), repos.relationships.forPerson(person.id)]);
    return { projects, sponsors: relationships.filter((r) => r.kind === 'sponsor' && r.toId === person.id) };
  }, [repos, person.id]);
  const [editing, setEditing] = useState<StretchProject | 'new' | null>(null);
  const nameOf = (id: string | null) => (id ? (people?.find((p) => p.id === id)?.name ?? 'Someone no longer in Trellis') : null);
  return (
    <section className="card section-card plans-section" aria-labelledby="stretch-heading">
      <div className="section-card__header">
        <h2 id="stretch-heading">Stretch and sponsorship</h2>
        <Button size="small" onPress={() => setEditing('new')}>
          New stretch project
        </Button>
      </div>
      {data && data.sponsors.length > 0 && (
        <ul className="plain-list" aria-label="Sponsors">
          {data.sponsors.map((r) => (
            <li key={r.id}>
              <span className="agenda-item__text">
                Sponsored by <strong>{nameOf(describeFor(r, person.id).otherId)}</strong>
                {r.opportunity ? ` for ${r.opportunity}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data === undefined ? (
        <p className="loading">Loading…</p>
      ) : data.projects.length === 0 ? (
        <p className="muted">No stretch projects yet: work a level up, with someone who vouches for it.</p>
      ) : (
        <DataTable label="Stretch projects" columns={['What', 'Sponsor', 'Grows', 'Status', 'Outcome']}>
          {data.projects.map((s) => (
            <tr key={s.id}>
              <td>
                <button type="button" className="link-button" onClick={() => setEditing(s)}>
                  {s.title}
                </button>
              </td>
              <td>{nameOf(s.sponsorId) ?? <span className="muted">None yet</span>}</td>
              <td>{s.criteria.length ? s.criteria.map((r) => criterionLabel(ladder, r)).join(', ') : <span className="muted">—</span>}</td>
              <td>{stretchStatusLabels[s.status]}</td>
              <td>{s.outcome ? s.outcome.split('\n')[0] : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {editing && <StretchDialog person={person} {...(editing === 'new' ? {} : { project: editing })} onClose={() => setEditing(null)} />}
    </section>
  );
}
