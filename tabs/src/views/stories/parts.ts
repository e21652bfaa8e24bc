import type { BadgeColor } from '../../components/LabelBadge';
import type { StoryView } from './api';

/** A story's outcome badge: kept as is, kept changed, or stopped. */
export const outcomeColor = (o: StoryView['outcome']): BadgeColor => (o === 'adopted' ? 'success' : o === 'adapted' ? 'brand' : 'warning');
