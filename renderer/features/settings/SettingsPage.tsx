import type { Settings } from '../../../shared/settings';
import { errorMessage } from '../../app/errors';
import { applyTheme } from '../../app/theme';
import { useMainAction, useMainQuery } from '../../app/useMain';
import { Page } from '../../ui/Page';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { LockSettings } from '../lock';
import { WorkingHoursSection } from '../one-on-ones';
import { GrowthSettingsSection } from '../plans';
import { DataAndBackups } from './BackupSection';
import { SampleTeamSection, YouSection } from './YouSection';

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
      {settings && <YouSection />}
      {settings && <SampleTeamSection />}
      {settings && <WorkingHoursSection key={JSON.stringify(settings.workingHours)} settings={settings} />}
      {settings && <GrowthSettingsSection key={`${settings.stagnationMonths}:${settings.careerConversationMonths}`} settings={settings} />}
      <LockSettings />
      {info && <DataAndBackups info={info} />}
    </Page>
  );
}
