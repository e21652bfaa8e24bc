import { lessonById, lessonPlainText, localizedLesson } from '../../domain/lessons';
import { entityLink, type LinkConfig } from '../app/links';
import type { NotificationCards } from '../app/notifications';
import type { CardAttachment } from '../cards';
import { updateCard } from '../circles/cards';
import { t, type Locale } from '../i18n';

/**
 * Micro-lesson cards: a lesson in the reader's language (as plain text: cards escape Markdown),
 * why it came, and a link to read it and mark it read in the tab.
 */
const str = (v: unknown, max = 300) => (typeof v === 'string' ? v.slice(0, max) : '');

/** The lesson's fields for a card, or nothing for an unknown lesson. */
export function lessonFields(lessonId: unknown, links: LinkConfig, locale: Locale): { title: string; text: string; minutes: string; url: string } | undefined {
  const lesson = lessonById(str(lessonId, 200));
  if (!lesson) return undefined;
  const words = localizedLesson(lesson, locale);
  return { title: words.title, text: lessonPlainText(words.body), minutes: t(locale, '{minutes}-minute read', { minutes: lesson.minutes }), url: entityLink(links, lesson.id) };
}

export function lessonCard(data: Record<string, unknown>, links: LinkConfig, locale: Locale = 'en'): CardAttachment {
  const lesson = lessonFields(data.lessonId, links, locale);
  const why =
    data.reason === 'convenor'
      ? t(locale, 'For your first weeks as convenor of “{name}”', { name: str(data.circleName) })
      : t(locale, 'A short lesson for the launch of “{title}”', { title: str(data.pilotTitle) });
  if (!lesson) return updateCard({ heading: t(locale, 'A lesson from Leaderful'), label: why }, locale);
  return updateCard({ heading: lesson.title, label: `${why} · ${lesson.minutes}`, text: lesson.text, url: lesson.url }, locale);
}

/** The outbox kind lessons queue. */
export const LESSON_CARDS: NotificationCards = {
  lesson: (data, links, locale) => lessonCard(data, links, locale),
};
