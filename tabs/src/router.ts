import { useEffect, useState } from 'react';
import { circlesHref, isCirclesRoute, parseCirclesHash, routeForSubEntity, type CirclesRoute } from './circles/routes';

/**
 * Hash routes, so every view is a plain URL Teams can load as a tab (`…/index.html#/team`) and
 * the server needs no routing of its own. The leader view keeps its section and filters in the
 * hash too (`#/leader/trends?status=active`), so a reload, a shared link or Back keeps them.
 */
export const LEADER_SECTIONS = ['pilots', 'outcomes', 'trends', 'feedback'] as const;
export type LeaderSection = (typeof LEADER_SECTIONS)[number];

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

export type Route =
  | { name: 'pilots' }
  | { name: 'pilot'; id: string }
  | { name: 'team' }
  | { name: 'leader'; section: LeaderSection; filter: LeaderFilter }
  | { name: 'feedback'; section: FeedbackSection }
  | { name: 'feedbackItem'; id: string }
  | { name: 'config' }
  | { name: 'notFound' }
  | CirclesRoute;

export function parseHash(hash: string): Route {
  const circlesRoute = parseCirclesHash(hash);
  if (circlesRoute) return circlesRoute;
  const [pathPart, queryPart = ''] = hash.replace(/^#\/?/, '').split('?');
  const [head, ...rest] = pathPart.split('/');
  const query = new URLSearchParams(queryPart);
  switch (head) {
    case '':
    case 'pilots':
      if (rest.length && rest[0]) return { name: 'pilot', id: safeDecode(rest.join('/')) };
      return { name: 'pilots' };
    case 'leader': {
      const section = (LEADER_SECTIONS as readonly string[]).includes(rest[0] ?? '') ? (rest[0] as LeaderSection) : rest[0] ? undefined : 'pilots';
      if (!section) return { name: 'notFound' };
      const filter: LeaderFilter = {};
      for (const key of LEADER_FILTER_KEYS) {
        const v = query.get(key);
        if (v) filter[key] = v.slice(0, 200);
      }
      return { name: 'leader', section, filter };
    }
    case 'feedback': {
      if (!rest[0]) return { name: 'feedback', section: 'give' };
      if ((FEEDBACK_SECTIONS as readonly string[]).includes(rest[0])) return { name: 'feedback', section: rest[0] as FeedbackSection };
      return { name: 'feedbackItem', id: safeDecode(rest.join('/')) };
    }
    case 'team':
    case 'config':
      return { name: head };
    default:
      return { name: 'notFound' };
  }
}

export function hrefFor(route: Route): string {
  if (isCirclesRoute(route)) return circlesHref(route);
  switch (route.name) {
    case 'pilot':
      return `#/pilots/${encodeURIComponent(route.id)}`;
    case 'leader': {
      const query = new URLSearchParams();
      for (const key of LEADER_FILTER_KEYS) if (route.filter[key]) query.set(key, route.filter[key]!);
      const qs = query.toString();
      return `#/leader${route.section === 'pilots' ? '' : `/${route.section}`}${qs ? `?${qs}` : ''}`;
    }
    case 'feedback':
      return route.section === 'give' ? '#/feedback' : `#/feedback/${route.section}`;
    case 'feedbackItem':
      return `#/feedback/${encodeURIComponent(route.id)}`;
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

/** The deep link a Teams `subEntityId` stands for: a feedback item or (default) a pilot. */
export function routeForSubPage(subPageId: string): Route {
  const circlesRoute = routeForSubEntity(subPageId);
  if (circlesRoute) return circlesRoute;
  return subPageId.startsWith('feedback:') ? { name: 'feedbackItem', id: subPageId } : { name: 'pilot', id: subPageId };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
