import type { Person } from '../../../shared/domain/person';
import { criterionKey, type CriterionRef, sameCriterion } from '../../../shared/evidence/refs';
import { Checkbox } from '../../ui/Checkbox';
import { useCompetencies } from './useCompetencies';

/**
 * What on the ladder a record speaks to: the competencies of the person's placement, ticked.
 * References already on the record that the placement no longer lists stay (shown, untickable
 * off only), so changing someone's level never drops evidence silently.
 */
export function CriteriaField({
  person,
  value,
  onChange,
}: {
  person: Person | null;
  value: readonly CriterionRef[];
  onChange: (next: CriterionRef[]) => void;
}) {
  const { choices, loading, error, ladderName } = useCompetencies(person);
  const listed = new Set(choices.map((c) => c.ref.competencyId));
  const others = value.filter((r) => !listed.has(r.competencyId));
  const has = (competencyId: string) => value.some((r) => r.competencyId === competencyId);
  return (
    <fieldset className="criteria-field">
      <legend className="field__label">Competencies</legend>
      {!person ? (
        <p className="field__description">Choose who it is about to see their ladder’s competencies.</p>
      ) : !person.placement ? (
        <p className="field__description">{person.name} is not placed on a ladder yet (on their page), so this names no competency.</p>
      ) : loading ? (
        <p className="field__description">Loading the ladder…</p>
      ) : error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : (
        <>
          <p className="field__description">From {ladderName}, at their level.</p>
          <div className="criteria-field__options">
            {choices.map((c) => (
              <Checkbox
                key={c.ref.competencyId}
                isSelected={has(c.ref.competencyId)}
                onChange={(on) => onChange(on ? [...value, c.ref] : value.filter((r) => r.competencyId !== c.ref.competencyId))}
              >
                {c.name}
              </Checkbox>
            ))}
            {others.map((r) => (
              <Checkbox key={criterionKey(r)} isSelected onChange={() => onChange(value.filter((v) => !sameCriterion(v, r)))}>
                {r.competencyId} (not on their ladder now)
              </Checkbox>
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}
