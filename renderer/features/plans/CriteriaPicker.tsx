import type { CompetencyChoices } from '../../../shared/domain/goal-criteria';
import { criterionKey, type CriterionRef } from '../../../shared/evidence/refs';
import { Checkbox } from '../../ui/Checkbox';

/**
 * Competencies and criteria of the person's level (and what the next level adds) to tick, one
 * group per competency. Links the ladder no longer offers stay ticked under "Other links".
 */
export function CriteriaPicker({ groups, value, onChange }: { groups: CompetencyChoices[]; value: CriterionRef[]; onChange: (next: CriterionRef[]) => void }) {
  const chosen = new Set(value.map(criterionKey));
  const offered = new Set(groups.flatMap((g) => g.choices.map((c) => c.key)));
  const others = value.filter((r) => !offered.has(criterionKey(r)));
  const toggle = (ref: CriterionRef, on: boolean) => {
    const key = criterionKey(ref);
    onChange(on ? [...value.filter((r) => criterionKey(r) !== key), ref] : value.filter((r) => criterionKey(r) !== key));
  };
  return (
    <div className="criteria-picker">
      {groups.map((g) => (
        <fieldset key={g.competencyId} className="criteria-picker__group">
          <legend>{g.name}</legend>
          {g.choices.map((c) => (
            <Checkbox key={c.key} isSelected={chosen.has(c.key)} onChange={(on) => toggle(c.ref, on)}>
              <span>
                {c.text ?? `${g.name} as a whole`}
                {c.text && c.where && <span className="muted small"> · {c.where}</span>}
              </span>
            </Checkbox>
          ))}
        </fieldset>
      ))}
      {others.length > 0 && (
        <fieldset className="criteria-picker__group">
          <legend>Other links</legend>
          {others.map((r) => (
            <Checkbox key={criterionKey(r)} isSelected onChange={(on) => toggle(r, on)}>
              {r.criterionId ?? r.competencyId}
            </Checkbox>
          ))}
        </fieldset>
      )}
    </div>
  );
}
