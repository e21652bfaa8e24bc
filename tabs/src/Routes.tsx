import { Suspense, createElement, lazy, useEffect, useState, type ComponentType } from 'react';
import { AreaStrings } from './components/AreaStrings';
import { Loading } from './components/Loading';
import { navigate, useRoute, type Area, type Route } from './router';
import { hasRole, useSession } from './session';
import { loadView, type Remembered } from './views/chunks';
import { DialogHost } from './views/pilots/DialogHost';
import { AppHeader } from './views/shell/AppHeader';
import { stringsOf } from './views/strings';

/**
 * A view from its own chunk: React.lazy suspends on a component's first render even when its
 * chunk has long arrived (a cold start preloads the opened view's), which costs the first screen
 * a fallback commit and a retry. A view whose module is here renders at once; whichever way a
 * view mounted, it stays (switching would remount it).
 */
function viewOf<M, P extends object>(load: Remembered<M>, pick: (m: M) => ComponentType<P>): ComponentType<P> {
  const Lazy = lazy(() => load().then((m) => ({ default: pick(m) })));
  return function View(props: P) {
    const [direct] = useState(() => load.module !== undefined);
    return direct ? createElement(pick(load.module as M), props) : createElement(Lazy as unknown as ComponentType<P>, props);
  };
}

const PilotsView = viewOf(loadView.pilots, (m) => m.PilotsView);
const PilotDetailView = viewOf(loadView.pilot, (m) => m.PilotDetailView);
const ConfigView = viewOf(loadView.config, (m) => m.default);
const LeaderView = viewOf(loadView.leader, (m) => m.default);
const FeedbackView = viewOf(loadView.feedback, (m) => m.default);
const FeedbackItemView = viewOf(loadView.feedbackItem, (m) => m.default);
const CirclesView = viewOf(loadView.circles, (m) => m.default);
const CircleDetailView = viewOf(loadView.circle, (m) => m.default);
const StoriesView = viewOf(loadView.stories, (m) => m.default);
const StoryDetailView = viewOf(loadView.story, (m) => m.default);
const ProjectsView = viewOf(loadView.projects, (m) => m.default);
const ProjectDetailView = viewOf(loadView.project, (m) => m.default);
const ChallengesView = viewOf(loadView.challenges, (m) => m.default);
const LessonsView = viewOf(loadView.lessons, (m) => m.default);
const PathView = viewOf(loadView.path, (m) => m.default);
const PreferencesView = viewOf(loadView.preferences, (m) => m.default);
const PulseView = viewOf(loadView.pulse, (m) => m.default);
const MeetingView = viewOf(loadView.meeting, (m) => m.default);
const AdminView = viewOf(loadView.admin, (m) => m.default);
const PracticesView = viewOf(loadView.practices, (m) => m.default);

const LIST_ROUTES: Route['name'][] = ['pilots', 'team', 'leader'];
const FEEDBACK_LISTS: Route['name'][] = ['feedback', 'leader'];

/** The view for the current hash route, under the app header (outside channels) and the dialogs. */
export function Routes() {
  const route = useRoute();
  const { me } = useSession();
  // "Back" from a pilot returns to the list it was opened from (a channel tab's team view, the
  // leader view with its filters, say); from a feedback item, to the feedback list it came from.
  const [listRoute, setListRoute] = useState<Route>(() => (new URLSearchParams(window.location.search).has('teamId') ? { name: 'team' } : { name: 'pilots' }));
  const [feedbackBack, setFeedbackBack] = useState<Route | undefined>();
  useEffect(() => {
    if (LIST_ROUTES.includes(route.name)) setListRoute(route);
    if (FEEDBACK_LISTS.includes(route.name)) setFeedbackBack(route);
    if (route.name === 'notFound') navigate({ name: 'pilots' }, { replace: true });
  }, [route]);

  // The channel tab, the meeting tabs and the configuration page live inside a conversation: no app-level navigation.
  const inChannel = route.name === 'config' || route.name === 'meeting' || listRoute.name === 'team';
  const teamId = new URLSearchParams(window.location.search).get('teamId') ?? undefined;
  const isLeader = hasRole(me, 'leader', 'admin');

  let view;
  let area: Area = 'pilots';
  switch (route.name) {
    case 'pilot':
      view = <PilotDetailView key={route.id} id={route.id} backTo={listRoute} />;
      area = listRoute.name === 'leader' ? 'leader' : 'pilots';
      break;
    case 'team':
      view = <PilotsView key="team" scope={{ kind: 'team', teamId }} />;
      break;
    case 'leader':
      // Not a leader: the API would refuse anyway; show them their own pilots instead.
      view = isLeader ? <LeaderView section={route.section} filter={route.filter} /> : <PilotsView key="mine" scope={{ kind: 'mine' }} />;
      area = isLeader ? 'leader' : 'pilots';
      break;
    case 'feedback':
      view = <FeedbackView section={route.section} />;
      area = 'feedback';
      break;
    case 'feedbackItem':
      view = <FeedbackItemView key={route.id} id={route.id} backTo={feedbackBack} />;
      area = feedbackBack?.name === 'leader' ? 'leader' : 'feedback';
      break;
    case 'circles':
      view = <CirclesView />;
      area = 'circles';
      break;
    case 'circle':
      view = <CircleDetailView key={route.id} id={route.id} />;
      area = 'circles';
      break;
    case 'stories':
      view = <StoriesView query={route.query} />;
      area = 'stories';
      break;
    case 'story':
      view = <StoryDetailView key={route.id} id={route.id} />;
      area = 'stories';
      break;
    case 'projects':
      view = <ProjectsView query={route.query} />;
      area = 'projects';
      break;
    case 'project':
      view = <ProjectDetailView key={route.id} id={route.id} />;
      area = 'projects';
      break;
    case 'challenges':
      view = <ChallengesView />;
      area = 'projects';
      break;
    case 'lessons':
      view = <LessonsView openId={route.id} level={route.level} />;
      area = 'path';
      break;
    case 'path':
      view = <PathView key={route.id} id={route.id} />;
      area = 'path';
      break;
    case 'preferences':
      view = <PreferencesView />;
      area = 'preferences';
      break;
    case 'pulse':
      view = <PulseView />;
      area = 'pulse';
      break;
    case 'meeting':
      view = <MeetingView />;
      break;
    case 'admin':
      // Not an admin: the API would refuse anyway; show them their own pilots instead.
      view = hasRole(me, 'admin') ? <AdminView section={route.section} /> : <PilotsView key="mine" scope={{ kind: 'mine' }} />;
      area = hasRole(me, 'admin') ? 'admin' : 'pilots';
      break;
    case 'practices':
      view = <PracticesView />;
      break;
    case 'config':
      view = <ConfigView />;
      break;
    default:
      view = <PilotsView key="mine" scope={{ kind: 'mine' }} />;
  }
  return (
    <DialogHost>
      {!inChannel && <AppHeader area={area} />}
      <AreaStrings area={stringsOf(route)}>
        <Suspense fallback={<Loading />}>{view}</Suspense>
      </AreaStrings>
    </DialogHost>
  );
}
