import type { CodeWords } from '../codes';

/** The words of the codes only the tab's feedback area shows (they load with its strings: tabs/src/i18n). */
export const feedback = {
  errors: {
    'feedback.admins_only': 'Only admins can change the anonymity threshold.',
    'feedback.too_few_people': 'Leaderful knows fewer than {k} people in your organisation, so feedback cannot be anonymous yet. Send it with your name, or try again later.',
    'feedback.leaders_only': 'Only senior leaders and admins can see feedback across teams.',
    'feedback.closed': 'This feedback item is closed.',
    'feedback.already_acted': 'This item is already marked as acted on. Add a reply instead.',
    'feedback.acknowledge_first': 'Acknowledge this feedback before closing it.',
    'feedback.replies_closed': 'This feedback item is closed. Replies are no longer possible.',
    'feedback.thread_full': 'This conversation is long enough. Please start a new feedback item.',
    'feedback.owner_only': 'Only the person this feedback was sent to can do that.',
    'feedback.nothing_done': 'Nothing has been marked as done on this item yet.',
    'feedback.in_progress': 'This item is still being worked on.',
  },
  signals: {
    'signal.group_neglected': {
      one: '{count} feedback item from {group} has waited more than {days} days without being acknowledged; the oldest is from the week of {week:date}.',
      other: '{count} feedback items from {group} have waited more than {days} days without being acknowledged; the oldest is from the week of {week:date}.',
    },
    'signal.group_slow_ack': 'Acknowledging feedback from {group} took a median of {weeks} weeks over the last {items} items.',
    'signal.group_workload': 'In the week of {week:date}, {group} answered the workload question with an average of {value:decimal} of 5 (1 = overloaded) over {answers} answers.',
    'signal.group_participation_fell': 'Check-in participation in {group} fell from {from:percent} (week of {fromWeek:date}) to {to:percent} (week of {toWeek:date}), a common sign of overload.',
    'signal.group_autonomy_fell': 'Answers to “How free did you feel to decide how to do your work?” in {group} fell from {from:decimal} (week of {fromWeek:date}) to {to:decimal} (week of {toWeek:date}) over {weeks} weeks.',
  },
  topics: {
    'topic.practice': 'The practice',
    'topic.workload': 'Workload',
    'topic.autonomy': 'Autonomy',
    'topic.support': 'Support',
    'topic.recognition': 'Recognition',
    'topic.other': 'Something else',
  },
} satisfies CodeWords;
