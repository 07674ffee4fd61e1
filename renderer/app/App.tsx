import { lazy, Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { StatusProvider } from '../ui/Status';
import { PlaceholderPage } from '../features/placeholder/PlaceholderPage';
import { Sidebar } from './Sidebar';
import { useThemeFromSettings } from './theme';

const TodayPage = lazy(() => import('../features/today/TodayPage'));
const PeoplePage = lazy(() => import('../features/people/PeoplePage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const LaddersPage = lazy(() => import('../features/ladders/LaddersPage'));

export function App() {
  useThemeFromSettings();
  return (
    <Router hook={useHashLocation}>
      <StatusProvider>
        <a className="skip-link" href="#main-content" onClick={(e) => { e.preventDefault(); document.getElementById('main-content')?.focus(); }}>
          Skip to content
        </a>
        <div className="app">
          <Sidebar />
          <main className="main" id="main-content" tabIndex={-1}>
            <Suspense fallback={<p className="loading">Loading…</p>}>
              <Switch>
                <Route path="/" component={TodayPage} />
                <Route path="/people" component={PeoplePage} />
                <Route path="/ladders" component={LaddersPage} />
                <Route path="/settings" component={SettingsPage} />
                <Route path="/:section">{(params) => <PlaceholderPage section={params.section} />}</Route>
              </Switch>
            </Suspense>
          </main>
        </div>
      </StatusProvider>
    </Router>
  );
}
