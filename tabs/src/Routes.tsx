import { Suspense, lazy, useEffect, useState } from 'react';
import { AreaStrings } from './components/AreaStrings';
import { Loading } from './components/Loading';
import { navigate, useRoute, type Area, type Route } from './router';
import { hasRole, useSession } from './session';
import { loadView } from './views/chunks';
import { DialogHost } from './views/pilots/DialogHost';
import { AppHeader } from './views/shell/AppHeader';
import { stringsOf } from './views/strings';

const PilotsView = lazy(() => loadView.pilots().then((m) => ({ default: m.PilotsView })));
const PilotDetailView = lazy(() => loadView.pilot().then((m) => ({ default: m.PilotDetailView })));
const ConfigView = lazy(loadView.config);
const LeaderView = lazy(loadView.leader);
const FeedbackView = lazy(loadView.feedback);
const FeedbackItemView = lazy(loadView.feedbackItem);
const CirclesView = lazy(loadView.circles);
const CircleDetailView = lazy(loadView.circle);
const StoriesView = lazy(loadView.stories);
const StoryDetailView = lazy(loadView.story);
const ProjectsView = lazy(loadView.projects);
const ProjectDetailView = lazy(loadView.project);
const ChallengesView = lazy(loadView.challenges);
const LessonsView = lazy(loadView.lessons);
const PathView = lazy(loadView.path);
const PreferencesView = lazy(loadView.preferences);
const PulseView = lazy(loadView.pulse);
const MeetingView = lazy(loadView.meeting);
const AdminView = lazy(loadView.admin);
const PracticesView = lazy(loadView.practices);

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
