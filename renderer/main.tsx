import './ui/theme.css';
import './ui/components.css';
import './app/shell.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { CurrentUserProvider } from './app/current-user';
import { createRepositories, RepositoriesProvider } from './app/data';
import { DatabaseClosedBanner } from './app/DatabaseClosedBanner';
import { flushAll, listenForFlush } from './app/flush';
import { ReplayUnsaved } from './app/ReplayUnsaved';
import { readSampleSession, removeLeftoverSample, SAMPLE_DATABASE_NAME } from './app/sample-session';
import { openDatabase } from './db/database';
import { LockGate } from './features/lock';
import { DataGate } from './features/settings';

const root = createRoot(document.getElementById('root')!);

// Typing still inside an autosave delay is kept and saved before a reload, close, quit or database upgrade.
listenForFlush();

// While the sample team is open, the app runs on the sample's own database; the user's is left alone.
const sample = readSampleSession();
const db = openDatabase(
  {
    beforeClose: () => flushAll(),
    onVersionChange: () => root.render(<DatabaseClosedBanner />),
  },
  sample ? SAMPLE_DATABASE_NAME : undefined,
);
if (!sample) void removeLeftoverSample().catch(() => {});

const repositories = createRepositories(db);

root.render(
  <StrictMode>
    {/* Nothing opens the database before the gate has backed it up ahead of a schema upgrade. */}
    <DataGate>
      {/* With the passphrase lock on, nothing reads the notes before the key is in memory. */}
      <LockGate db={db}>
        <ReplayUnsaved repos={repositories}>
          <RepositoriesProvider value={repositories}>
            <CurrentUserProvider>
              <App />
            </CurrentUserProvider>
          </RepositoriesProvider>
        </ReplayUnsaved>
      </LockGate>
    </DataGate>
  </StrictMode>,
);
