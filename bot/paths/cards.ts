import { LEADERSHIP_ELEMENTS, LEADERSHIP_LEVELS, type DevelopmentPath, type LeadershipLevel } from '../../domain/paths';
import { str } from '../app/data';
import { entityLink, type LinkConfig } from '../app/links';
import type { NotificationCards } from '../app/notifications';
import { renderCard, type CardAttachment } from '../cards';
import { t, words, type Locale } from '../i18n';

/**
 * Development paths' cards: the owner's own summary (private), the coach's card (readiness
 * review in place), and the card of the outbox kind `path_update`.
 */
export function pathCard(links: LinkConfig, v: { heading: string; text?: string; facts?: { title: string; value: string }[]; pathId: string; canReview?: boolean; privacyNote?: string; status?: string; problem?: string }, locale: Locale): CardAttachment {
  return renderCard(
    'pathCard',
    {
      heading: v.heading,
      text: v.text ?? '',
      facts: v.facts ?? [],
      privacyNote: v.privacyNote ?? '',
      status: v.status ?? '',
      problem: v.problem ?? '',
      canReview: !!v.canReview,
      pathId: v.pathId,
      url: entityLink(links, v.pathId),
    },
    [],
    locale,
  );
}

const levelLabel = (level: unknown, locale: Locale) => ((LEADERSHIP_LEVELS as readonly unknown[]).includes(level) ? words(locale).word(`level.${level as LeadershipLevel}`) : String(level ?? ''));

/** The owner's own summary of their path (shown only in their 1:1 chat). */
export function myPathCard(links: LinkConfig, p: DevelopmentPath, locale: Locale): CardAttachment {
  const facts = [{ title: t(locale, 'Growing in'), value: levelLabel(p.level, locale) }];
  if (p.assessment) for (const e of LEADERSHIP_ELEMENTS) facts.push({ title: words(locale).word(`element.${e}`), value: `${p.assessment.ratings[e]} / 5` });
  facts.push({ title: t(locale, 'Goals'), value: t(locale, '{open} open, {done} done', { open: p.goals.filter((g) => g.status === 'open').length, done: p.goals.filter((g) => g.status === 'done').length }) });
  facts.push({ title: t(locale, 'Shared with'), value: p.shares.length ? p.shares.map((s) => s.name).join(', ') : t(locale, 'Nobody') });
  if (p.review) facts.push({ title: t(locale, 'Readiness review'), value: t(locale, p.review.status === 'requested' ? 'Requested' : p.review.status === 'ready' ? 'Ready' : 'Not yet') });
  return pathCard(links, { heading: t(locale, 'Your development path'), pathId: p.id, facts, privacyNote: t(locale, 'Only you and the people you share it with can see this.') }, locale);
}

/** `path_update`: shared with a coach, a readiness review asked for, coaching notes, "not yet". */
function pathUpdateCard(links: LinkConfig, data: Record<string, unknown>, locale: Locale): CardAttachment {
  const event = str(data.event, 40);
  const pathId = str(data.pathId, 200);
  const level = levelLabel(data.level, locale);
  if (event === 'shared') {
    return pathCard(
      links,
      {
        pathId,
        heading: t(locale, '{name} shared their development path with you', { name: str(data.ownerName) }),
        text: data.coach
          ? t(locale, '{name} is growing in “{level}” and asked you to coach them. Their self-assessment and goals are visible to you, and to nobody they haven’t chosen.', { name: str(data.ownerName), level })
          : t(locale, '{name} is growing in “{level}” and shared their path with you.', { name: str(data.ownerName), level }),
        privacyNote: t(locale, 'Please keep what you read here between the two of you.'),
      },
      locale,
    );
  }
  if (event === 'review_requested') {
    return pathCard(
      links,
      {
        pathId,
        heading: t(locale, '{name} asks for a readiness review', { name: str(data.ownerName) }),
        text: t(locale, 'Is {name} ready to lead at the “{level}” level? “Ready” is recognised with a celebration.', { name: str(data.ownerName), level }),
        canReview: true,
      },
      locale,
    );
  }
  if (event === 'coaching') {
    return pathCard(
      links,
      {
        pathId,
        heading: data.byOwner ? t(locale, '{name} added a coaching check-in', { name: str(data.byName) }) : t(locale, '{name} added a coaching note', { name: str(data.byName) }),
        text: str(data.text),
      },
      locale,
    );
  }
  if (event === 'not_yet') {
    return pathCard(
      links,
      {
        pathId,
        heading: t(locale, '{name} reviewed your readiness', { name: str(data.byName) }),
        text: `${t(locale, 'Not yet — and that is part of growing. What to work on next:')} ${str(data.note)}`,
      },
      locale,
    );
  }
  return pathCard(links, { pathId, heading: t(locale, 'Your development path'), text: t(locale, 'You have an update in Leaderful.') }, locale);
}

/** The outbox kind paths queue. */
export const PATH_CARDS: NotificationCards = {
  path_update: (data, links, locale) => pathUpdateCard(links, data, locale),
};

