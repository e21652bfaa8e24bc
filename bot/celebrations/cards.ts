import { CELEBRATION_KINDS, type CelebrationKind } from '../../domain/celebrations';
import type { Params } from '../../domain/shared/codes';
import { pilotTabLink, type LinkConfig } from '../app/links';
import type { NotificationCards } from '../app/notifications';
import { renderCard, type CardAttachment } from '../cards';
import { t, words, type Locale } from '../i18n';

/**
 * Celebrations: pilot milestones, kudos, projects done and paths completed, in the reader's
 * language, worded from the kind and the params the domain recorded.
 */
export function celebrationCard(links: LinkConfig, data: Record<string, unknown>, locale: Locale = 'en'): CardAttachment {
  const w = words(locale);
  const kind = (CELEBRATION_KINDS as readonly string[]).includes(String(data.kind)) ? (String(data.kind) as CelebrationKind) : undefined;
  const params = (data.params && typeof data.params === 'object' ? data.params : {}) as Params;
  return renderCard(
    'celebration',
    {
      heading: kind ? w.word(`celebration_heading.${kind}`) : t(locale, 'Celebration'),
      message: kind ? w.word(`celebration.${kind}`, params) : '',
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
