import { useEffect, useState } from 'react';

import type { AppInfo } from '../../../shared/ipc/contract';
import { type Settings, settingsPatchSchema } from '../../../shared/settings';
import { trellis, unwrap } from '../../app/ipc';
import { applyTheme } from '../../app/theme';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';

/** "Your email", saved when the field is left or Enter is pressed; used as the calendar organizer. */
function YourEmail({ settings, onSaved }: { settings: Settings; onSaved: (next: Settings) => void }) {
  const [draft, setDraft] = useState(settings.userEmail ?? '');
  const [error, setError] = useState<string | undefined>();
  const { announce } = useStatus();
  const save = async () => {
    const value = draft.trim().toLowerCase() || null;
    if (value === settings.userEmail) return;
    const checked = settingsPatchSchema.shape.userEmail.safeParse(value);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message);
      return;
    }
    try {
      onSaved(await unwrap(trellis().settingsSet({ userEmail: value })));
      setDraft(value ?? '');
      announce(value ? 'Saved your email' : 'Removed your email');
    } catch (e) {
      setError((e as Error).message);
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
import { DataAndBackups } from './BackupSection';

export default function SettingsPage() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { announce } = useStatus();

  useEffect(() => {
    Promise.all([unwrap(trellis().settingsGet()), unwrap(trellis().appInfo())])
      .then(([s, i]) => {
        setSettings(s);
        setInfo(i);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const setTheme = async (theme: Settings['theme']) => {
    try {
      const next = await unwrap(trellis().settingsSet({ theme }));
      setSettings(next);
      applyTheme(next.theme);
      announce('Saved');
    } catch (e) {
      announce((e as Error).message, 'error');
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
          <SelectField
            label="Theme"
            value={settings.theme}
            onChange={(v) => v && void setTheme(v as Settings['theme'])}
            options={[
              { id: 'system', label: 'Same as the system' },
              { id: 'light', label: 'Light' },
              { id: 'dark', label: 'Dark' },
            ]}
          />
        </section>
      )}
      {settings && (
        <section className="card settings-section" aria-labelledby="you-heading">
          <h2 id="you-heading">You</h2>
          <YourEmail settings={settings} onSaved={setSettings} />
        </section>
      )}
      {info && <DataAndBackups info={info} />}
    </Page>
  );
}
