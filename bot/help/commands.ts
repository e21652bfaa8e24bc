/**
 * The commands the help card lists. COMMANDS are the manifest's personal command list, in its
 * order (Teams sends a command's title as the message text, so titles are what the bot parses);
 * CIRCLE_COMMANDS work in group chats and channels too.
 */
export const COMMANDS = [
  { name: 'my pilots', description: 'List the pilots you run or take part in' },
  { name: 'launch pilot', description: 'Start a new leadership-practice pilot' },
  { name: 'feedback', description: 'Give feedback to your manager or senior leaders, named or anonymous' },
  { name: 'pause me for 7 days', description: 'Skip check-ins while you are away' },
  { name: 'time zone Europe/Madrid', description: 'Set the time zone your check-ins follow' },
  { name: 'celebrations off', description: 'Celebrate you privately, never in the team (on to undo)' },
  { name: 'help', description: 'Show what Leaderful can do' },
];

export const CIRCLE_COMMANDS = [
  { name: 'start circle <name>', description: 'Start a leadership circle in this group chat or channel' },
  { name: 'circle', description: 'The circle here: convenor, election, ballot' },
  { name: 'nominate me', description: 'Stand for convenor (or “nominate <name>”)' },
  { name: 'stories <words>', description: 'Find practice stories from other managers' },
  { name: 'share story', description: 'Publish what you learned from a closed pilot' },
  { name: 'my path', description: 'Your development path (private to you)' },
];
