import type { Route } from '../router';

/**
 * The views that are separate chunks: everything not on everyone's first screen (the channel
 * tab's configuration page, the leader view, feedback, circles, stories, projects, paths and admin).
 * Each is fetched when first opened, when the pointer or focus rests on its navigation tab, or,
 * for the view a URL opens, while the app starts.
 */
export const loadView = {
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
  meeting: () => import('./meeting/MeetingView'),
  admin: () => import('./admin/AdminView'),
  practices: () => import('./practices/PracticesView'),
} satisfies Partial<Record<Route['name'], () => Promise<unknown>>>;

/** Starts fetching a route's chunk, if it has one of its own. */
export function preloadRoute(route: Route): void {
  if (route.name in loadView) void loadView[route.name as keyof typeof loadView]();
}
