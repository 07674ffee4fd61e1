// Growth plans register their palette commands and prep section as they load: on every start.
import '../features/plans';

import { lazy, Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';

import { FollowUpReminders } from '../features/feedback';
import { PlaceholderPage } from '../features/placeholder';
import { MarkdownLinksProvider } from '../ui/markdown-links';
import { StatusProvider, useStatus } from '../ui/Status';
import { CommandLayer } from './CommandLayer';
import { useCurrentUser } from './current-user';
import { errorMessage } from './errors';
import { SampleBanner } from './SampleTeam';
import { Sidebar } from './Sidebar';
import { StartupNotices } from './StartupNotices';
import { useThemeFromSettings } from './theme';
import { useMainAction } from './useMain';

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
const GrowthPage = lazy(() => import('../features/growth/GrowthPage'));
const PersonGrowthPage = lazy(() => import('../features/growth/PersonGrowthPage'));
const AssessmentPage = lazy(() => import('../features/growth/AssessmentPage'));
const GapPage = lazy(() => import('../features/growth/GapPage'));
const ComparePage = lazy(() => import('../features/growth/ComparePage'));
const TeamHeatmapPage = lazy(() => import('../features/growth/TeamHeatmapPage'));
const ConversationPage = lazy(() => import('../features/growth/ConversationPage'));
const WelcomePage = lazy(() => import('../features/welcome/WelcomePage'));
const PacketsPage = lazy(() => import('../features/packets/PacketsPage'));
const PacketPage = lazy(() => import('../features/packets/PacketPage'));
const CalibrationPage = lazy(() => import('../features/calibration/CalibrationPage'));
const CalibrationSessionPage = lazy(() => import('../features/calibration/SessionPage'));
const FeedbackPage = lazy(() => import('../features/feedback/FeedbackPage'));
const FeedbackInboxPage = lazy(() => import('../features/feedback/InboxPage'));
const FeedbackEntryPage = lazy(() => import('../features/feedback/EntryPage'));
const FeedbackCyclesPage = lazy(() => import('../features/feedback/CyclesPage'));
const FeedbackCyclePage = lazy(() => import('../features/feedback/CyclePage'));
const WinsPage = lazy(() => import('../features/feedback/WinsPage'));
const WinPage = lazy(() => import('../features/feedback/WinPage'));
const GoalPage = lazy(() => import('../features/plans/GoalPage'));
// Growth plans' panel on a 1:1: handed in here, since plans uses one-on-ones.
const MeetingGoals = lazy(() => import('../features/plans/MeetingGoals'));

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
