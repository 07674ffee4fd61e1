import './plans.css';

import { useState } from 'react';

import type { Settings } from '../../../shared/settings';
import { errorMessage } from '../../app/errors';
import { useMainAction } from '../../app/useMain';
import { Button } from '../../ui/Button';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';

const wholeMonths = (text: string): number | null | 'bad' => {
  const t = text.trim();
  if (t === '') return null;
  return /^\d{1,3}$/.test(t) ? Number(t) : 'bad';
};

/** Settings › Growth: when someone counts as long in their level, and how recent a career conversation must be. */
export function GrowthSettingsSection({ settings }: { settings: Settings }) {
  const save = useMainAction('settings:set');
  const { announce } = useStatus();
  const [limit, setLimit] = useState(settings.stagnationMonths === null ? '' : String(settings.stagnationMonths));
  const [career, setCareer] = useState(String(settings.careerConversationMonths));
  const [errors, setErrors] = useState<{ limit?: string; career?: string }>({});
  const submit = async () => {
    const l = wholeMonths(limit);
    const c = wholeMonths(career);
    const next = {
      limit: l === 'bad' ? 'Enter whole months, like 24, or leave it empty' : undefined,
      career: c === 'bad' || c === null ? 'Enter whole months, like 6' : undefined,
    };
    setErrors(next);
    if (next.limit || next.career) return;
    try {
      await save.run({ stagnationMonths: l as number | null, careerConversationMonths: c as number });
      announce('Saved the growth check');
    } catch (e) {
      setErrors({ limit: errorMessage(e) });
    }
  };
  return (
    <section className="card settings-section" aria-labelledby="growth-settings-heading">
      <h2 id="growth-settings-heading">Growth check</h2>
      <p className="muted">
        Today, the prep view and a person’s page flag someone past this time in their level with no goal in progress and no recent career conversation.
      </p>
      <form
        className="plans-milestone-form"
        aria-label="Growth check"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField
          label="Months in one level"
          placeholder="The ladder’s typical time"
          value={limit}
          onChange={setLimit}
          error={errors.limit}
          inputMode="numeric"
        />
        <TextField label="Career conversation within (months)" value={career} onChange={setCareer} error={errors.career} inputMode="numeric" />
        <Button type="submit" isDisabled={save.pending}>
          Save
        </Button>
      </form>
    </section>
  );
}
