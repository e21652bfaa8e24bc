import type { CodeWords } from '../codes';

/** The words of the codes only the tab's circles area shows (they load with its strings: tabs/src/i18n). */
export const circles = {
  errors: {
    'circle.convenor_only_call': 'Only the convenor or an admin can call an election.',
    'circle.convenor_only_close': 'Only the convenor or an admin can close the election early.',
    'circle.convenor_only_edit': 'Only the circle’s convenor can change it.',
    'circle.election_open': 'An election is already open in this circle.',
    'circle.election_closed': 'This election has closed.',
    'circle.no_election': 'No election is open in this circle.',
    'circle.nominee_only': 'Only the nominee can withdraw their nomination.',
    'circle.full': 'A circle has at most {max} members.',
    'circle.convenor_leaving': 'You convene this circle: hand the role on first (open an election, or ask an admin).',
  },
  circles: {
    'circle.rule.tie_break': 'Most votes wins. A tie goes to the tied nominee who has convened this circle least recently (never before comes first); if still tied, to the one nominated first.',
    'circle.rule.rotation':
      'With no nominees when the election closes, the sitting convenor carries on for a new term if they may stand; otherwise the role rotates to the member who has convened least recently (never before comes first), in the order people joined.',
    'circle.rule.ballot': 'One vote each, secret, changeable until the close. Most votes wins; a tie goes to the tied nominee who has convened least recently (never before first), then to the one nominated first.',
    'circle.rule.outgoing_rotates': 'The outgoing convenor does not stand this time: the role rotates.',
    'circle.election.first': { one: '“{name}” has started with {count} member.', other: '“{name}” has started with {count} members.' },
    'circle.election.term_ended': '{name}’s term as convenor has ended: thank you!',
    'circle.election.requested': '{name} has called an election.',
    'circle.result.votes': '{name} received the most votes ({count} cast).',
    'circle.result.tie_break': 'The vote was tied: under the circle’s tie-break rule the role goes to {name}, who convened least recently.',
    'circle.result.continued': 'Nobody else stood, so {name} carries on for a new term.',
    'circle.result.rotation': 'Nobody stood, so the role rotates to {name}, who convened least recently.',
  },
} satisfies CodeWords;
