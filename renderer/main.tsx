import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/theme.css';
import './ui/components.css';
import './app/shell.css';
import { App } from './app/App';
import { createRepositories, RepositoriesProvider } from './app/data';
import { openDatabase } from './db/database';
import { DatabaseClosedBanner } from './app/DatabaseClosedBanner';

const root = createRoot(document.getElementById('root')!);

const db = openDatabase({
  onVersionChange: () => root.render(<DatabaseClosedBanner />),
});

root.render(
  <StrictMode>
    <RepositoriesProvider value={createRepositories(db)}>
      <App />
    </RepositoriesProvider>
  </StrictMode>,
);
