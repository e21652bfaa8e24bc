import { useEffect, useState } from 'react';

/**
 * Hash routes, so every view is a plain URL Teams can load as a tab (`…/index.html#/team`) and
 * the server needs no routing of its own. Lists keep their section and filters in the hash too
 * (`#/leader/trends?status=active`, `#/stories?q=…`), so a reload, a shared link or Back keeps them.
 *
 *   #/pilots, #/pilots/<id>, #/team       my pilots, a pilot, a channel tab's team pilots
 *   #/leader[/<section>]?status=&practiceId=&teamId=&managerId=
 *   #/feedback[/mine|inbox], #/feedback/<id>
 *   #/circles, #/circles/<id>             my circles, every circle, start one; a circle and its election
 *   #/stories?q=&outcome=&practiceId=&circleId=&mine=, #/stories/<id>
 *   #/projects?circleId=&status=&propose=&challengeId=, #/projects/<id>
 *   #/challenges                          organisation challenges circles can take up
 *   #/paths/me, #/paths/<id>              my development path; a path shared with me
 *   #/preferences                         my check-in and notification preferences
 *   #/meeting?teamId=                     a team's check-in in its meeting (side panel, meeting tabs, stage)
 *   #/admin[/sync|roles|teams|settings|audit]  the admin area (admins only)
 *   #/practices                           the practice library, managed by admins
 *   #/lessons[/<id>]?level=               leadership lessons (one opened first); reach for leaders
 *   #/config                              the channel tab's configuration page
 */
export const LEADER_SECTIONS = ['pilots', 'outcomes', 'trends', 'feedback'] as const;
export type LeaderSection = (typeof LEADER_SECTIONS)[number];

export const ADMIN_SECTIONS = ['sync', 'roles', 'teams', 'settings', 'audit'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export const FEEDBACK_SECTIONS = ['give', 'mine', 'inbox'] as const;
export type FeedbackSection = (typeof FEEDBACK_SECTIONS)[number];

/** The leader view's filters, as the portfolio API takes them. */
export interface LeaderFilter {
  status?: string;
  practiceId?: string;
  teamId?: string;
  managerId?: string;
}
export const LEADER_FILTER_KEYS = ['status', 'practiceId', 'teamId', 'managerId'] as const satisfies readonly (keyof LeaderFilter)[];

/** The filters the stories and projects lists keep in their hash. */
const LIST_QUERY_KEYS = { stories: ['q', 'outcome', 'practiceId', 'circleId', 'mine'], projects: ['circleId', 'status', 'propose', 'challengeId'] } as const;

export type Route =
  | { name: 'pilots' }
  | { name: 'pilot'; id: string }
  | { name: 'team' }
  | { name: 'leader'; section: LeaderSection; filter: LeaderFilter }
  | { name: 'feedback'; section: FeedbackSection }
  | { name: 'feedbackItem'; id: string }
  | { name: 'circles' }
  | { name: 'circle'; id: string }
  | { name: 'stories'; query: Record<string, string> }
  | { name: 'story'; id: string }
  | { name: 'projects'; query: Record<string, string> }
  | { name: 'project'; id: string }
  | { name: 'path'; id: string }
  | { name: 'preferences' }
  | { name: 'meeting' }
  | { name: 'admin'; section: AdminSection }
  | { name: 'config' }
  | { name: 'practices' }
  | { name: 'challenges' }
  | { name: 'lessons'; id?: string; level?: string }
  | { name: 'notFound' };

/** The parts of the app the header navigates between. */
export const AREAS = ['pilots', 'circles', 'stories', 'projects', 'path', 'feedback', 'leader', 'preferences', 'admin'] as const;
export type Area = (typeof AREAS)[number];

/** Where an area's navigation tab goes. */
export function areaHome(area: Area): Route {
  switch (area) {
    case 'leader':
      return { name: 'leader', section: 'pilots', filter: {} };
    case 'admin':
      return { name: 'admin', section: 'sync' };
    case 'feedback':
      return { name: 'feedback', section: 'give' };
    case 'stories':
    case 'projects':
      return { name: area, query: {} };
    case 'path':
      return { name: 'path', id: 'me' };
    default:
      return { name: area };
  }
}

export function parseHash(hash: string): Route {
  const [pathPart, queryPart = ''] = hash.replace(/^#\/?/, '').split('?');
  const [head, ...rest] = pathPart.split('/');
  const query = new URLSearchParams(queryPart);
  const id = rest.length && rest[0] ? safeDecode(rest.join('/')) : undefined;
  switch (head) {
    case '':
    case 'pilots':
      return id ? { name: 'pilot', id } : { name: 'pilots' };
    case 'leader': {
      const section = (LEADER_SECTIONS as readonly string[]).includes(rest[0] ?? '') ? (rest[0] as LeaderSection) : rest[0] ? undefined : 'pilots';
      if (!section) return { name: 'notFound' };
      return { name: 'leader', section, filter: pick(query, LEADER_FILTER_KEYS) };
    }
    case 'feedback': {
      if (!rest[0]) return { name: 'feedback', section: 'give' };
      if ((FEEDBACK_SECTIONS as readonly string[]).includes(rest[0])) return { name: 'feedback', section: rest[0] as FeedbackSection };
      return { name: 'feedbackItem', id: safeDecode(rest.join('/')) };
    }
    case 'circles':
      return id ? { name: 'circle', id } : { name: 'circles' };
    case 'stories':
      return id ? { name: 'story', id } : { name: 'stories', query: pick(query, LIST_QUERY_KEYS.stories) };
    case 'projects':
      return id ? { name: 'project', id } : { name: 'projects', query: pick(query, LIST_QUERY_KEYS.projects) };
    case 'paths':
      return { name: 'path', id: id ?? 'me' };
    case 'admin': {
      if (!rest[0]) return { name: 'admin', section: 'sync' };
      return (ADMIN_SECTIONS as readonly string[]).includes(rest[0]) ? { name: 'admin', section: rest[0] as AdminSection } : { name: 'notFound' };
    }
    case 'lessons':
      return { name: 'lessons', ...(id ? { id } : {}), ...pick(query, ['level']) };
    case 'team':
    case 'config':
    case 'preferences':
    case 'meeting':
    case 'practices':
    case 'challenges':
      return { name: head };
    default:
      return { name: 'notFound' };
  }
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'pilot':
      return `#/pilots/${encodeURIComponent(route.id)}`;
    case 'leader': {
      const qs = new URLSearchParams();
      for (const key of LEADER_FILTER_KEYS) if (route.filter[key]) qs.set(key, route.filter[key]!);
      return withQuery(`#/leader${route.section === 'pilots' ? '' : `/${route.section}`}`, qs);
    }
    case 'feedback':
      return route.section === 'give' ? '#/feedback' : `#/feedback/${route.section}`;
    case 'feedbackItem':
      return `#/feedback/${encodeURIComponent(route.id)}`;
    case 'circle':
      return `#/circles/${encodeURIComponent(route.id)}`;
    case 'stories':
    case 'projects':
      return withQuery(`#/${route.name}`, new URLSearchParams(Object.entries(route.query).filter(([, v]) => !!v)));
    case 'story':
      return `#/stories/${encodeURIComponent(route.id)}`;
    case 'project':
      return `#/projects/${encodeURIComponent(route.id)}`;
    case 'path':
      return route.id === 'me' ? '#/paths/me' : `#/paths/${encodeURIComponent(route.id)}`;
    case 'admin':
      return route.section === 'sync' ? '#/admin' : `#/admin/${route.section}`;
    case 'lessons':
      return withQuery(route.id ? `#/lessons/${encodeURIComponent(route.id)}` : '#/lessons', new URLSearchParams(route.level ? { level: route.level } : {}));
    case 'notFound':
      return '#/pilots';
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const href = hrefFor(route);
  if (opts.replace) {
    history.replaceState(history.state, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/**
 * The deep link a Teams `subEntityId` stands for: a feedback item (`feedback:…`), a circle,
 * story, project or path card's (`circle:…`, `story:…`, `project:…`, `path:…`), or a pilot.
 */
export function routeForSubPage(subPageId: string): Route {
  const kind = /^(\w+):/.exec(subPageId)?.[1];
  switch (kind) {
    case 'feedback':
      return { name: 'feedbackItem', id: subPageId };
    case 'circle':
    case 'story':
    case 'project':
    case 'path':
      return { name: kind, id: subPageId };
    case 'lesson':
      return { name: 'lessons', id: subPageId };
    default:
      return { name: 'pilot', id: subPageId };
  }
}

/** The query values for `keys` that are set, each capped at 200 characters. */
function pick<K extends string>(query: URLSearchParams, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const v = query.get(key);
    if (v) out[key] = v.slice(0, 200);
  }
  return out;
}

function withQuery(base: string, qs: URLSearchParams): string {
  const s = qs.toString();
  return s ? `${base}?${s}` : base;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
