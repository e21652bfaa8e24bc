import type { Store } from './ports/store';
import type { GraphPort } from './ports/graph';
import { Administration } from './admin/admin';
import { Privacy } from './privacy/privacy';
import { AuditLog } from './audit/audit';
import { OrgSync } from './org/sync';
import { systemClock, type Clock } from './shared/clock';
import { ProcessedActivities } from './outbox/activities';
import { Celebrations } from './celebrations/celebrations';
import { CheckIns } from './checkins/checkins';
import { Circles } from './circles/circles';
import { DevelopmentPaths } from './paths/paths';
import { Directory } from './directory/directory';
import { Feedback } from './feedback/feedback';
import { Outbox } from './outbox/outbox';
import { Pilots } from './pilots/pilots';
import { PortfolioView } from './portfolio/portfolio';
import { AnonymityRepository, DisclosureLoader } from './anonymity';
import { Practices } from './practices/practices';
import { PracticeProposals } from './practices/proposals';
import { Lessons } from './lessons/lessons';
import { Projects } from './projects/projects';
import { Stories } from './stories/stories';
import { Pulse } from './pulse/pulse';
import { NO_LIMITS, type RateLimits } from './shared/rate-limits';
import { Retention, RetentionPolicies, RetentionStamping } from './retention';

/**
 * The one domain layer. The bot, the message extension and the tab API are thin faces over it;
 * it alone talks to the store. Built once per process and passed down, never held in globals.
 */
export interface Domain {
  clock: Clock;
  directory: Directory;
  practices: Practices;
  proposals: PracticeProposals;
  pilots: Pilots;
  activities: ProcessedActivities;
  outbox: Outbox;
  celebrations: Celebrations;
  checkins: CheckIns;
  feedback: Feedback;
  portfolio: PortfolioView;
  /** Disclosure per request: what of anonymous data a viewer may see (domain/anonymity). */
  disclosure: DisclosureLoader;
  circles: Circles;
  stories: Stories;
  projects: Projects;
  paths: DevelopmentPaths;
  /** The organisation from Microsoft Graph: people's places and teams' owners. */
  org: OrgSync;
  audit: AuditLog;
  /** How long each kind of record is kept, and the sweep that applies it. */
  retention: Retention;
  admin: Administration;
  /** A person's data on request (export, erase) and leaving the app (uninstall, tenant deletion). */
  privacy: Privacy;
  lessons: Lessons;
  /** The managers' pulse: how managers are led, by managers' groups of at least k. */
  pulse: Pulse;
  limits: RateLimits;
}

/** `activityFeed`: Microsoft Graph is configured, so notices may go to the Teams activity feed. */
export function createDomain(raw: Store, clock: Clock = systemClock, limits: RateLimits = NO_LIMITS, graph?: GraphPort, opts: { activityFeed?: boolean } = {}): Domain {
  // Every component writes through the retention stamp: retained kinds carry their `ttl`.
  const policies = new RetentionPolicies(raw, clock);
  const store: Store = new RetentionStamping(raw, policies, clock);
  const audit = new AuditLog(store, clock);
  const retention = new Retention(raw, policies, audit, clock);
  const directory = new Directory(store, clock, opts.activityFeed);
  const practices = new Practices(store, clock, audit);
  const outbox = new Outbox(store, clock);
  const celebrations = new Celebrations(store, directory, outbox, clock, limits);
  const pilots = new Pilots(store, directory, practices, celebrations, clock);
  const proposals = new PracticeProposals(store, pilots, practices, clock, audit);
  const activities = new ProcessedActivities(store, clock);
  const checkins = new CheckIns(store, directory, outbox, celebrations, clock);
  const feedback = new Feedback(store, directory, pilots, outbox, clock, limits, audit);
  // Answers marked "share anonymously with leaders" join the feedback flow as their round closes.
  checkins.onRoundClosed((tenantId, roundId) => feedback.shareCheckinAnswers(tenantId, roundId));
  // What of anonymous data each viewer may see is decided by one loader, for every face.
  // Pulse views also group managers by their org chains, which the pulse knows (built just below).
  const disclosure: DisclosureLoader = new DisclosureLoader(new AnonymityRepository(store), (tenantId) => directory.settings(tenantId), clock, (tenantId) => pulse.managerPlaces(tenantId));
  const pulse: Pulse = new Pulse(store, directory, outbox, disclosure, clock);
  const portfolio = new PortfolioView(store, disclosure, (caller, key) => pulse.groupMembers(caller, key), audit);
  const circles = new Circles(store, directory, outbox, clock, disclosure, limits);
  const stories = new Stories(store, directory, pilots, circles, outbox, clock, limits);
  const projects = new Projects(store, directory, circles, celebrations, outbox, clock, audit, limits);
  const paths = new DevelopmentPaths(store, directory, pilots, circles, celebrations, outbox, clock, limits);
  // A lesson arrives with every pilot's launch.
  const lessons = new Lessons(store, outbox, clock);
  pilots.onLaunched((pilot) => lessons.pilotLaunched(pilot));
  const org = new OrgSync(store, directory, graph, clock);
  const admin = new Administration(directory, org, audit);
  const privacy = new Privacy(store, directory, audit, clock);
  // People erased from a tenant are not brought back by the organisation sync.
  org.skipErased((tenantId) => privacy.erased(tenantId));
  return { clock, disclosure, directory, practices, proposals, pilots, activities, outbox, celebrations, checkins, feedback, portfolio, limits, circles, stories, projects, paths, org, audit, retention, admin, privacy, lessons, pulse };
}

export * from './shared/caller';
export * from './directory/model';
export * from './practices/model';
export * from './pilots/model';
export * from './checkins/model';
export * from './feedback/model';
export * from './celebrations/model';
export * from './circles/model';
export * from './stories/model';
export * from './projects/model';
export * from './paths/model';
export type { Store } from './ports/store';
export { DomainError } from './shared/errors';
