import { Suspense, lazy, useEffect, useState } from 'react';
import { AppHeader } from './components/AppHeader';
import { DialogHost } from './components/DialogHost';
import { Loading } from './components/Feedback';
import { navigate, useRoute, type Route } from './router';
import { PilotDetailView } from './views/PilotDetailView';
import { PilotsView } from './views/PilotsView';

const ConfigView = lazy(() => import('./views/ConfigView'));

const LIST_ROUTES: Route['name'][] = ['pilots', 'team', 'leader'];

/** The view for the current hash route, under the app header (outside channels) and the dialogs. */
export function Routes() {
  const route = useRoute();
  // "Back" from a pilot returns to the list it was opened from (a channel tab's team view, say).
  const [listRoute, setListRoute] = useState<Route>(() => (new URLSearchParams(window.location.search).has('teamId') ? { name: 'team' } : { name: 'pilots' }));
  useEffect(() => {
    if (LIST_ROUTES.includes(route.name)) setListRoute(route);
    if (route.name === 'notFound') navigate({ name: 'pilots' }, { replace: true });
  }, [route]);

  // The channel tab and its configuration page live inside a channel: no app-level navigation.
  const inChannel = route.name === 'config' || listRoute.name === 'team';
  const teamId = new URLSearchParams(window.location.search).get('teamId') ?? undefined;

  let view;
  switch (route.name) {
    case 'pilot':
      view = <PilotDetailView key={route.id} id={route.id} backTo={listRoute} />;
      break;
    case 'team':
      view = <PilotsView key="team" scope={{ kind: 'team', teamId }} />;
      break;
    case 'leader':
      view = <PilotsView key="all" scope={{ kind: 'all' }} />;
      break;
    case 'config':
      view = (
        <Suspense fallback={<Loading />}>
          <ConfigView />
        </Suspense>
      );
      break;
    default:
      view = <PilotsView key="mine" scope={{ kind: 'mine' }} />;
  }
  return (
    <DialogHost>
      {!inChannel && <AppHeader route={route} />}
      {view}
    </DialogHost>
  );
}
