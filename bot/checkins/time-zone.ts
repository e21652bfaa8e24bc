import type { Activity } from 'botbuilder';
import type { Domain } from '../../domain';
import { isValidTimeZone } from '../../domain/shared/schedule';
import type { Turn } from '../app/turn';
import { t, type Locale } from '../i18n';

/**
 * The zone check-ins follow. A person's device reports one with every message; it is their zone
 * until they choose one ("time zone Europe/Madrid", or their preferences in the tab). A choice
 * beats the device from then on: the device zone is only offered as a hint.
 */

/** The IANA zone the person's Teams client reports, when it is one. */
export function deviceTimeZone(activity: Partial<Activity>): string | undefined {
  const tz = activity.localTimezone;
  return typeof tz === 'string' && isValidTimeZone(tz) ? tz : undefined;
}

/** "Your device says …": offered when it differs from the zone the person chose. */
export const deviceZoneHint = (locale: Locale, device: string, chosen: string): string =>
  t(locale, 'Your check-ins follow {chosen} time, the zone you chose. Your device says {device}: type “time zone {device}” to follow it instead.', { chosen, device });

export async function setTimeZone(domain: Domain, turn: Turn, tz: string): Promise<void> {
  const { locale, caller } = turn;
  if (!isValidTimeZone(tz)) {
    return turn.say(t(locale, "I don't know the time zone “{tz}”. Use a name like Europe/Madrid or America/New_York.", { tz: tz.slice(0, 60) }));
  }
  await domain.directory.chooseTimeZone(caller, tz);
  const device = deviceTimeZone(turn.activity);
  const confirmed = t(locale, 'Your check-ins now follow {tz} time.', { tz });
  await turn.say(device && device !== tz ? `${confirmed} ${t(locale, 'Your device says {device}: type “time zone {device}” to follow it instead.', { device })}` : confirmed);
}
