/** The shell: navigation, sign-in and the demo picker, roles, the channel tab's configuration page. */
export const shell = {
  'nav.label': 'Leaderful views',
  'nav.myPilots': 'My pilots',
  'nav.feedback': 'Feedback',
  'nav.leader': 'Leader view',
  'nav.circles': 'Circles',
  'nav.stories': 'Stories',
  'nav.projects': 'Projects',
  'nav.path': 'My path',
  'nav.admin': 'Admin',

  'signIn.title': 'Choose a demo user',
  'signIn.intro': 'This is a local demo of Leaderful. Pick someone to see the app as they would in Microsoft Teams.',
  'signIn.switchUser': 'Switch user',
  'openInTeams.title': 'Open Leaderful in Microsoft Teams',
  'openInTeams.body': 'This page is a Microsoft Teams tab. Open Leaderful from Apps in Teams to use it.',

  'role.member': 'Team member',
  'role.manager': 'Manager',
  'role.leader': 'Senior leader',
  'role.admin': 'Admin',

  'config.title': 'Show a team’s pilots in this channel',
  'config.intro': 'Choose the team whose pilots this tab shows. Everyone in the channel sees that team’s pilots and how they are going.',
  'config.team': 'Team',
  'config.ready': 'Select Save to add the tab.',
  'config.noTeams': 'You aren’t in any team Leaderful knows yet. Add the Leaderful bot to your team first.',
  'config.preview': 'Open the team view',
  'config.tabName': 'Pilots',
} as const;
