import { useEffect, useState } from 'react';

import type { AppInfo } from '../../../shared/ipc/contract';
import type { Settings } from '../../../shared/settings';
import { trellis, unwrap } from '../../app/ipc';
import { applyTheme } from '../../app/theme';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
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
      {info && <DataAndBackups info={info} />}
    </Page>
  );
}
