import './one-on-ones.css';

import { useState } from 'react';

import { weekdayLabels } from '../../../shared/domain/cadence';
import { type Settings, type WorkingHours, workingHoursSchema } from '../../../shared/settings';
import { errorMessage } from '../../app/errors';
import { useMainAction } from '../../app/useMain';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';

type Errors = { start?: string; end?: string; days?: string; form?: string };

/** Settings › Working hours: where "Find a free slot" looks for a new series' time. */
export function WorkingHoursSection({ settings }: { settings: Settings }) {
  const save = useMainAction('settings:set');
  const { announce } = useStatus();
  const [draft, setDraft] = useState<WorkingHours>(settings.workingHours);
  const [errors, setErrors] = useState<Errors>({});
  const set = (patch: Partial<WorkingHours>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors({});
  };
  const toggle = (day: number, on: boolean) =>
    set({ days: on ? [...new Set([...draft.days, day])].sort((a, b) => a - b) : draft.days.filter((d) => d !== day) });
  const submit = async () => {
    const parsed = workingHoursSchema.safeParse(draft);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof Errors | undefined;
        next[field && field in { start: 1, end: 1, days: 1 } ? field : 'form'] ??= issue.message;
      }
      return setErrors(next);
    }
    try {
      await save.run({ workingHours: parsed.data });
      announce('Saved your working hours');
    } catch (e) {
      setErrors({ form: errorMessage(e) });
    }
  };
  return (
    <section className="card settings-section" aria-labelledby="working-hours-heading">
      <h2 id="working-hours-heading">Working hours</h2>
      <p className="muted">“Find a free slot” proposes a new series’ time only within these hours, on these days.</p>
      <AppForm onSubmit={submit} aria-label="Working hours" formError={errors.form} className="working-hours-form">
        <div className="form-grid">
          <TextField label="Day starts" type="time" value={draft.start} onChange={(start) => set({ start })} error={errors.start} />
          <TextField label="Day ends" type="time" value={draft.end} onChange={(end) => set({ end })} error={errors.end} />
        </div>
        <fieldset className="working-hours-days" aria-describedby={errors.days ? 'working-days-error' : undefined}>
          <legend>Working days</legend>
          <div className="working-hours-days__list">
            {weekdayLabels.map((label, i) => (
              <Checkbox key={label} isSelected={draft.days.includes(i + 1)} onChange={(on) => toggle(i + 1, on)}>
                {label}
              </Checkbox>
            ))}
          </div>
          {errors.days && (
            <p id="working-days-error" className="field__error" role="alert">
              {errors.days}
            </p>
          )}
        </fieldset>
        <div>
          <Button type="submit" isDisabled={save.pending}>
            Save
          </Button>
        </div>
      </AppForm>
    </section>
  );
}
