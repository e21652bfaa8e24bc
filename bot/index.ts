import type { Domain } from '../domain';
import type { Caller } from '../domain/shared/caller';
import { createLog, type Log } from '../platform/log';
import type { LinkConfig } from './app/links';
import { routerOf, type Feature } from './app/router';
import { commandRunner, verbRunner } from './app/runners';
import { TeamsBot } from './app/teams-bot';
import { registerCelebrationRoutes } from './celebrations';
import { registerCheckinRoutes } from './checkins';
import { registerCircleRoutes } from './circles';
import { registerFeedbackRoutes } from './feedback';
import { registerHelpRoutes } from './help';
import type { Locale } from './i18n';
import { registerInstallRoutes } from './install';
import { registerPathRoutes } from './paths';
import { registerPilotRoutes } from './pilots';
import { registerProjectRoutes } from './projects';
import { registerStoryRoutes } from './stories';
import { registerPulseRoutes } from './pulse';

/**
 * Leaderful's bot, built from its features. Each feature folder holds its routes, its cards and
 * their templates; bot/app is the route table, the pipeline every route runs in and the
 * botbuilder transport; bot/delivery sends what the outbox holds.
 */
export const FEATURES: Feature[] = [
  registerInstallRoutes,
  registerHelpRoutes,
  registerPilotRoutes,
  registerCheckinRoutes,
  registerCelebrationRoutes,
  registerFeedbackRoutes,
  registerCircleRoutes,
  registerStoryRoutes,
  registerProjectRoutes,
  registerPathRoutes,
  registerPulseRoutes,
];

/** Circles and what grows in them: stories, community projects, development paths. */
const CIRCLE_FEATURES: Feature[] = [registerCircleRoutes, registerStoryRoutes, registerProjectRoutes, registerPathRoutes];

export class LeaderfulBot extends TeamsBot {
  constructor(domain: Domain, log: Log, links: LinkConfig) {
    const deps = { domain, links, log };
    super(routerOf(FEATURES, deps), deps);
  }
}

// The circle family's commands and verbs on their own, for a known caller (tests drive them
// without HTTP). Unexpected failures are thrown, so nothing needs logging here.
const quiet = () => createLog('silent');

/** Runs a circle, story, project or path chat command; true when one answered. */
export const circleCommands = (domain: Domain, links: LinkConfig) => commandRunner(CIRCLE_FEATURES, { domain, links, log: quiet() });

/** Answers a `circle.*`, `story.*`, `project.*` or `path.*` card verb with the card that replaces the one clicked. */
export function circleActions(links: LinkConfig) {
  return (domain: Domain, caller: Caller, verb: string, data: Record<string, unknown>, locale: Locale = 'en') =>
    verbRunner(CIRCLE_FEATURES, { domain, links, log: quiet() })(caller, verb, data, locale);
}
