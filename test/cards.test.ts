import { TEMPLATES, escapeMarkdown, renderCard, type TemplateName } from '../bot/cards';
import { cardProblems } from './helpers/cards';

/** Sample data that fills every slot of every template, hostile text included. */
const hostile = '**bold** [click](https://evil.example) <at>Everyone</at> _x_ - list';
const SAMPLES: Record<TemplateName, Record<string, unknown>> = {
  help: { intro: hostile, commands: [{ name: 'help', description: 'Show help' }], tabUrl: 'https://x.test/tabs' },
  launch: {},
  message: { title: hostile, text: hostile },
  pilot: { version: '1.5', title: hostile, practiceName: 'P', teamName: 'T', hypothesis: hostile, status: 'Active', managerName: 'M', dates: 'a → b', health: 'Good', url: 'https://x.test/p' },
  pilotForm: {
    heading: 'Launch', problem: hostile, values: { practiceId: '', title: hostile, hypothesis: '', successMeasures: '', teamId: 't', weekdays: '1,3', time: '10:00', startDate: '2026-01-01', endDate: '2026-02-01', launchNow: 'true' },
    errors: { title: 'bad', hypothesis: '', successMeasures: '', teamId: '', cadence: '', startDate: '', endDate: '' }, requestId: 'r', practices: [{ name: 'A', value: 'practice:a' }], teams: [{ name: 'T', value: 'team:t' }],
  },
  pilotList: { heading: 'Your pilots', empty: 'None', pilots: [{ title: hostile, subtitle: 's', url: 'https://x.test/p' }] },
  practice: { name: 'N', summary: hostile, why: 'w', how: ['a', 'b'], url: 'https://x.test' },
  welcome: { text: hostile },
  celebration: { heading: 'Kudos', message: hostile, url: 'https://x.test/p' },
  checkin: {
    roundId: 'round:p:2027-01-04', pilotTitle: hostile, closesAt: '2027-01-05T14:00:00Z', facilitatorLine: 'Facilitator: Ana', problem: hostile, shareAnonymously: 'false', submitTitle: 'Send',
    tipTitle: 'Write down the why', tipText: 'A decision log saves the team from deciding the same thing twice.', tipUrl: 'https://leaderful.test/tabs/index.html#/lessons/lesson%3Alog-the-why',
    questions: [
      { id: 'confidence', kind: 'scale', text: 'How confident?', low: 'Not at all', high: 'Completely', choiceList: [], value: '4' },
      { id: 'progress', kind: 'text', text: 'Progress?', choiceList: [], value: hostile },
      { id: 'ok', kind: 'yesno', text: 'OK?', choiceList: [], value: 'true' },
      { id: 'pick', kind: 'choice', text: 'Pick', choiceList: [{ title: 'A' }, { title: 'B' }], value: 'A' },
    ],
  },
  checkinChoice: {
    intro: hostile, confidence: '3', note: hostile,
    rounds: [{ roundId: 'round:a', title: hostile, buttonTitle: 'A', closesAt: '2027-01-05T14:00:00Z' }, { roundId: 'round:b', title: 'B', buttonTitle: 'B', closesAt: '2027-01-06T14:00:00Z' }],
  },
  checkinReminder: { pilotTitle: hostile, closesAt: '2027-01-05T14:00:00Z', roundId: 'r' },
  checkinClosed: { pilotTitle: hostile, answers: [{ question: 'Q', answer: hostile }], missed: false, hasSummary: true, participation: '2 of 3', confidence: '4.0 / 5', blockers: [hostile], privacyNote: 'note', url: 'https://x.test/p' },
  checkinThanks: { roundId: 'r', pilotTitle: hostile, closesAt: '2027-01-05T14:00:00Z', open: true, shared: true, answers: [{ question: 'Q', answer: hostile }] },
  facilitator: { text: hostile, detail: 'd', roundId: 'r', canSwap: true },
  kudosForm: { problem: hostile, values: { toUserId: '', message: hostile, visibility: 'team' }, requestId: 'r', people: [{ name: 'Ana', value: 'u1' }] },
  roundSummary: { heading: 'Summary', intro: hostile, participation: '2 of 3', confidence: '4.0 / 5', facilitator: 'Ana', blockers: [hostile], privacyNote: 'note', url: 'https://x.test/p' },
  feedbackForm: {
    mode: 'inline', heading: 'Give feedback', intro: hostile, problem: hostile, requestId: 'r', anonymityNote: 'note',
    values: { audience: 'manager', topic: 'workload', text: hostile, pilotId: 'none', anonymous: 'true' },
    errors: { audience: 'bad', topic: '', text: 'bad', pilotId: '', anonymous: '' },
    audiences: [{ title: 'My manager (Ana)', value: 'manager' }, { title: 'Senior leaders', value: 'leaders' }], topics: [{ title: 'Workload', value: 'workload' }], pilots: [{ title: hostile, value: 'pilot:p' }],
  },
  feedbackThread: {
    heading: hostile, excerpt: hostile, message: hostile, messageLabel: 'Ana wrote', facts: [{ title: 'Topic', value: hostile }], privacyNote: 'private', status: 'Sent.', problem: hostile,
    feedbackId: 'feedback:f', requestId: 'r', canReply: true, canConfirm: true, canReopen: true,
  },
  feedbackDigest: { summary: hostile, topics: [{ topic: 'Workload', count: '2' }], note: 'note', url: 'https://x.test/tabs' },
  circleStatus: {
    circleId: 'circle:c', heading: hostile, subtitle: hostile, text: hostile, status: 'ok', problem: hostile, facts: [{ title: 'Members', value: hostile }], closesAt: '2027-01-05T14:00:00Z',
    showVote: true, nominees: [{ name: hostile, value: 'u1' }], showNominate: true, candidates: [{ name: 'Ana', value: 'u1' }, { name: 'Ned', value: 'u2' }], rule: hostile, canClose: true, canJoin: true, url: 'https://x.test/c',
  },
  circleUpdate: {
    heading: hostile, label: hostile, text: hostile, quote: hostile, facts: [{ title: hostile, value: '2 votes' }], dueLabel: 'Closes', dueAt: '2027-01-05T14:00:00Z', circleId: 'circle:c',
    showBallot: true, showWithdraw: true, chatTitle: 'Reply in chat', chatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=a%40b.test', url: 'https://x.test/c',
  },
  storyCard: {
    storyId: 'story:s', intro: hostile, pilotTitle: hostile, subtitle: hostile, tried: hostile, happened: hostile, change: hostile, footer: hostile, status: 'ok', problem: hostile, canAsk: true, askLabel: 'Ask Ana',
    requestId: 'r', reactionButtons: [{ kind: 'helpful', title: '👍 Helpful (2)' }, { kind: 'inspiring', title: '💡 Inspiring' }, { kind: 'will_try', title: '🧪 I’ll try it' }], url: 'https://x.test/s',
  },
  storyForm: {
    problem: hostile, requestId: 'r', values: { pilotId: 'pilot:p', tried: hostile, happened: '', change: '', circleIds: 'circle:c' },
    pilots: [{ name: hostile, value: 'pilot:p' }], circles: [{ name: 'Circle', value: 'circle:c' }],
  },
  projectCard: {
    projectId: 'project:p', intro: hostile, title: hostile, subtitle: hostile, goal: hostile, facts: [{ title: 'Budget asked', value: '€1,500.00' }], status: 'ok', problem: hostile, canDecide: true, url: 'https://x.test/p',
  },
  pathCard: { heading: hostile, text: hostile, facts: [{ title: 'Influencing', value: '3 / 5' }], privacyNote: 'private', status: 'ok', problem: hostile, canReview: true, pathId: 'path:u', url: 'https://x.test/path' },
};

describe('card templates', () => {
  test.each(Object.keys(TEMPLATES) as TemplateName[])('%s renders to a valid Teams card', (name) => {
    const card = renderCard(name, SAMPLES[name]);
    expect(cardProblems(card.content)).toEqual([]);
  });

  test('user text cannot smuggle links, formatting or mentions into a card', () => {
    const card = JSON.stringify(renderCard('message', { title: '', text: hostile }).content);
    expect(card).not.toContain('[click](https://evil.example)');
    expect(card).not.toContain('<at>');
    expect(card).not.toMatch(/(?<!\\)\*\*bold/);
  });

  test('ordinary punctuation stays readable', () => {
    expect(escapeMarkdown('Stand-up at 9.30 (daily), e.g. Monday!')).toBe('Stand-up at 9.30 (daily), e.g. Monday!');
    expect(escapeMarkdown('- not a list\n1. not numbered')).toBe('\\- not a list\n\n\\1. not numbered');
  });

  test('the validator itself catches unknown elements and properties', () => {
    const problems = cardProblems({ type: 'AdaptiveCard', version: '1.6', body: [{ type: 'Nope' }, { type: 'TextBlock', text: 'x', colour: 'red', size: 'Huge' }] });
    expect(problems.join('\n')).toMatch(/version 1.6/);
    expect(problems.join('\n')).toMatch(/Unknown element type "Nope"/);
    expect(problems.join('\n')).toMatch(/colour is not a known property/);
    expect(problems.join('\n')).toMatch(/Invalid value "Huge"/);
  });
});
