import type { CodeWords } from '../codes';

/** The words of the codes only the tab's preferences area shows (they load with its strings: tabs/src/i18n). */
export const preferences = {
  celebrations: {
    'celebration_heading.first_round': 'First check-in done',
    'celebration_heading.streak': 'Full-participation streak',
    'celebration_heading.confidence_rising': 'Confidence is rising',
    'celebration_heading.measure_met': 'Success measure met',
    'celebration_heading.adopted': 'Practice adopted',
    'celebration_heading.kudos': 'Kudos',
    'celebration_heading.project_done': 'Community project done',
    'celebration_heading.path_ready': 'Ready to lead',
    'celebration.first_round': 'The first check-in of “{title}” is done. Thank you all for starting this together!',
    'celebration.streak': '{count} check-ins in a row with everyone taking part in “{title}”. That is a team habit forming.',
    'celebration.confidence_rising': 'Confidence in “{title}” has risen three check-ins running: {trend:steps}.',
    'celebration.measure_met': 'Success measure met for “{title}”: {measure}',
    'celebration.adopted': '“{title}” is now how this team works. Congratulations on making it stick!',
    'celebration.kudos': '{from} to {to}: {message}',
    'celebration.project_done': 'The community project “{title}” is done. {summary} Thank you, {circle}, and {sponsor} for sponsoring it!',
    'celebration.path_ready': '{name} is ready to lead at the “{level:level}” level, recognised by {coach}. {note}',
  },
} satisfies CodeWords;
