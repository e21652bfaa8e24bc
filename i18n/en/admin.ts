import type { CodeWords } from '../codes';

/** The words of the codes only the tab's admin area shows (they load with its strings: tabs/src/i18n). */
export const admin = {
  errors: {
    'admin.admins_only': 'Only Leaderful admins can do that. Admins are assigned the Leaderful.Admin role in Microsoft Entra ID.',
    'admin.owner_in_teams': 'This manager is an owner of the team in Teams: change the team’s owners in Teams instead.',
  },
  sync: {
    'sync.not_connected': 'Leaderful cannot read this organisation from Microsoft Graph: its identity belongs to another tenant.',
    'sync.graph_forbidden': 'Microsoft Graph refused: grant Leaderful’s identity the User.Read.All and TeamMember.Read.All application permissions (see the deployment guide).',
    'sync.graph_throttled': 'Microsoft Graph kept asking Leaderful to slow down. The next sync carries on from the last complete one.',
    'sync.graph_unavailable': 'Microsoft Graph could not be reached. The next sync carries on from the last complete one.',
    'sync.restarted': 'The saved change link had expired, so this sync read the whole organisation again.',
    'sync.cycle': 'The manager chain of {people:and} loops back on itself: their previous places were kept.',
    'sync.missing_manager': '{person}’s manager ({manager}) is not in the directory: their previous place was kept.',
    'sync.too_many_reports': { one: '{person} has {count} direct report, more than the {max} Leaderful accepts: those reporting lines were not taken.', other: '{person} has {count} direct reports, more than the {max} Leaderful accepts: those reporting lines were not taken.' },
    'sync.team_not_found': 'Teams does not know the team “{team}” any more: its managers were kept.',
    'sync.team_forbidden': 'Microsoft Graph refused to list the owners of “{team}”: its managers were kept.',
    'sync.failed': 'The sync stopped on an unexpected error. The next sync reads the changes again.',
    'sync.more_problems': { one: 'And {count} more problem.', other: 'And {count} more problems.' },
  },
} satisfies CodeWords;
