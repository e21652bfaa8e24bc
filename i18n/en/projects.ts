import type { CodeWords } from '../codes';

/** The words of the codes only the tab's projects area shows (they load with its strings: tabs/src/i18n). */
export const projects = {
  errors: {
    'challenge.leaders_only': 'Only senior leaders can post organisation challenges.',
    'challenge.poster_only': 'Only the leader who posted this challenge (or an admin) can close it.',
    'challenge.closed': 'This challenge is closed: it is no longer taken up as a project.',
    'project.leaders_only': 'Only senior leaders decide on community projects.',
    'project.own_proposal': 'You proposed this project: another senior leader decides.',
    'project.already_decided': 'This project was already {status:project_status}.',
    'project.members_only': 'Only the circle’s members check in on its project.',
    'project.not_started': 'Progress check-ins start once the project is approved.',
    'project.finished': 'This project is {status:project_status}.',
    'project.done_by': 'Only the circle or the sponsor can mark the project done.',
    'project.not_approved': 'The project has not been approved yet.',
    'project.declined': 'A declined project cannot be completed.',
  },
} satisfies CodeWords;
