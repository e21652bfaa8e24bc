import type { Store } from '../store/cosmos';
import { systemClock, type Clock } from './clock';
import { ProcessedActivities } from './activities';
import { Celebrations } from './celebrations';
import { CheckIns } from './checkins';
import { Directory } from './directory';
import { Feedback } from './feedback';
import { Outbox } from './outbox';
import { Pilots } from './pilots';
import { PortfolioView } from './portfolio';
import { Practices } from './practices';

/**
 * The one domain layer. The bot, the message extension and the tab API are thin faces over it;
 * it alone talks to the store. Built once per process and passed down, never held in globals.
 */
export interface Domain {
  clock: Clock;
  directory: Directory;
  practices: Practices;
  pilots: Pilots;
  activities: ProcessedActivities;
  outbox: Outbox;
  celebrations: Celebrations;
  checkins: CheckIns;
  feedback: Feedback;
  portfolio: PortfolioView;
}

export function createDomain(store: Store, clock: Clock = systemClock): Domain {
  const directory = new Directory(store, clock);
  const practices = new Practices(store);
  const outbox = new Outbox(store, clock);
  const celebrations = new Celebrations(store, directory, outbox, clock);
  const pilots = new Pilots(store, directory, practices, celebrations, clock);
  const activities = new ProcessedActivities(store, clock);
  const checkins = new CheckIns(store, directory, outbox, celebrations, clock);
  const feedback = new Feedback(store, directory, pilots, outbox, clock);
  const portfolio = new PortfolioView(store);
  return { clock, directory, practices, pilots, activities, outbox, celebrations, checkins, feedback, portfolio };
}

export * from './model';
export { DomainError } from './errors';
