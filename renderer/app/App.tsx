// Growth plans register their palette commands and prep section as they load: on every start.
import '../features/plans';

import { Suspense, useEffect } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';

import { FollowUpReminders } from '../features/feedback';
import { PlaceholderPage } from '../features/placeholder';
import { preloadableLazy, preloadAll } from '../ui/lazy-part';
import { MarkdownLinksProvider } from '../ui/markdown-links';
import { StatusProvider, useStatus } from '../ui/Status';
import { CommandLayer } from './CommandLayer';
import { useCurrentUser } from './current-user';
import { errorMessage } from './errors';
import { afterFirstScreen, idleMoment } from './first-screen';
import { SampleBanner } from './SampleTeam';
import { Sidebar } from './Sidebar';
import { StartupNotices } from './StartupNotices';
import { useThemeFromSettings } from './theme';
import { useMainAction } from './useMain';

const TodayPage = preloadableLazy(() => import('../features/today/TodayPage'));
const PeoplePage = preloadableLazy(() => import('../features/people/PeoplePage'));
const SettingsPage = preloadableLazy(() => import('../features/settings/SettingsPage'));
const LaddersPage = preloadableLazy(() => import('../features/ladders/LaddersPage'));
const PersonPage = preloadableLazy(() => import('../features/people/PersonPage'));
const OneOnOnesPage = preloadableLazy(() => import('../features/one-on-ones/OneOnOnesPage'));
const MeetingPage = preloadableLazy(() => import('../features/one-on-ones/MeetingPage'));
const PrepPage = preloadableLazy(() => import('../features/one-on-ones/PrepPage'));
const TemplatesPage = preloadableLazy(() => import('../features/one-on-ones/TemplatesPage'));
const OverduePage = preloadableLazy(() => import('../features/today/OverduePage'));
const GrowthPage = preloadableLazy(() => import('../features/growth/GrowthPage'));
const PersonGrowthPage = preloadableLazy(() => import('../features/growth/PersonGrowthPage'));
const AssessmentPage = preloadableLazy(() => import('../features/growth/AssessmentPage'));
const GapPage = preloadableLazy(() => import('../features/growth/GapPage'));
const ComparePage = preloadableLazy(() => import('../features/growth/ComparePage'));
const TeamHeatmapPage = preloadableLazy(() => import('../features/growth/TeamHeatmapPage'));
const ConversationPage = preloadableLazy(() => import('../features/growth/ConversationPage'));
const WelcomePage = preloadableLazy(() => import('../features/welcome/WelcomePage'));
const PacketsPage = preloadableLazy(() => import('../features/packets/PacketsPage'));
const PacketPage = preloadableLazy(() => import('../features/packets/PacketPage'));
const CalibrationPage = preloadableLazy(() => import('../features/calibration/CalibrationPage'));
const CalibrationSessionPage = preloadableLazy(() => import('../features/calibration/SessionPage'));
const FeedbackPage = preloadableLazy(() => import('../features/feedback/FeedbackPage'));
const FeedbackInboxPage = preloadableLazy(() => import('../features/feedback/InboxPage'));
const FeedbackEntryPage = preloadableLazy(() => import('../features/feedback/EntryPage'));
const FeedbackCyclesPage = preloadableLazy(() => import('../features/feedback/CyclesPage'));
const FeedbackCyclePage = preloadableLazy(() => import('../features/feedback/CyclePage'));
const WinsPage = preloadableLazy(() => import('../features/feedback/WinsPage'));
const WinPage = preloadableLazy(() => import('../features/feedback/WinPage'));
const GoalPage = preloadableLazy(() => import('../features/plans/GoalPage'));
// Growth plans' panel on a 1:1: handed in here, since plans uses one-on-ones.
const MeetingGoals = preloadableLazy(() => import('../features/plans/MeetingGoals'));

/** Links in rendered Markdown (notes, ladder criteria) open in the system browser through main, which asks first. */
function ExternalLinks({ children }: { children: React.ReactNode }) {
  const openExternal = useMainAction('shell:open-external');
  const { announce } = useStatus();
  const open = (url: string) => void openExternal.run({ url }).catch((e: unknown) => announce(errorMessage(e), 'error'));
  return <MarkdownLinksProvider onOpen={open}>{children}</MarkdownLinksProvider>;
}

/** Until the user has said who they are (first run), the welcome instead of the app. */
function FirstRun({ children }: { children: React.ReactNode }) {
  const { loading, settings, role } = useCurrentUser();
  if (loading) return <p className="loading">Loading…</p>;
  if (settings && role === null)
    return (
      <Suspense fallback={<p className="loading">Loading…</p>}>
        <WelcomePage />
      </Suspense>
    );
  return children;
}

export function App() {
  useThemeFromSettings();
  // Every screen's code (and their lazy parts), fetched in idle moments once the first screen is
  // up, so that opening any of them later draws it at once instead of "Loading…".
  useEffect(() => void afterFirstScreen().then(() => preloadAll(idleMoment)), []);
  return (
    <Router hook={useHashLocation}>
      <StatusProvider>
        <ExternalLinks>
          <FirstRun>
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
                <SampleBanner />
                <StartupNotices />
                <Suspense fallback={<p className="loading">Loading…</p>}>
                  <Switch>
                    <Route path="/" component={TodayPage} />
                    <Route path="/today/overdue" component={OverduePage} />
                    <Route path="/people" component={PeoplePage} />
                    <Route path="/ladders" component={LaddersPage} />
                    <Route path="/people/:id">{(params) => <PersonPage key={params.id} id={params.id} />}</Route>
                    <Route path="/one-on-ones" component={OneOnOnesPage} />
                    <Route path="/one-on-ones/templates" component={TemplatesPage} />
                    <Route path="/one-on-ones/meetings/:id">{(params) => <MeetingPage key={params.id} id={params.id} goals={MeetingGoals} />}</Route>
                    <Route path="/one-on-ones/prep/:seriesId">{(params) => <PrepPage key={params.seriesId} seriesId={params.seriesId} />}</Route>
                    <Route path="/settings" component={SettingsPage} />
                    <Route path="/growth" component={GrowthPage} />
                    <Route path="/growth/people/:id">{(params) => <PersonGrowthPage key={params.id} id={params.id} />}</Route>
                    <Route path="/growth/goals/:id">{(params) => <GoalPage key={params.id} id={params.id} />}</Route>
                    <Route path="/growth/team" component={TeamHeatmapPage} />
                    <Route path="/growth/people/:id/compare">{(params) => <ComparePage key={params.id} id={params.id} />}</Route>
                    <Route path="/growth/conversations/:id">{(params) => <ConversationPage key={params.id} meetingId={params.id} />}</Route>
                    <Route path="/growth/assessments/:id/gap">{(params) => <GapPage key={params.id} id={params.id} />}</Route>
                    <Route path="/growth/assessments/:id">{(params) => <AssessmentPage key={params.id} id={params.id} />}</Route>
                    <Route path="/packets" component={PacketsPage} />
                    <Route path="/packets/:id">{(params) => <PacketPage key={params.id} id={params.id} />}</Route>
                    <Route path="/calibration" component={CalibrationPage} />
                    <Route path="/calibration/:id">{(params) => <CalibrationSessionPage key={params.id} id={params.id} />}</Route>
                    <Route path="/feedback" component={FeedbackPage} />
                    <Route path="/feedback/inbox" component={FeedbackInboxPage} />
                    <Route path="/feedback/cycles" component={FeedbackCyclesPage} />
                    <Route path="/feedback/cycles/:id">{(params) => <FeedbackCyclePage key={params.id} id={params.id} />}</Route>
                    <Route path="/feedback/wins" component={WinsPage} />
                    <Route path="/feedback/wins/:id">{(params) => <WinPage key={params.id} id={params.id} />}</Route>
                    <Route path="/feedback/entries/:id">{(params) => <FeedbackEntryPage key={params.id} id={params.id} />}</Route>
                    <Route path="/:section">{(params) => <PlaceholderPage section={params.section} />}</Route>
                  </Switch>
                </Suspense>
              </main>
            </div>
            <CommandLayer />
            <Suspense fallback={null}>
              <FollowUpReminders />
            </Suspense>
          </FirstRun>
        </ExternalLinks>
      </StatusProvider>
    </Router>
  );
}
