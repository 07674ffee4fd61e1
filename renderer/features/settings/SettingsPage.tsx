import { useState } from 'react';

import { type Settings, settingsPatchSchema } from '../../../shared/settings';
import { errorMessage } from '../../app/errors';
import { applyTheme } from '../../app/theme';
import { useMainAction, useMainQuery } from '../../app/useMain';
import { Page } from '../../ui/Page';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';
import { LockSettings } from '../lock';
import { DataAndBackups } from './BackupSection';

/** "Your email", saved when the field is left or Enter is pressed; used as the calendar organizer. */
function YourEmail({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState(settings.userEmail ?? '');
  const [error, setError] = useState<string | undefined>();
  const { announce } = useStatus();
  const saveSettings = useMainAction('settings:set');
  const save = async () => {
    const value = draft.trim().toLowerCase() || null;
    if (value === settings.userEmail) return;
    const checked = settingsPatchSchema.shape.userEmail.safeParse(value);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message);
      return;
    }
    try {
      await saveSettings.run({ userEmail: value });
      setDraft(value ?? '');
      announce(value ? 'Saved your email' : 'Removed your email');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField
        label="Your email"
        type="email"
        value={draft}
        onChange={(v) => {
          setDraft(v);
          setError(undefined);
        }}
        onBlur={() => void save()}
        error={error}
        description="Calendar files you save name you as the organizer, and the person as attendee"
      />
    </form>
  );
}

const themes: SelectOption<Settings['theme']>[] = [
  { id: 'system', label: 'Same as the system' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];

export default function SettingsPage() {
  const current = useMainQuery('settings:get', undefined, { refreshOn: ['settings:changed'] });
  const about = useMainQuery('app:info', undefined);
  const save = useMainAction('settings:set');
  const { announce } = useStatus();
  const settings = current.value;
  const info = about.value;
  const error = current.error ?? about.error;

  const setTheme = async (theme: Settings['theme']) => {
    try {
      const next = await save.run({ theme });
      applyTheme(next.theme);
      current.reload();
      announce('Saved');
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };

  return (
    <Page title="Settings">
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      {settings && (
        <section className="card settings-section" aria-labelledby="appearance-heading">
          <h2 id="appearance-heading">Appearance</h2>
          <SelectField label="Theme" value={settings.theme} onChange={(theme) => void setTheme(theme)} options={themes} />
        </section>
      )}
      {settings && (
        <section className="card settings-section" aria-labelledby="you-heading">
          <h2 id="you-heading">You</h2>
          <YourEmail settings={settings} />
        </section>
      )}
      <LockSettings />
      {info && <DataAndBackups info={info} />}
    </Page>
  );
}
