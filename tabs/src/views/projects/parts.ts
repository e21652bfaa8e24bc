import type { BadgeColor } from '../../components/LabelBadge';
import type { ProjectStatus, ProjectView } from './api';

/** A project's status badge. */
export const projectColor = (s: ProjectStatus): BadgeColor => (s === 'approved' ? 'brand' : s === 'done' ? 'success' : s === 'declined' ? 'danger' : 'informative');

/** A budget in the reader's currency format (whole units), or as sent if the currency is unknown. */
export function budgetText(locale: string, b: ProjectView['budget']): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: b.currency, maximumFractionDigits: 0 }).format(b.amount);
  } catch {
    return `${b.amount} ${b.currency}`;
  }
}
