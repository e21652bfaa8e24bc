import { pilotTabLink, type LinkConfig } from '../app/links';
import type { NotificationCards } from '../app/notifications';
import { renderCard, type CardAttachment } from '../cards';
import { t, type Locale } from '../i18n';

/** Celebrations: pilot milestones, kudos, projects done and paths completed, in the reader's language. */
const CELEBRATION_HEADINGS: Record<string, string> = {
  first_round: 'First check-in done',
  streak: 'Full-participation streak',
  confidence_rising: 'Confidence is rising',
  measure_met: 'Success measure met',
  adopted: 'Practice adopted',
  kudos: 'Kudos',
  project_done: 'Community project done',
  path_ready: 'Ready to lead',
};

/** Milestone messages are composed here, in the reader's language, from what the domain recorded. */
const CELEBRATION_MESSAGES: Record<string, string> = {
  first_round: 'The first check-in of “{title}” is done. Thank you all for starting this together!',
  streak: '{count} check-ins in a row with everyone taking part in “{title}”. That is a team habit forming.',
  confidence_rising: 'Confidence in “{title}” has risen three check-ins running: {trend}.',
  adopted: '“{title}” is now how this team works. Congratulations on making it stick!',
  measure_met: 'Success measure met for “{title}”: {measure}',
  kudos: '{from} to {to}: {message}',
  project_done: 'The community project “{title}” is done. {summary} Thank you, {circle}, and {sponsor} for sponsoring it!',
  path_ready: '{name} is ready to lead at the “{level}” level, recognised by {coach}. {note}',
};

export function celebrationCard(links: LinkConfig, data: Record<string, unknown>, locale: Locale = 'en'): CardAttachment {
  const kind = String(data.kind);
  const params = (data.params && typeof data.params === 'object' ? data.params : {}) as Record<string, string | number>;
  const message = CELEBRATION_MESSAGES[kind] && Object.keys(params).length ? t(locale, CELEBRATION_MESSAGES[kind], params) : String(data.message ?? '');
  return renderCard(
    'celebration',
    {
      heading: t(locale, CELEBRATION_HEADINGS[kind] ?? 'Celebration'),
      message,
      url: typeof data.pilotId === 'string' ? pilotTabLink(links, data.pilotId) : '',
    },
    [],
    locale,
  );
}


/** The outbox kind celebrations queue. */
export const CELEBRATION_CARDS: NotificationCards = {
  celebration: (data, links, locale) => celebrationCard(links, data, locale),
};
