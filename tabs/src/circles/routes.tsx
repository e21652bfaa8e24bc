import { lazy } from 'react';
import { circlesEn, circlesEs } from './i18n';

/**
 * The circles family's one entry point: hash routes, their lazily loaded views, the navigation
 * entries, and the Teams deep links (`subEntityId`) of the circle, story, project and path cards.
 *
 *   #/circles            my circles, every circle, start one     #/circles/<id>   a circle and its election
 *   #/stories?q=&outcome=&practiceId=   the library              #/stories/<id>   a story
 *   #/projects?circleId=&status=        community projects       #/projects/<id>  a project
 *   #/paths/me           my development path (+ shared with me)  #/paths/<id>     a path shared with me
 */
export type CirclesRoute =
  | { name: 'circles' }
  | { name: 'circle'; id: string }
  | { name: 'stories'; query: Record<string, string> }
  | { name: 'story'; id: string }
  | { name: 'projects'; query: Record<string, string> }
  | { name: 'project'; id: string }
  | { name: 'path'; id: string };

export type CirclesArea = 'circles' | 'stories' | 'projects' | 'path';
export const CIRCLES_ROUTE_NAMES = ['circles', 'circle', 'stories', 'story', 'projects', 'project', 'path'] as const;

const QUERY_KEYS = { stories: ['q', 'outcome', 'practiceId', 'circleId', 'mine'], projects: ['circleId', 'status', 'propose'] } as const;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The route a hash stands for, if it is one of ours; undefined otherwise. */
export function parseCirclesHash(hash: string): CirclesRoute | undefined {
  const [pathPart, queryPart = ''] = hash.replace(/^#\/?/, '').split('?');
  const [head, ...rest] = pathPart.split('/');
  const id = rest.length && rest[0] ? safeDecode(rest.join('/')) : undefined;
  const query = (keys: readonly string[]) => {
    const q = new URLSearchParams(queryPart);
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = q.get(k);
      if (v) out[k] = v.slice(0, 200);
    }
    return out;
  };
  switch (head) {
    case 'circles':
      return id ? { name: 'circle', id } : { name: 'circles' };
    case 'stories':
      return id ? { name: 'story', id } : { name: 'stories', query: query(QUERY_KEYS.stories) };
    case 'projects':
      return id ? { name: 'project', id } : { name: 'projects', query: query(QUERY_KEYS.projects) };
    case 'paths':
      return { name: 'path', id: id ?? 'me' };
    default:
      return undefined;
  }
}

export const isCirclesRoute = (route: { name: string }): route is CirclesRoute => (CIRCLES_ROUTE_NAMES as readonly string[]).includes(route.name);

export function circlesHref(route: CirclesRoute): string {
  const withQuery = (base: string, query: Record<string, string>) => {
    const qs = new URLSearchParams(Object.entries(query).filter(([, v]) => !!v)).toString();
    return qs ? `${base}?${qs}` : base;
  };
  switch (route.name) {
    case 'circles':
      return '#/circles';
    case 'circle':
      return `#/circles/${encodeURIComponent(route.id)}`;
    case 'stories':
      return withQuery('#/stories', route.query);
    case 'story':
      return `#/stories/${encodeURIComponent(route.id)}`;
    case 'projects':
      return withQuery('#/projects', route.query);
    case 'project':
      return `#/projects/${encodeURIComponent(route.id)}`;
    case 'path':
      return route.id === 'me' ? '#/paths/me' : `#/paths/${encodeURIComponent(route.id)}`;
  }
}

/** A card's deep link (`circle:…`, `story:…`, `project:…`, `path:…`) as our route; undefined if not ours. */
export function routeForSubEntity(id: string): CirclesRoute | undefined {
  if (id.startsWith('circle:')) return { name: 'circle', id };
  if (id.startsWith('story:')) return { name: 'story', id };
  if (id.startsWith('project:')) return { name: 'project', id };
  if (id.startsWith('path:')) return { name: 'path', id };
  return undefined;
}

export function circlesAreaOf(route: CirclesRoute): CirclesArea {
  switch (route.name) {
    case 'circles':
    case 'circle':
      return 'circles';
    case 'stories':
    case 'story':
      return 'stories';
    case 'projects':
    case 'project':
      return 'projects';
    case 'path':
      return 'path';
  }
}

const load = {
  circles: () => import('./CirclesView'),
  circle: () => import('./CircleDetailView'),
  stories: () => import('./StoriesView'),
  story: () => import('./StoryDetailView'),
  projects: () => import('./ProjectsView'),
  project: () => import('./ProjectDetailView'),
  path: () => import('./PathView'),
};
const CirclesView = lazy(load.circles);
const CircleDetailView = lazy(load.circle);
const StoriesView = lazy(load.stories);
const StoryDetailView = lazy(load.story);
const ProjectsView = lazy(load.projects);
const ProjectDetailView = lazy(load.project);
const PathView = lazy(load.path);

/** The view for one of our routes (render it inside the app's Suspense). */
export function CirclesRouteView({ route }: { route: CirclesRoute }) {
  switch (route.name) {
    case 'circles':
      return <CirclesView />;
    case 'circle':
      return <CircleDetailView key={route.id} id={route.id} />;
    case 'stories':
      return <StoriesView query={route.query} />;
    case 'story':
      return <StoryDetailView key={route.id} id={route.id} />;
    case 'projects':
      return <ProjectsView query={route.query} />;
    case 'project':
      return <ProjectDetailView key={route.id} id={route.id} />;
    case 'path':
      return <PathView key={route.id} id={route.id} />;
  }
}

/** Navigation entries for the app header: area, where it goes, its label, and its chunk to preload. */
export const circlesNav: { area: CirclesArea; route: CirclesRoute; preload: () => unknown }[] = [
  { area: 'circles', route: { name: 'circles' }, preload: load.circles },
  { area: 'stories', route: { name: 'stories', query: {} }, preload: load.stories },
  { area: 'projects', route: { name: 'projects', query: {} }, preload: load.projects },
  { area: 'path', route: { name: 'path', id: 'me' }, preload: load.path },
];

/** A nav entry's label in the tab's language ('en' | 'es'; anything else is English). */
export function circlesNavLabel(area: CirclesArea, language: string): string {
  const dict = language === 'es' ? circlesEs : circlesEn;
  return dict[`nav.${area}`];
}

/** Each area's chunk, to start fetching when the pointer or focus reaches its nav tab. */
export const circlesPreload: Record<CirclesArea, () => unknown> = { circles: load.circles, stories: load.stories, projects: load.projects, path: load.path };

/** The nav entries' labels in the tab's language. */
export const circlesNavLabels = (language: string): Record<CirclesArea, string> => ({
  circles: circlesNavLabel('circles', language),
  stories: circlesNavLabel('stories', language),
  projects: circlesNavLabel('projects', language),
  path: circlesNavLabel('path', language),
});
