import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectHost } from './host/connect';
import { languageOf, loadMessages } from './i18n';
import { hrefFor, parseHash, routeForSubPage } from './router';
import { loadFluentTheme } from './theme';
import { openingOf, prefetchRouteData, preloadRoute } from './views/chunks';
import { prefetchMe, signedInApi } from './views/shell/api';

/**
 * Entry point: find the host (Teams or a plain browser), honour a Teams deep link, render.
 * Nothing renders until the host answers, so the first paint already has the right theme.
 *
 * Fluent is imported per package (@fluentui/react-button, …), not from @fluentui/react-components:
 * esbuild splits chunks by file, so one suite import in the initial graph would pull every
 * component the lazy dialogs use into the first download (measured: 212 → 165 KB gzip).
 */
async function start(): Promise<void> {
  // Inside Teams the first data waits for the host (teams-js, its handshake, a token): its chunk
  // is asked for first, ahead of the view's, which are needed only once that data is here.
  const connecting = connectHost();
  // A view opened straight from the URL starts downloading with the app, not after sign-in.
  preloadRoute(parseHash(window.location.hash));
  // The browser's language is the usual guess: fetch its strings while the host answers.
  const guess = languageOf(navigator.language || 'en');
  const guessed = loadMessages(guess);
  guessed.catch(() => undefined); // if the host's language differs, this guess is never awaited
  const host = await connecting;
  // A deep link from a card or notification opens the tab with subEntityId = a pilot's id (or a
  // feedback item's, a circle's, a story's, a project's or a path's: `feedback:…`, `circle:…`, …).
  if (host.subPageId && parseHash(window.location.hash).name !== 'config') {
    history.replaceState(history.state, '', hrefFor(routeForSubPage(host.subPageId)));
  }
  // Who is signed in and the opened view's data are asked for now, while strings and theme load:
  // the leader grid's first rows come with /api/me; other views' data once it answers.
  const early = signedInApi(host);
  if (early) {
    const route = parseHash(window.location.hash);
    prefetchMe(early, openingOf(route)).then((me) => prefetchRouteData(route, early, me), () => undefined);
  }
  const language = languageOf(host.locale);
  const [dictionary, initialTheme] = await Promise.all([language === guess ? guessed : loadMessages(language), loadFluentTheme(host.theme)]);
  performance.mark('leaderful:render'); // with leaderful:leader-rows, where a cold start's time goes (bench/tab-render --timeline)
  createRoot(document.getElementById('root')!).render(<App host={host} early={early} dictionary={dictionary} initialTheme={initialTheme} />);
}

void start();
