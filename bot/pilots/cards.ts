import type { Pilot } from '../../domain/pilots';
import { localizedPractice, type Practice } from '../../domain/practices';
import { pilotTabLink, tabHomeLink, type LinkConfig } from '../app/links';
import { renderCard, type CardAttachment } from '../cards';
import { t, type Locale } from '../i18n';

/** Pilot statuses as people read them (translated with `t`). */
export const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  active: 'Active',
  paused: 'Paused',
  in_review: 'In review',
  adopted: 'Adopted',
  adapted: 'Adapted',
  stopped: 'Stopped',
};

/** A pilot at a glance, with a link into the tab. Unfurled links use schema 1.3 (Teams caches them). */
export function pilotCard(links: LinkConfig, pilot: Pilot, version: '1.3' | '1.5' = '1.5', locale: Locale = 'en'): CardAttachment {
  const h = pilot.health;
  const level = { good: 'Good', watch: 'Watch', at_risk: 'At risk', unknown: 'No check-ins yet' }[h.level];
  const health = [
    t(locale, level),
    h.level !== 'unknown' && h.participation !== null ? t(locale, '{percent}% answered', { percent: Math.round(h.participation * 100) }) : '',
    h.level !== 'unknown' && h.confidence !== null ? t(locale, 'confidence {value}/5', { value: h.confidence.toFixed(1) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return renderCard(
    'pilot',
    {
      version,
      title: pilot.title,
      practiceName: pilot.practiceName,
      teamName: pilot.teamName,
      hypothesis: pilot.hypothesis,
      status: t(locale, STATUS_LABEL[pilot.status]),
      managerName: pilot.managerName,
      dates: `${pilot.startDate} → ${pilot.endDate}`,
      health,
      url: pilotTabLink(links, pilot.id),
    },
    [],
    locale,
  );
}

/** A library practice, as found by the search. */
export function practiceCard(links: LinkConfig, practice: Practice, locale: Locale): CardAttachment {
  const p = localizedPractice(practice, locale);
  return renderCard('practice', { name: p.name, summary: p.summary, why: p.why, how: p.how, url: tabHomeLink(links) }, [], locale);
}

/** "my pilots": the caller's pilots, each linking into the tab. */
export function pilotListCard(links: LinkConfig, pilots: Pilot[], locale: Locale): CardAttachment {
  return renderCard(
    'pilotList',
    {
      heading: t(locale, 'Your pilots'),
      empty: t(locale, 'No pilots yet. Type “launch pilot” to start one.'),
      pilots: pilots.map((p) => ({
        title: p.title,
        subtitle: `${t(locale, STATUS_LABEL[p.status])} · ${p.teamName} · ${p.practiceName}`,
        url: pilotTabLink(links, p.id),
      })),
    },
    [],
    locale,
  );
}

/** A button that opens the launch form as a dialog (task/fetch). */
export const launchCard = (locale: Locale): CardAttachment => renderCard('launch', {}, [], locale);
