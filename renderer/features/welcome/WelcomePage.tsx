import './welcome.css';

import { useState } from 'react';
import { useLocation } from 'wouter';

import { personInputSchema } from '../../../shared/domain/person';
import type { UserRole } from '../../../shared/settings';
import { useCurrentUser } from '../../app/current-user';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { roleOptions } from '../../app/roles';
import { TrySampleTeamButton } from '../../app/SampleTeam';
import { StartupNotices } from '../../app/StartupNotices';
import { useMainAction } from '../../app/useMain';
import { usePeople } from '../../app/usePeople';
import { ValidationError } from '../../db/errors';
import { Button } from '../../ui/Button';
import { ComboBoxField } from '../../ui/ComboBoxField';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { TextField } from '../../ui/TextField';

const NEW_PERSON = '__new__';

interface Errors {
  role?: string;
  me?: string;
  name?: string;
  email?: string;
  form?: string;
}

/**
 * The first screen of a new Trellis: who is using it (a manager, an engineer, a calibration
 * committee member) and which person is "me" — chosen from the people already there (after a
 * restore, say) or created here. Or a look at a sample team first, which changes neither.
 */
export default function WelcomePage() {
  const { settings, reload } = useCurrentUser();
  const everyone = usePeople();
  const { people } = useRepositories();
  const saveSettings = useMainAction('settings:set');
  const [, navigate] = useLocation();
  const [role, setRole] = useState<UserRole | null>(settings?.userRole ?? null);
  const [choice, setChoice] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState(settings?.userEmail ?? '');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  if (everyone === undefined) return <p className="loading">Loading…</p>;
  const active = everyone.filter((p) => !p.archived);
  const creating = active.length === 0 || choice === NEW_PERSON;
  const options = [
    ...active.map((p) => ({ id: p.id, label: p.name, description: [p.title, p.email].filter(Boolean).join(' · ') || undefined })),
    { id: NEW_PERSON, label: 'I am not in the list: add me' },
  ];

  const start = async () => {
    const found: Errors = {};
    if (!role) found.role = 'Choose who is using Trellis';
    const input = { name, email, title };
    const parsed = creating ? personInputSchema.safeParse(input) : null;
    if (parsed && !parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'email' ? 'email' : 'name';
        found[field] ??= issue.message;
      }
    }
    if (!creating && !choice) found.me = 'Choose which person is you, or add yourself';
    setErrors(found);
    if (Object.keys(found).length > 0 || !role) return;
    setBusy(true);
    try {
      const meId = creating ? (await people.create(input)).id : choice!;
      await saveSettings.run({ userRole: role, mePersonId: meId });
      navigate('/');
      reload();
    } catch (e) {
      setBusy(false);
      if (e instanceof ValidationError) setErrors({ name: e.fieldErrors.name, email: e.fieldErrors.email, form: e.fieldErrors.form });
      else setErrors({ form: errorMessage(e) });
    }
  };

  return (
    <main className="welcome" id="main-content" tabIndex={-1}>
      <div className="welcome__inner">
        {/* Settings that had to be reset say so here too: it is why the welcome asks again. */}
        <StartupNotices />
        <header className="welcome__header">
          <img src="./icon.svg" alt="" width={40} height={40} />
          <div>
            <h1>Welcome to Trellis</h1>
            <p className="muted">Trellis keeps 1:1s, career ladders and promotion evidence on this computer. Nothing leaves it unless you export it.</p>
          </div>
        </header>

        <form
          className="card welcome__form"
          noValidate
          aria-label="Set up Trellis"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <RadioGroupField
            label="Who is using Trellis?"
            layout="cards"
            options={roleOptions}
            value={role}
            onChange={(r) => {
              setRole(r);
              setErrors((e) => ({ ...e, role: undefined }));
            }}
            error={errors.role}
          />

          <fieldset className="welcome__me">
            <legend className="field__label">Which person is you?</legend>
            <p className="field__description">
              Trellis names you in the notes and calendar files you share, and an import that names you as manager puts people under you.
            </p>
            {active.length > 0 && (
              <ComboBoxField
                label="You are"
                options={options}
                value={choice}
                onChange={(id) => {
                  setChoice(id);
                  setErrors((e) => ({ ...e, me: undefined }));
                }}
                placeholder="Type a name"
                error={errors.me}
              />
            )}
            {creating && (
              <div className="form-grid">
                <TextField label="Your name" value={name} onChange={setName} error={errors.name} isRequired autoComplete="name" />
                <TextField
                  label="Your email"
                  type="email"
                  value={email}
                  onChange={setEmail}
                  error={errors.email}
                  description="Optional: calendar files name you as organizer"
                  autoComplete="email"
                />
                <TextField label="Your title" value={title} onChange={setTitle} description="Optional" autoComplete="organization-title" />
              </div>
            )}
          </fieldset>

          {errors.form && (
            <p className="banner banner--error" role="alert">
              {errors.form}
            </p>
          )}
          <div className="welcome__actions">
            <Button type="submit" variant="primary" isDisabled={busy}>
              Start using Trellis
            </Button>
          </div>
        </form>

        <section className="card welcome__sample" aria-labelledby="welcome-sample-heading">
          <div>
            <h2 id="welcome-sample-heading">Not ready to add your own people?</h2>
            <p className="muted">
              Look around with a made-up team of six and a few months of 1:1s. It is kept apart from your own data, and leaving it removes it completely.
            </p>
          </div>
          <TrySampleTeamButton
            role={role ?? 'manager'}
            onBeforeOpen={() => {
              if (role) return true;
              setErrors((e) => ({ ...e, role: 'Choose who is using Trellis, to see the sample as they would' }));
              return false;
            }}
          />
        </section>
      </div>
    </main>
  );
}
