import type { Project, ProjectCardData } from '../../domain/projects';
import { str } from '../app/data';
import { entityLink, type LinkConfig } from '../app/links';
import type { NotificationCards } from '../app/notifications';
import { renderCard, type CardAttachment } from '../cards';
import { t, type Locale } from '../i18n';

/**
 * Community projects' cards: the project (the sponsor decides on it in place), the list of a
 * circle's projects, and the card of the outbox kind `project_update`.
 */
const PROJECT_STATUS_LABEL: Record<Project['status'], string> = { proposed: 'Proposed', approved: 'Approved', declined: 'Declined', done: 'Done' };

function money(amount: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(locale === 'es' ? 'es-ES' : 'en-GB', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function projectCard(links: LinkConfig, p: ProjectCardData, locale: Locale, opts: { intro?: string; canDecide?: boolean; status?: string; problem?: string } = {}): CardAttachment {
  const facts = [
    { title: t(locale, 'Circle'), value: p.circleName },
    { title: t(locale, 'Time asked'), value: t(locale, p.weeksAsked === 1 ? '{n} week' : '{n} weeks', { n: p.weeksAsked }) },
    { title: t(locale, 'Budget asked'), value: money(p.budget.amount, p.budget.currency, locale) },
    { title: t(locale, 'Sponsor'), value: p.sponsorName },
    { title: t(locale, 'Status'), value: t(locale, PROJECT_STATUS_LABEL[p.status]) },
  ];
  if (p.decidedBy) facts.push({ title: t(locale, 'Decided by'), value: p.decidedBy });
  if (p.reason) facts.push({ title: t(locale, 'Reason'), value: p.reason });
  if (p.summary) facts.push({ title: t(locale, 'Outcome'), value: p.summary });
  return renderCard(
    'projectCard',
    {
      projectId: p.projectId,
      intro: opts.intro ?? '',
      title: p.title,
      subtitle: t(locale, 'Proposed by {name} for the circle “{circle}”', { name: p.proposedByName, circle: p.circleName }),
      goal: p.goal,
      facts,
      status: opts.status ?? '',
      problem: opts.problem ?? '',
      canDecide: !!opts.canDecide,
      url: entityLink(links, p.projectId),
    },
    [],
    locale,
  );
}

/** `project_update`: proposed (to the sponsor, who decides here), approved, declined, done. */
function projectUpdateCard(links: LinkConfig, data: Record<string, unknown>, locale: Locale): CardAttachment {
  const event = str(data.event, 40);
  const p = data as unknown as ProjectCardData;
  const intro =
    event === 'proposed'
      ? t(locale, 'You are asked to sponsor a community project. Approve it, or decline with a reason.')
      : event === 'proposed_circle'
        ? t(locale, 'A community project was proposed and is waiting for its sponsor’s decision.')
        : event === 'approved'
          ? t(locale, 'The project is approved: check in on its progress as you go.')
          : event === 'declined'
            ? t(locale, 'The project was declined.')
            : t(locale, 'The project is done. Thank you for sponsoring it!');
  return projectCard(links, { ...p, budget: p.budget ?? { amount: 0, currency: 'EUR' } }, locale, { intro, canDecide: event === 'proposed' });
}

/** The outbox kind projects queue. */
export const PROJECT_CARDS: NotificationCards = {
  project_update: (data, links, locale) => projectUpdateCard(links, data, locale),
};

/** "projects": a circle's community projects (or all the caller may see). */
export function projectListCard(links: LinkConfig, list: Project[], locale: Locale): CardAttachment {
  return renderCard(
    'pilotList',
    {
      heading: t(locale, 'Community projects'),
      empty: t(locale, 'No community projects yet. A circle proposes one from the Leaderful tab.'),
      pilots: list.slice(0, 10).map((p) => ({ title: p.title, subtitle: `${t(locale, PROJECT_STATUS_LABEL[p.status])} · ${p.circleName} · ${p.sponsorName}`, url: entityLink(links, p.id) })),
    },
    [],
    locale,
  );
}
