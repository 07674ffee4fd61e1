import { lazy, Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';

import { PlaceholderPage } from '../features/placeholder/PlaceholderPage';
import { StatusProvider } from '../ui/Status';
import { Sidebar } from './Sidebar';
import { useThemeFromSettings } from './theme';

const TodayPage = lazy(() => import('../features/today/TodayPage'));
const PeoplePage = lazy(() => import('../features/people/PeoplePage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const LaddersPage = lazy(() => import('../features/ladders/LaddersPage'));
const PersonPage = lazy(() => import('../features/people/PersonPage'));
const OneOnOnesPage = lazy(() => import('../features/one-on-ones/OneOnOnesPage'));
const MeetingPage = lazy(() => import('../features/one-on-ones/MeetingPage'));
const PrepPage = lazy(() => import('../features/one-on-ones/PrepPage'));
const TemplatesPage = lazy(() => import('../features/one-on-ones/TemplatesPage'));
const OverduePage = lazy(() => import('../features/today/OverduePage'));

export function App() {
  useThemeFromSettings();
  return (
    <Router hook={useHashLocation}>
      <StatusProvider>
        <a
          className="skip-link"
          href="#main-content"
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('main-content')?.focus();
          }}
        >
          Skip to content
        </a>
        <div className="app">
          <Sidebar />
          <main className="main" id="main-content" tabIndex={-1}>
            <Suspense fallback={<p className="loading">Loading…</p>}>
              <Switch>
                <Route path="/" component={TodayPage} />
                <Route path="/today/overdue" component={OverduePage} />
                <Route path="/people" component={PeoplePage} />
                <Route path="/ladders" component={LaddersPage} />
                <Route path="/people/:id">{(params) => <PersonPage key={params.id} id={params.id} />}</Route>
                <Route path="/one-on-ones" component={OneOnOnesPage} />
                <Route path="/one-on-ones/templates" component={TemplatesPage} />
                <Route path="/one-on-ones/meetings/:id">{(params) => <MeetingPage key={params.id} id={params.id} />}</Route>
                <Route path="/one-on-ones/prep/:seriesId">{(params) => <PrepPage key={params.seriesId} seriesId={params.seriesId} />}</Route>
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
