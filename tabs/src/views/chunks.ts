import type { ApiClient } from '../api/client';
import type { Me } from '../api/types';
import { hasRole } from '../session';
import type { Route } from '../router';
import { firstRowsOpening, portfolioFilterOf, prefetchPortfolio } from './leader/api';
import type { Opening } from './shell/api';

/** An import() that keeps its module once it is here (see `module`); a failed one is tried again next time. */
export interface Remembered<M> {
  (): Promise<M>;
  /** The module, once it has arrived: a view whose chunk is here renders without suspending. */
  module?: M;
}

function remembered<M>(load: () => Promise<M>): Remembered<M> {
  let pending: Promise<M> | undefined;
  const get: Remembered<M> = () =>
    (pending ??= load().then(
      (m) => (get.module = m),
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    ));
  return get;
}

/**
 * Every view is a chunk of its own, so that the first screen downloads only what it shows (the
 * leader view does not wait for the pilot list's table and dialogs, nor the pilot list for the
 * leader view's grid). Each is fetched when first opened, when the pointer or focus rests on its
 * navigation tab, or, for the view a URL opens, while the app starts (in parallel with sign-in).
 */
export const loadView = {
  pilots: remembered(() => import('./pilots/PilotsView')),
  team: remembered(() => import('./pilots/PilotsView')),
  pilot: remembered(() => import('./pilots/PilotDetailView')),
  config: remembered(() => import('./shell/ConfigView')),
  leader: remembered(() => import('./leader/LeaderView')),
  feedback: remembered(() => import('./feedback/FeedbackView')),
  feedbackItem: remembered(() => import('./feedback/FeedbackItemView')),
  circles: remembered(() => import('./circles/CirclesView')),
  circle: remembered(() => import('./circles/CircleDetailView')),
  stories: remembered(() => import('./stories/StoriesView')),
  story: remembered(() => import('./stories/StoryDetailView')),
  projects: remembered(() => import('./projects/ProjectsView')),
  project: remembered(() => import('./projects/ProjectDetailView')),
  challenges: remembered(() => import('./projects/ChallengesView')),
  lessons: remembered(() => import('./lessons/LessonsView')),
  path: remembered(() => import('./paths/PathView')),
  preferences: remembered(() => import('./preferences/PreferencesView')),
  pulse: remembered(() => import('./pulse/PulseView')),
  meeting: remembered(() => import('./meeting/MeetingView')),
  admin: remembered(() => import('./admin/AdminView')),
  practices: remembered(() => import('./practices/PracticesView')),
} satisfies Partial<Record<Route['name'], () => Promise<unknown>>>;

/** Starts fetching a route's chunk, if it has one of its own. */
export function preloadRoute(route: Route): void {
  if (route.name in loadView) void loadView[route.name as keyof typeof loadView]();
}

/**
 * Asks for the data of the view a URL opens as soon as who is signed in is known, while the app's
 * strings, theme and the view's chunk still load: the view takes the answer when it mounts
 * (ApiClient.prefetch). Only views whose first answer is on the critical path are listed, and
 * only for people the view is for (others opening a leader link never ask for the portfolio).
 */
export function prefetchRouteData(route: Route, api: ApiClient, me: Me): void {
  // Already brought along by /api/me (see openingOf) for leaders; asked for here otherwise.
  if (route.name === 'leader' && route.section !== 'feedback' && hasRole(me, 'leader', 'admin')) prefetchPortfolio(api, portfolioFilterOf(route.filter), route.section === 'pilots');
}

/** What `/api/me` may bring along for the view a URL opens: the leader grid's first rows (the server adds them for leaders only). */
export function openingOf(route: Route): Opening | undefined {
  return route.name === 'leader' && route.section === 'pilots' ? firstRowsOpening(portfolioFilterOf(route.filter)) : undefined;
}
