import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectHost } from './host/connect';
import { hrefFor, parseHash } from './router';

/**
 * Entry point: find the host (Teams or a plain browser), honour a Teams deep link, render.
 * Nothing renders until the host answers, so the first paint already has the right theme.
 *
 * Fluent is imported per package (@fluentui/react-button, …), not from @fluentui/react-components:
 * esbuild splits chunks by file, so one suite import in the initial graph would pull every
 * component the lazy dialogs use into the first download (measured: 212 → 165 KB gzip).
 */
async function start(): Promise<void> {
  const host = await connectHost();
  // A deep link from a card or notification opens the tab with subEntityId = the pilot's id.
  if (host.subPageId && parseHash(window.location.hash).name !== 'config') {
    history.replaceState(history.state, '', hrefFor({ name: 'pilot', id: host.subPageId }));
  }
  createRoot(document.getElementById('root')!).render(<App host={host} />);
}

void start();
