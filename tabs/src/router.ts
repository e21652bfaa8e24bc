import { useEffect, useState } from 'react';

/**
 * Hash routes, so every view is a plain URL Teams can load as a tab (`…/index.html#/team`) and
 * the server needs no routing of its own.
 */
export type Route =
  | { name: 'pilots' }
  | { name: 'pilot'; id: string }
  | { name: 'team' }
  | { name: 'leader' }
  | { name: 'config' }
  | { name: 'notFound' };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split('?')[0];
  const [head, ...rest] = path.split('/');
  switch (head) {
    case '':
    case 'pilots':
      if (rest.length && rest[0]) return { name: 'pilot', id: safeDecode(rest.join('/')) };
      return { name: 'pilots' };
    case 'team':
    case 'leader':
    case 'config':
      return { name: head };
    default:
      return { name: 'notFound' };
  }
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'pilot':
      return `#/pilots/${encodeURIComponent(route.id)}`;
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

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
