import { Suspense, lazy, useEffect, useState } from 'react';
import { AppHeader, type NavArea } from './components/AppHeader';
import { DialogHost } from './components/DialogHost';
import { CirclesRouteView, circlesAreaOf, isCirclesRoute } from './circles/routes';
import { Loading } from './components/Feedback';
import { navigate, useRoute, type Route } from './router';
import { hasRole, useSession } from './session';
import { PilotDetailView } from './views/PilotDetailView';
import { PilotsView } from './views/PilotsView';

/**
 * Views that are not on everyone's first screen are separate chunks, fetched when first opened
 * (or when the pointer rests on their navigation tab): the leader view, feedback, the channel
 * tab's configuration page.
 */
const ConfigView = lazy(() => import('./views/ConfigView'));
const LeaderView = lazy(() => import('./views/leader/LeaderView'));
const FeedbackView = lazy(() => import('./views/FeedbackView'));
const FeedbackItemView = lazy(() => import('./views/FeedbackItemView'));

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

  // The channel tab and its configuration page live inside a channel: no app-level navigation.
  const inChannel = route.name === 'config' || listRoute.name === 'team';
  const teamId = new URLSearchParams(window.location.search).get('teamId') ?? undefined;
  const isLeader = hasRole(me, 'leader', 'admin');

  let view;
  let area: NavArea = 'pilots';
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
    case 'config':
      view = <ConfigView />;
      break;
    default:
      view = <PilotsView key="mine" scope={{ kind: 'mine' }} />;
  }
  if (isCirclesRoute(route)) {
    view = <CirclesRouteView route={route} />;
    area = circlesAreaOf(route);
  }
  return (
    <DialogHost>
      {!inChannel && <AppHeader area={area} />}
      <Suspense fallback={<Loading />}>{view}</Suspense>
    </DialogHost>
  );
}
