import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'wouter';

import type { FieldErrors, Person } from '../../../shared/domain/person';
import { describeFor, type RelationshipKind } from '../../../shared/domain/relationships';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';

/** The roles offered from one person's page, and which side of the relationship they are on. */
const roles: { id: string; kind: RelationshipKind; otherIsFrom: boolean; label: (first: string) => string }[] = [
  { id: 'mentor', kind: 'mentor', otherIsFrom: true, label: (n) => `Mentor of ${n}` },
  { id: 'mentee', kind: 'mentor', otherIsFrom: false, label: (n) => `Mentee of ${n}` },
  { id: 'sponsor', kind: 'sponsor', otherIsFrom: true, label: (n) => `Sponsor of ${n}` },
  { id: 'sponsee', kind: 'sponsor', otherIsFrom: false, label: (n) => `Sponsored by ${n}` },
  { id: 'skip-manager', kind: 'skip-level', otherIsFrom: true, label: (n) => `Skip-level manager of ${n}` },
  { id: 'skip-report', kind: 'skip-level', otherIsFrom: false, label: (n) => `Skip-level report of ${n}` },
];

export function RelationshipsCard({ person, everyone }: { person: Person; everyone: Person[] }) {
  const { relationships } = useRepositories();
  const { announce } = useStatus();
  const list = useLiveQuery(() => relationships.forPerson(person.id), [relationships, person.id]);
  // The form (a picker of everyone) is drawn only when asked for: most visits only read the list.
  const [adding, setAdding] = useState(false);
  // Once the form folds away, focus goes back to the button that opened it, not to the page.
  const [folded, setFolded] = useState(false);
  const [role, setRole] = useState('mentor');
  const [otherId, setOtherId] = useState<string | null>(null);
  const [opportunity, setOpportunity] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const first = person.name.split(' ')[0] ?? person.name;
  const nameOf = new Map(everyone.map((p) => [p.id, p]));
  const chosen = roles.find((r) => r.id === role) ?? roles[0]!;

  const close = () => {
    setAdding(false);
    setFolded(true);
    setOtherId(null);
    setOpportunity('');
    setErrors({});
  };

  const add = async () => {
    if (!otherId) return setErrors({ other: 'Choose a person' });
    try {
      const [fromId, toId] = chosen.otherIsFrom ? [otherId, person.id] : [person.id, otherId];
      await relationships.create({ kind: chosen.kind, fromId, toId, opportunity });
      announce(`Added: ${nameOf.get(otherId)?.name} · ${chosen.label(first)}`);
      close();
    } catch (e) {
      if (e instanceof ValidationError) setErrors({ ...e.fieldErrors, other: e.fieldErrors.fromId ?? e.fieldErrors.toId });
      else setErrors({ form: errorMessage(e) });
    }
  };

  return (
    <section className="card section-card" aria-labelledby="relationships-heading">
      <h2 id="relationships-heading">Relationships</h2>
      {person.managerId && nameOf.get(person.managerId) && (
        <p>
          Reports to <Link href={`/people/${person.managerId}`}>{nameOf.get(person.managerId)!.name}</Link>
        </p>
      )}
      {list && list.length > 0 ? (
        <ul className="plain-list" aria-label={`Relationships of ${person.name}`}>
          {list.map((rel) => {
            const { role: label, otherId: other } = describeFor(rel, person.id);
            const otherName = nameOf.get(other)?.name ?? 'Unknown person';
            return (
              <li key={rel.id}>
                <span className="agenda-item__text">
                  <strong>{label}:</strong> <Link href={`/people/${other}`}>{otherName}</Link>
                  {rel.opportunity && <span className="muted"> · for “{rel.opportunity}”</span>}
                </span>
                <Button
                  size="small"
                  variant="quiet"
                  aria-label={`Remove ${label.toLowerCase()} ${otherName}`}
                  onPress={() => void relationships.remove(rel.id).catch((e: unknown) => setErrors({ form: errorMessage(e) }))}
                >
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">No mentors, sponsors or skip-levels recorded.</p>
      )}
      {errors.form && (
        <p className="banner banner--error" role="alert">
          {errors.form}
        </p>
      )}
      {!adding ? (
        <div className="toolbar">
          <Button autoFocus={folded} onPress={() => setAdding(true)}>
            Add a relationship…
          </Button>
        </div>
      ) : (
        <AppForm className="inline-form" onSubmit={() => add()}>
          <SelectField
            autoFocus
            label="Person"
            value={otherId}
            onChange={(v) => {
              setOtherId(v);
              setErrors({});
            }}
            placeholder="Choose a person"
            options={everyone.filter((p) => p.id !== person.id && !p.archived).map((p) => ({ id: p.id, label: p.name }))}
            error={errors.other}
          />
          <SelectField label="Is the" value={role} onChange={setRole} options={roles.map((r) => ({ id: r.id, label: r.label(first) }))} />
          {chosen.kind === 'sponsor' && (
            <TextField
              label="Opportunity"
              value={opportunity}
              onChange={setOpportunity}
              error={errors.opportunity}
              placeholder="e.g. Lead the payments migration"
            />
          )}
          <Button type="submit">Add relationship</Button>
          <Button variant="quiet" onPress={close}>
            Cancel
          </Button>
        </AppForm>
      )}
    </section>
  );
}
