import type { ApiClient } from '../api/client';
import type { Me } from '../api/types';
import { hasRole } from '../session';
import type { Route } from '../router';
import { firstRowsOpening, portfolioFilterOf, prefetchPortfolio } from './leader/api';
import type { Opening } from './shell/api';

/**
 * Every view is a chunk of its own, so that the first screen downloads only what it shows (the
 * leader view does not wait for the pilot list's table and dialogs, nor the pilot list for the
 * leader view's grid). Each is fetched when first opened, when the pointer or focus rests on its
 * navigation tab, or, for the view a URL opens, while the app starts (in parallel with sign-in).
 */
export const loadView = {
  pilots: () => import('./pilots/PilotsView'),
  team: () => import('./pilots/PilotsView'),
  pilot: () => import('./pilots/PilotDetailView'),
  config: () => import('./shell/ConfigView'),
  leader: () => import('./leader/LeaderView'),
  feedback: () => import('./feedback/FeedbackView'),
  feedbackItem: () => import('./feedback/FeedbackItemView'),
  circles: () => import('./circles/CirclesView'),
  circle: () => import('./circles/CircleDetailView'),
  stories: () => import('./stories/StoriesView'),
  story: () => import('./stories/StoryDetailView'),
  projects: () => import('./projects/ProjectsView'),
  project: () => import('./projects/ProjectDetailView'),
  challenges: () => import('./projects/ChallengesView'),
  lessons: () => import('./lessons/LessonsView'),
  path: () => import('./paths/PathView'),
  preferences: () => import('./preferences/PreferencesView'),
  pulse: () => import('./pulse/PulseView'),
  meeting: () => import('./meeting/MeetingView'),
  admin: () => import('./admin/AdminView'),
  practices: () => import('./practices/PracticesView'),
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
